import {
  cellText,
  HEADER_ROWS,
  headerArea,
  locateHeader,
  notCalculatedIssue,
  orderCandidates,
  preferTemplate,
  readRow,
  relativeColumns,
  type ClientRow,
  type FieldKey,
  type HeaderLocation,
  type Issue,
  type RegionalSettings,
} from '../../domain';
import { FileTemplateError, READ_LIMITS, tooManyCells } from './read-limits';
import { COLUMNS, key, readSheetCells, type SheetCells } from './sheet-cells';
import { readTotalsRows } from './table-parts';
import { readWorkbookInfo } from './workbook-parts';
import { preferredEngine, zipEntries, type InflateEngine } from './zip-entries';
import type { XlsxPackage } from './package-parts';

/** What a dropped template file gives the import. */
export interface FileTemplate {
  /** The sheet the rows were read from. */
  sheetName: string;
  rows: ClientRow[];
  /** What the file cannot tell, per cell (a formula whose result it cannot vouch for); these rows are not imported. */
  issues: Issue[];
}

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Which inflater to use; by default the platform's own where it has one (tests pin each). */
  engine?: InflateEngine;
  /** How the user's Excel shows numbers (separators, short date); en-US when not given. */
  regional?: RegionalSettings;
}

export interface ReadProgress {
  sheetName: string;
  /** Share of that sheet read, 0–1. */
  done: number;
}

interface Candidate extends HeaderLocation {
  sheetName: string;
  cells: SheetCells;
  path: string;
}

/**
 * Reads a saved template (.xlsx) the way the in-Excel path reads the open workbook: visible sheets,
 * the active one first, the first whose header row names every required column; cells as the text
 * Excel displays. CPU-bound for big files: run it in the worker (xlsx-reader.worker.ts).
 */
export async function readTemplateXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<FileTemplate> {
  if (bytes.byteLength > READ_LIMITS.maxFileBytes) throw new FileTemplateError(READ_LIMITS.tooLargeMessage(bytes.byteLength));
  try {
    return await readTemplate(bytes, options);
  } catch (error) {
    if (error instanceof FileTemplateError) throw error;
    // A broken zip or part: nothing in it can be trusted, and a stack trace helps no user.
    throw new FileTemplateError(UNREADABLE);
  }
}

const UNREADABLE = 'This file is not an Excel workbook (.xlsx) that can be read. Open it in Excel, save it as an Excel Workbook (.xlsx) and drop it again.';

async function readTemplate(bytes: Uint8Array, { onProgress, engine = preferredEngine(), regional }: ReadOptions): Promise<FileTemplate> {
  const pkg: XlsxPackage = { bytes, entries: zipEntries(bytes), engine };
  const book = await readWorkbookInfo(pkg);
  let best: Candidate | null = null;
  for (const sheet of orderCandidates(book.sheets, book.activeIndex).filter((s) => s.path !== undefined)) {
    const cells = await readSheetCells(pkg, sheet.path!, book, {
      onProgress: (done) => onProgress?.({ sheetName: sheet.name, done }),
      probe: (read) => findHeader(read) !== null,
      probeRows: HEADER_ROWS,
      maxValueCells: READ_LIMITS.maxValueCells,
      onTooManyCells: () => tooManyCells(sheet.name),
      regional,
    });
    const header = findHeader(cells);
    best = preferTemplate(best, header && { sheetName: sheet.name, cells, path: sheet.path!, ...header });
    if (best?.missing.length === 0) return templateRows(best, await readTotalsRows(pkg, best.path));
  }
  const missing = best?.missing ?? [];
  throw new FileTemplateError(
    best !== null
      ? `The file has no complete client import template: sheet "${best.sheetName}" is missing ${missing.map((c) => c.header).join(', ')}.`
      : `The file has no client import template (no header row in the first ${HEADER_ROWS} rows of a visible sheet).`,
    missing,
  );
}

/** The header of a sheet's cells, searched as the in-Excel path searches the open sheet. */
function findHeader(cells: SheetCells): HeaderLocation | null {
  if (cells.firstRow < 0) return null;
  const area = headerArea({
    rowIndex: cells.firstRow,
    columnIndex: cells.firstColumn,
    rowCount: cells.lastRow - cells.firstRow + 1,
    columnCount: cells.lastColumn - cells.firstColumn + 1,
  });
  const grid: string[][] = [];
  for (let r = area.rowIndex; r < area.rowIndex + area.rowCount; r += 1) grid.push(slice(cells.rows[r], area.columnIndex, area.columnCount));
  return locateHeader(grid, area);
}

/** `width` cells of a sparse row from column `left`, blanks as ''. */
function slice(line: string[] | undefined, left: number, width: number): string[] {
  const out = new Array<string>(width).fill('');
  if (line === undefined) return out;
  for (let c = 0; c < width; c += 1) {
    const text = line[left + c];
    if (text !== undefined) out[c] = text;
  }
  return out;
}

/** The data rows below the header, as src/excel/row-reader.ts reads them (same width, same digit rule). */
function templateRows({ sheetName, cells, headerRow, columns: sheetColumns }: Candidate, totalsRows: ReadonlySet<number>): FileTemplate {
  const { left, width, columns, digitColumns } = relativeColumns(sheetColumns);
  // Row by row, letting each read line go: holding the sheet's cells and a copy of them at once
  // doubled the peak memory of a 100,000-row file.
  const rows: ClientRow[] = [];
  // headerRow is 1-based: as a 0-based index it is the first data row.
  for (let r = headerRow; r <= cells.lastRow; r += 1) {
    const line = slice(cells.rows[r], left, width);
    cells.rows[r] = undefined as unknown as string[];
    for (const c of digitColumns) {
      const number = cells.numbers.get(key(r, c));
      if (number !== undefined) line[c - left] = cellText(number, line[c - left]);
    }
    const row = readRow(line, columns, r + 1);
    // An Excel table's totals row is no client (as the open sheet's reader leaves it out).
    if (row !== null && !totalsRows.has(r + 1)) rows.push(row);
  }
  const present = new Set(rows.map((row) => row.row - 1));
  const issues: Issue[] = [];
  for (const [at, reason] of cells.uncalculated) {
    const r = Math.floor(at / COLUMNS);
    const field = (Object.entries(sheetColumns) as [FieldKey, number][]).find(([, c]) => c === at % COLUMNS)?.[0];
    if (field !== undefined && present.has(r)) issues.push(notCalculatedIssue(r + 1, field, reason));
  }
  issues.sort((a, b) => a.row - b.row);
  return { sheetName, rows, issues };
}
