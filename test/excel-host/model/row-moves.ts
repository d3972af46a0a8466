import { intersect, MAX_COLS, MAX_ROWS, Rect } from './a1';
import { officeError } from './errors';
import { Annotation, annotationKey, Cell, SheetModel, ValidationState } from './sheet-model';
import type { TableModel } from './workbook-model';
import type { CellValue } from './number-format';

/**
 * Rows moving with everything in their cells, as Excel moves them: values, formulas, formats,
 * notes and comments, data validation. Formulas are stored, not evaluated, so references in them are
 * not rewritten (the host models no calculation).
 */

/** Inserts `count` empty rows before row `at` (0-based); rows from `at` move down. */
export function insertRows(sheet: SheetModel, tables: readonly TableModel[], at: number, count: number): void {
  shiftRows(sheet, (r) => (r >= at ? r + count : r));
  sheet.validations = sheet.validations.map((v) => ({ ...v, rect: grow(v.rect, at, count) }));
  sheet.merges = sheet.merges.map((m) => grow(m, at, count));
  for (const t of tables) if (t.sheet === sheet) t.rect = grow(t.rect, at, count);
}

/** Deletes rows `at` … `at + count - 1`; the rows below move up. */
export function deleteRows(sheet: SheetModel, tables: TableModel[], at: number, count: number): void {
  shiftRows(sheet, (r) => (r < at ? r : r < at + count ? null : r - count));
  sheet.validations = sheet.validations.flatMap((v) => {
    const rect = shrink(v.rect, at, count);
    return rect ? [{ ...v, rect }] : [];
  });
  sheet.merges = sheet.merges.flatMap((m) => {
    // A merge losing some of its rows is kept over what remains (Excel keeps it likewise).
    const rect = shrink(m, at, count);
    return rect && rect.rows * rect.cols > 1 ? [rect] : [];
  });
  for (const t of tables) {
    if (t.sheet !== sheet) continue;
    const rect = shrink(t.rect, at, count);
    if (rect) t.rect = rect;
    else t.deleted = true;
  }
}

type SortKey = { column: number; ascending: boolean };

/**
 * Sorts the rows of `rect` by `keys` (columns relative to `rect`): only the cells of `rect` move,
 * with their formats, notes and validation. Excel's order: numbers, then text (ignoring case unless
 * `matchCase`), then FALSE/TRUE, then errors; blank cells always last, whichever the direction. The
 * sort is stable. Excel refuses to sort across merged cells of different sizes; the host refuses any merge in the range.
 */
export function sortRows(sheet: SheetModel, rect: Rect, keys: readonly SortKey[], matchCase: boolean, where: string): void {
  if (sheet.merges.some((m) => intersect(m, rect))) throw officeError('InvalidOperation', 'To do this, all the merged cells need to be the same size.', where);
  const rows = Array.from({ length: rect.rows }, (_, i) => rect.row + i);
  const order = [...rows].sort((a, b) => {
    for (const key of keys) {
      const col = rect.col + key.column;
      const d = compareCells(sheet.cell(a, col), sheet.cell(b, col), key.ascending, matchCase);
      if (d !== 0) return d;
    }
    return a - b;
  });
  const to = new Map(order.map((from, i) => [from, rect.row + i]));
  if (order.every((from, i) => from === rect.row + i)) return;
  const inColumns = (c: number) => c >= rect.col && c < rect.col + rect.cols;
  const validations = Array.from({ length: rect.cols }, (_, j) => order.map((from) => sheet.validationAt(from, rect.col + j)));
  moveCells(sheet, (r, c) => (inColumns(c) && to.has(r) ? to.get(r)! : r));
  // Each column's validation moves with its cells; a column whose rows share one rule is unchanged.
  validations.forEach((states, j) => {
    if (states.every((s) => s === states[0])) return;
    states.forEach((state, i) => sheet.validations.push({ rect: { row: rect.row + i, col: rect.col + j, rows: 1, cols: 1 }, state: cloneState(state) }));
  });
}

const cloneState = (s: ValidationState | null) => (s === null ? null : structuredClone(s));

function rank(cell: Cell | undefined): number {
  if (!cell || (cell.v === '' && cell.f === undefined)) return 4;
  if (cell.err) return 3;
  if (typeof cell.v === 'boolean') return 2;
  return typeof cell.v === 'number' ? 0 : 1;
}

function compareCells(a: Cell | undefined, b: Cell | undefined, ascending: boolean, matchCase: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 4 || rb === 4) return ra - rb; // blanks last either way
  const d = ra !== rb ? ra - rb : compareValues(a!.v, b!.v, matchCase);
  return ascending ? d : -d;
}

function compareValues(a: CellValue, b: CellValue, matchCase: boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean') return Number(a) - Number(b);
  const [x, y] = matchCase ? [String(a), String(b)] : [String(a).toLowerCase(), String(b).toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whole rows move to `to(row)` (null: gone), with hidden rows and heights. */
function shiftRows(sheet: SheetModel, to: (row: number) => number | null): void {
  moveCells(sheet, (r) => to(r));
  const hidden = [...sheet.hiddenRows].map(to).filter((r): r is number => r !== null);
  sheet.hiddenRows.clear();
  for (const r of hidden) sheet.hiddenRows.add(r);
  const heights = [...sheet.rowHeights].map(([r, h]) => [to(r), h] as const).filter(([r]) => r !== null);
  sheet.rowHeights.clear();
  for (const [r, h] of heights) sheet.rowHeights.set(r!, h);
}

/** Every stored cell and annotation moves from (r, c) to (to(r, c), c); null drops it. */
function moveCells(sheet: SheetModel, to: (row: number, col: number) => number | null): void {
  const cells: [number, number, Cell][] = [];
  for (const [r, arr] of sheet.rows) arr.forEach((cell, c) => cell && cells.push([r, c, cell]));
  const annotations: [number, number, Annotation][] = [...sheet.annotations].map(([key, a]) => {
    const [r, c] = key.split(':').map(Number);
    return [r, c, a];
  });
  for (const [r, c] of cells) sheet.rows.get(r)![c] = undefined;
  sheet.annotations.clear();
  for (const [r, c, cell] of cells) {
    const nr = to(r, c);
    if (nr !== null) sheet.ensure(nr, c, cell);
  }
  for (const [r, c, a] of annotations) {
    const nr = to(r, c);
    if (nr !== null) sheet.annotations.set(annotationKey(nr, c), a);
  }
  for (const [r, arr] of [...sheet.rows]) if (arr.every((cell) => cell === undefined)) sheet.rows.delete(r);
}

/** `rect` after inserting `count` rows before row `at`: below moves down; spanning grows. */
function grow(rect: Rect, at: number, count: number): Rect {
  if (rect.row === 0 && rect.rows === MAX_ROWS) return rect; // whole columns stay whole columns
  // What would pass the last row falls off the sheet.
  const fit = (r: Rect) => ({ ...r, rows: Math.min(r.rows, MAX_ROWS - r.row) });
  if (at <= rect.row) return fit({ ...rect, row: rect.row + count });
  if (at < rect.row + rect.rows) return fit({ ...rect, rows: rect.rows + count });
  return rect;
}

/** `rect` after deleting rows `at`…`at + count - 1`; null when all its rows are gone. */
function shrink(rect: Rect, at: number, count: number): Rect | null {
  const end = rect.row + rect.rows;
  const lost = Math.max(0, Math.min(end, at + count) - Math.max(rect.row, at));
  if (lost === rect.rows) return null;
  const row = rect.row >= at + count ? rect.row - count : Math.min(rect.row, at);
  return { ...rect, row, rows: rect.rows - lost };
}

export const isWholeRows = (rect: Rect) => rect.col === 0 && rect.cols === MAX_COLS;
