import type { RegionalSettings, UnreadableReason } from '../../domain';
import { CellFormatter } from './cell-format';
import { decodeOoxmlText, ownString, readPart, type XlsxPackage } from './package-parts';
import { attribute, decodeXml, type XmlHandler } from './xml-scanner';
import type { WorkbookInfo } from './workbook-parts';

/** The cells of one sheet that hold something, as displayed text; indexes are 0-based. */
export interface SheetCells {
  /** `rows[r][c]`: sparse by row; only rows holding a value exist. */
  rows: string[][];
  /** Bounds of the cells holding a value (Excel's used range, values only); -1 when there are none. */
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Numbers whose text may be scientific notation, by `key(r, c)`, for the digit rule. */
  numbers: Map<number, number>;
  /** Formulas whose result the file cannot vouch for, by `key(r, c)`: none saved, or the file asks Excel to recalculate on open. */
  uncalculated: Map<number, UnreadableReason>;
  valueCells: number;
}

export const COLUMNS = 16384;
export const key = (row: number, column: number) => row * COLUMNS + column;

export interface SheetReadOptions {
  onProgress?: (done: number) => void;
  /** Asked once the cells of the first rows have been read; false stops reading (no template here). */
  probe?: (cells: SheetCells) => boolean;
  probeRows: number;
  maxValueCells: number;
  onTooManyCells: () => never;
  /** How the user's Excel shows numbers; en-US when not given. */
  regional?: RegionalSettings;
}

/** Reads a worksheet part: cell values to displayed text, cached formula results, merges. */
export async function readSheetCells(pkg: XlsxPackage, path: string, book: WorkbookInfo, options: SheetReadOptions): Promise<SheetCells> {
  const cells: SheetCells = {
    rows: [],
    firstRow: -1,
    lastRow: -1,
    firstColumn: -1,
    lastColumn: -1,
    numbers: new Map(),
    uncalculated: new Map(),
    valueCells: 0,
  };
  const formatter = new CellFormatter(book.date1904, options.regional);
  const merges: string[] = [];
  let row = -1;
  let column = -1;
  let type = '';
  let style = 0;
  let hasFormula = false;
  let value: string | null = null; // raw text of <v> or of an inline string's <t>s
  let capture = false;
  let phonetic = 0;
  let stopped = false;

  const store = (text: string, uncalculated: UnreadableReason | null) => {
    if (text === '' && uncalculated === null) return;
    if (row >= COLUMNS * 64 || column >= COLUMNS) return; // past Excel's grid: ignore
    if (cells.firstRow < 0) cells.firstRow = row;
    if (cells.firstColumn < 0 || column < cells.firstColumn) cells.firstColumn = column;
    cells.lastRow = Math.max(cells.lastRow, row);
    cells.lastColumn = Math.max(cells.lastColumn, column);
    (cells.rows[row] ??= [])[column] = text;
    if (uncalculated !== null) cells.uncalculated.set(key(row, column), uncalculated);
    cells.valueCells += 1;
    if (cells.valueCells > options.maxValueCells) options.onTooManyCells();
  };

  const finish = () => {
    const raw = value;
    const pattern = book.styleFormats[style] ?? 'General';
    if (hasFormula) {
      // No result saved: Excel has never calculated it. A result saved by a writer that asks Excel to
      // recalculate on open (XlsxWriter, Excel::Writer::XLSX) is a placeholder, not what Excel would show.
      if (raw === null || (raw === '' && type !== 'str')) return store('', 'no-result');
      if (book.recalculateOnOpen) return store('', 'recalculate-on-open');
    }
    if (raw === null) return;
    switch (type) {
      case 's':
        return store(formatter.string(book.sharedStrings[Number(raw)] ?? '', pattern), null);
      case 'inlineStr':
      case 'str':
        return store(ownString(formatter.string(decodeOoxmlText(raw), pattern)), null);
      case 'b':
        return store(/^\s*(1|true)\s*$/i.test(raw) ? 'TRUE' : 'FALSE', null);
      case 'e':
        return store(decodeXml(raw).trim(), null);
      case 'd':
        return store(formatter.isoDate(decodeXml(raw).trim(), pattern), null);
      default: {
        const number = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(number)) return store(decodeXml(raw), null);
        const text = formatter.number(number, pattern);
        if (text.includes('E')) cells.numbers.set(key(row, column), number);
        return store(text, null);
      }
    }
  };

  const handler: XmlHandler = {
    open(name, attrs, selfClosing) {
      if (name === 'c') {
        const ref = attribute(attrs, 'r');
        if (ref !== undefined) [row, column] = parseRef(ref, row);
        else column += 1;
        type = attribute(attrs, 't') ?? 'n';
        style = Number(attribute(attrs, 's') ?? 0) || 0;
        hasFormula = false;
        value = null;
      } else if (name === 'row') {
        if (cells.firstRow >= 0 && row >= cells.firstRow + options.probeRows && options.probe && !stopped) {
          if (!options.probe(cells)) stopped = true;
          options.probe = undefined;
        }
        const ref = Number(attribute(attrs, 'r'));
        row = Number.isInteger(ref) && ref > 0 ? ref - 1 : row + 1;
        column = -1;
      } else if (name === 'f') {
        hasFormula = true;
      } else if (name === 'v') {
        value = '';
        capture = !selfClosing;
      } else if (name === 'is') {
        value = '';
      } else if (name === 'rPh') {
        phonetic += selfClosing ? 0 : 1;
      } else if (name === 't' && value !== null && type === 'inlineStr') {
        capture = !selfClosing && phonetic === 0;
      } else if (name === 'mergeCell') {
        merges.push(attribute(attrs, 'ref') ?? '');
      }
    },
    close(name) {
      if (name === 'c') finish();
      else if (name === 'v' || name === 't') capture = false;
      else if (name === 'rPh') phonetic -= 1;
    },
    text(raw, cdata) {
      if (capture && value !== null) value += cdata ? raw.replace(/&/g, '&amp;').replace(/</g, '&lt;') : raw;
    },
  };
  await readPart(pkg, path, handler, options.onProgress, () => stopped);
  if (!stopped) blankMergedCells(cells, merges);
  return cells;
}

/** `parseRef("AB12", 0)` → `[11, 27]`; a reference without a row number keeps the current row. */
function parseRef(ref: string, currentRow: number): [number, number] {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  const row = i < ref.length ? Number(ref.slice(i)) - 1 : currentRow;
  return [Number.isInteger(row) ? row : currentRow, column - 1];
}

/** Excel shows a merged area's value in its top-left cell only; the covered cells read blank. */
function blankMergedCells(cells: SheetCells, merges: readonly string[]): void {
  const before = cells.valueCells;
  for (const ref of merges) {
    const [from, to = from] = ref.split(':');
    const [top, left] = parseRef(from, 0);
    const [bottom, right] = parseRef(to, 0);
    for (let r = top; r <= Math.min(bottom, cells.lastRow); r += 1) {
      const line = cells.rows[r];
      if (line === undefined) continue;
      for (let c = left; c <= right; c += 1) {
        if ((r === top && c === left) || line[c] === undefined) continue;
        delete line[c];
        cells.uncalculated.delete(key(r, c));
        cells.valueCells -= 1;
      }
    }
  }
  if (cells.valueCells < before) shrinkBounds(cells);
}

/** The bounds again after cells were blanked (rare: a file that repeats a merged area's value). */
function shrinkBounds(cells: SheetCells): void {
  const holds = (r: number) => (cells.rows[r] ?? []).some((c) => c !== undefined);
  while (cells.lastRow >= 0 && !holds(cells.lastRow)) cells.lastRow -= 1;
  while (cells.firstRow >= 0 && cells.firstRow <= cells.lastRow && !holds(cells.firstRow)) cells.firstRow += 1;
  if (cells.lastRow < 0) {
    cells.firstRow = cells.firstColumn = cells.lastColumn = -1;
    return;
  }
  cells.firstColumn = Infinity;
  cells.lastColumn = -1;
  for (const line of cells.rows) {
    if (line === undefined) continue;
    line.forEach((_, c) => {
      cells.firstColumn = Math.min(cells.firstColumn, c);
      cells.lastColumn = Math.max(cells.lastColumn, c);
    });
  }
}
