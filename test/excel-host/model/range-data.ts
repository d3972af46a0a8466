import { MAX_COLS, MAX_ROWS, Rect } from './a1';
import { invalidArgument } from './errors';
import { formatText } from './number-format';
import { Cell, drop, SheetModel } from './sheet-model';
import { typeInput } from './typing';

/** Reads and writes of cell grids, shared by Range and table rows. */
export type GridProp = 'values' | 'text' | 'numberFormat' | 'valueTypes' | 'formulas';

function valueType(c: Cell | undefined): string {
  if (!c || (c.v === '' && c.f === undefined)) return 'Empty';
  if (c.err) return 'Error';
  if (typeof c.v === 'number') return 'Double';
  if (typeof c.v === 'boolean') return 'Boolean';
  return 'String';
}

/** A cell covered by a merge but not its top-left reads as empty. */
const hiddenByMerge = (s: SheetModel, r: number, c: number) => {
  if (s.merges.length === 0) return false;
  const m = s.mergeAt(r, c);
  return !!m && (m.row !== r || m.col !== c);
};

export function readGrid(s: SheetModel, rect: Rect, prop: GridProp): unknown[][] {
  const out: unknown[][] = new Array(rect.rows);
  for (let i = 0; i < rect.rows; i++) {
    const r = rect.row + i;
    const arr = s.rows.get(r);
    const row: unknown[] = new Array(rect.cols);
    for (let j = 0; j < rect.cols; j++) {
      const c = rect.col + j;
      let cell = arr?.[c];
      if (cell && hiddenByMerge(s, r, c)) cell = undefined;
      switch (prop) {
        case 'values':
          row[j] = cell ? cell.v : '';
          break;
        case 'formulas':
          row[j] = cell ? (cell.f ?? cell.v) : '';
          break;
        case 'valueTypes':
          row[j] = valueType(cell);
          break;
        case 'numberFormat':
          row[j] = cell?.nf ?? s.columnFormats.get(c) ?? 'General';
          break;
        case 'text':
          row[j] = !cell ? '' : (cell.t ?? formatText(cell.v, cell.nf ?? s.columnFormats.get(c) ?? 'General', cell.err, s.locale));
          break;
      }
    }
    out[i] = row;
  }
  return out;
}

/** Office.js accepts a 2-D array of exactly the range's shape, or one scalar for every cell. */
export function checkShape(input: unknown, rect: Rect, where: string): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) {
    if (typeof input === 'object' && input !== null) throw invalidArgument('Expected a 2-D array.', where);
    return () => input;
  }
  const ok = input.length === rect.rows && input.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!ok) {
    const got = `${input.length}x${Array.isArray(input[0]) ? input[0].length : '?'}`;
    throw invalidArgument(
      `The number of rows or columns in the input array (${got}) doesn't match the size or dimensions of the range (${rect.rows}x${rect.cols}).`,
      where,
    );
  }
  return (r, c) => (input[r] as unknown[])[c];
}

/** Writes through Excel's typing rules (values and formulas behave alike). */
export function writeValues(s: SheetModel, rect: Rect, input: unknown, where: string): void {
  const at = checkShape(input, rect, where);
  if (rect.rows * rect.cols > 5_000_000 && !Array.isArray(input)) throw invalidArgument('The fake does not fill more than 5,000,000 cells at once.', where);
  if (s.changeListeners > 0) s.changes.push(rect);
  for (let i = 0; i < rect.rows; i++) {
    const r = rect.row + i;
    for (let j = 0; j < rect.cols; j++) {
      const c = rect.col + j;
      const v = at(i, j);
      if (v === null || v === undefined || hiddenByMerge(s, r, c)) continue;
      const existing = s.cell(r, c);
      const typed = typeInput(v, existing?.nf ?? s.columnFormats.get(c) ?? 'General', where, s.locale)!;
      if (!existing && typed.v === '' && typed.f === undefined) continue;
      // A new cell is made with its value (and formula) in place: one object, not one grown property by property.
      const cell = existing ?? s.ensure(r, c, typed.f === undefined ? { v: typed.v } : { v: typed.v, f: typed.f });
      cell.v = typed.v;
      if (typed.f !== undefined) cell.f = typed.f;
      else drop(cell, 'f');
      if (typed.err) cell.err = true;
      else drop(cell, 'err');
      if (typed.autoFormat) cell.nf = typed.autoFormat;
      drop(cell, 't');
    }
  }
}

export function writeNumberFormat(s: SheetModel, rect: Rect, input: unknown, where: string): void {
  const at = checkShape(input, rect, where);
  const whole = rect.row === 0 && rect.rows === MAX_ROWS;
  if (whole) {
    // Whole columns: Excel stores a column style rather than a million cells.
    for (let j = 0; j < rect.cols && rect.col + j < MAX_COLS; j++) {
      const f = at(0, j);
      if (f === null || f === undefined) continue;
      if (typeof f !== 'string') throw invalidArgument('A number format must be a string.', where);
      s.columnFormats.set(rect.col + j, f);
    }
    for (const [, c, cell] of s.existing(rect)) {
      const f = s.columnFormats.get(c);
      if (f !== undefined) cell.nf = f;
    }
    return;
  }
  if (rect.rows * rect.cols > 5_000_000) throw invalidArgument('The fake does not format more than 5,000,000 cells at once (use whole columns).', where);
  for (let i = 0; i < rect.rows; i++)
    for (let j = 0; j < rect.cols; j++) {
      const f = at(i, j);
      if (f === null || f === undefined) continue;
      if (typeof f !== 'string') throw invalidArgument('A number format must be a string.', where);
      const cell = s.ensure(rect.row + i, rect.col + j, { v: '', nf: f });
      cell.nf = f;
      drop(cell, 't');
    }
}

/** Cells to style: every cell of a normal range; for whole columns/rows only the existing cells. */
export function* styleTargets(s: SheetModel, rect: Rect): Generator<Cell> {
  if (rect.rows === MAX_ROWS || rect.cols === MAX_COLS) {
    for (const [, , cell] of s.existing(rect)) yield cell;
    return;
  }
  for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) yield s.ensure(rect.row + i, rect.col + j);
}

/** One value for the whole range, or null when cells differ (Excel's answer for mixed formats). */
export function uniform<V>(s: SheetModel, rect: Rect, get: (c: Cell | undefined) => V): V | null {
  let first: V | undefined;
  let seen = false;
  const cells = rect.rows * rect.cols;
  if (cells > 1_000_000) {
    const mixed = s.someExisting(rect, (cell) => {
      const v = get(cell);
      if (seen && v !== first) return true;
      first = v;
      seen = true;
      return false;
    });
    if (mixed) return null;
    const d = get(undefined);
    return !seen || first === d ? d : null;
  }
  for (let i = 0; i < rect.rows; i++)
    for (let j = 0; j < rect.cols; j++) {
      const v = get(s.cell(rect.row + i, rect.col + j));
      if (seen && v !== first) return null;
      first = v;
      seen = true;
    }
  return first as V;
}
