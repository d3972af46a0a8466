import {
  cellText,
  DIGIT_FIELDS,
  matchHeaders,
  notCalculatedIssue,
  readRow,
  type ClientRow,
  type ColumnMap,
  type ColumnSpec,
  type FieldKey,
  type Issue,
} from '../../domain';
import { FileTemplateError, READ_LIMITS, tooManyCells } from './read-limits';
import { COLUMNS, key, readSheetCells, type SheetCells } from './sheet-cells';
import { readWorkbookInfo, type SheetEntry } from './workbook-parts';
import { preferredEngine, zipEntries, type InflateEngine } from './zip-entries';
import type { XlsxPackage } from './package-parts';

/** What a dropped template file gives the import. */
export interface FileTemplate {
  /** The sheet the rows were read from. */
  sheetName: string;
  rows: ClientRow[];
  /** What the file cannot tell, per cell (a formula with no saved result); these rows are not imported. */
  issues: Issue[];
}

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Which inflater to use; by default the platform's own where it has one (tests pin each). */
  engine?: InflateEngine;
}

export interface ReadProgress {
  sheetName: string;
  /** Share of that sheet read, 0–1. */
  done: number;
}

/** Header search reads this many rows from the first row holding a value (as the in-Excel path does). */
const HEADER_ROWS = 20;
const HEADER_COLUMNS = 256;

interface Candidate {
  sheetName: string;
  cells: SheetCells;
  headerRow: number;
  columns: ColumnMap;
  missing: ColumnSpec[];
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

async function readTemplate(bytes: Uint8Array, { onProgress, engine = preferredEngine() }: ReadOptions): Promise<FileTemplate> {
  const pkg: XlsxPackage = { bytes, entries: zipEntries(bytes), engine };
  const book = await readWorkbookInfo(pkg);
  let best: Candidate | null = null;
  for (const sheet of candidateOrder(book.sheets, book.activeIndex)) {
    const cells = await readSheetCells(pkg, sheet.path!, book, {
      onProgress: (done) => onProgress?.({ sheetName: sheet.name, done }),
      probe: (read) => matchHeaders(headerGrid(read)).headerRowIndex >= 0,
      probeRows: HEADER_ROWS,
      maxValueCells: READ_LIMITS.maxValueCells,
      onTooManyCells: () => tooManyCells(sheet.name),
    });
    const candidate = locate(sheet.name, cells);
    if (candidate === null) continue;
    if (candidate.missing.length === 0) return templateRows(candidate);
    if (best === null || candidate.missing.length < best.missing.length) best = candidate;
  }
  const missing = best?.missing ?? [];
  throw new FileTemplateError(
    best !== null
      ? `The file has no complete client import template: sheet "${best.sheetName}" is missing ${missing.map((c) => c.header).join(', ')}.`
      : `The file has no client import template (no header row in the first ${HEADER_ROWS} rows of a visible sheet).`,
    missing,
  );
}

/** As src/excel/template-finder.ts: the active sheet first, then the other visible sheets in tab order. */
function candidateOrder(sheets: readonly SheetEntry[], activeIndex: number): SheetEntry[] {
  const active = sheets[activeIndex];
  const visible = sheets.filter((s, i) => s.path !== undefined && (s.visible || i === activeIndex));
  return [...visible.filter((s) => s === active), ...visible.filter((s) => s !== active)];
}

/** The first rows and columns of the used range, as the in-Excel path loads them for the header search. */
function headerGrid(cells: SheetCells): string[][] {
  if (cells.firstRow < 0) return [];
  const grid: string[][] = [];
  for (let r = cells.firstRow; r < Math.min(cells.firstRow + HEADER_ROWS, cells.lastRow + 1); r += 1) {
    grid.push(slice(cells.rows[r], cells.firstColumn, cells.firstColumn + HEADER_COLUMNS - 1));
  }
  return grid;
}

function slice(line: string[] | undefined, left: number, right: number): string[] {
  const out = new Array<string>(right - left + 1).fill('');
  if (line === undefined) return out;
  for (let c = left; c <= right; c += 1) {
    const text = line[c];
    if (text !== undefined) out[c - left] = text;
  }
  return out;
}

function locate(sheetName: string, cells: SheetCells): Candidate | null {
  const match = matchHeaders(headerGrid(cells), HEADER_ROWS);
  if (match.headerRowIndex < 0) return null;
  const columns: ColumnMap = {};
  for (const [field, index] of Object.entries(match.columns) as [FieldKey, number][]) columns[field] = cells.firstColumn + index;
  return { sheetName, cells, headerRow: cells.firstRow + match.headerRowIndex, columns, missing: match.missing };
}

/** The data rows below the header, as src/excel/row-reader.ts reads them (same width, same digit rule). */
function templateRows({ sheetName, cells, headerRow, columns }: Candidate): FileTemplate {
  const mapped = Object.values(columns) as number[];
  const left = Math.min(...mapped);
  const right = Math.max(...mapped);
  const relative: ColumnMap = {};
  for (const [field, index] of Object.entries(columns) as [FieldKey, number][]) relative[field] = index - left;
  const digitColumns = DIGIT_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined);
  // Row by row, letting each read line go: holding the sheet's cells and a copy of them at once
  // doubled the peak memory of a 100,000-row file.
  const rows: ClientRow[] = [];
  for (let r = headerRow + 1; r <= cells.lastRow; r += 1) {
    const line = slice(cells.rows[r], left, right);
    cells.rows[r] = undefined as unknown as string[];
    for (const c of digitColumns) {
      const number = cells.numbers.get(key(r, c));
      if (number !== undefined) line[c - left] = cellText(number, line[c - left]);
    }
    const row = readRow(line, relative, r + 1);
    if (row !== null) rows.push(row);
  }
  const present = new Set(rows.map((row) => row.row - 1));
  const issues: Issue[] = [];
  for (const at of cells.uncalculated) {
    const r = Math.floor(at / COLUMNS);
    const field = (Object.entries(columns) as [FieldKey, number][]).find(([, c]) => c === at % COLUMNS)?.[0];
    if (field !== undefined && present.has(r)) issues.push(notCalculatedIssue(r + 1, field));
  }
  issues.sort((a, b) => a.row - b.row);
  return { sheetName, rows, issues };
}
