import type { ColumnSpec, FieldKey } from './columns';
import { DIGIT_FIELDS } from './displayed-text';
import { matchHeaders, type ColumnMap } from './header-matching';

// The one header search of both readers: the open workbook (src/excel) and a dropped file
// (src/taskpane/xlsx) only fetch the cells these functions ask for, so the same workbook is found,
// and read, the same way on either path (DESIGN §3).

/** The header is looked for in this many rows from the first row holding a value… */
export const HEADER_ROWS = 20;
/** …and in at most this many columns from the first column holding a value. */
export const HEADER_COLUMNS = 256;

/** A block of sheet cells by 0-based indexes, as Excel's `getRangeByIndexes` takes it. */
export interface CellArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * The sheets to search, in order: the active sheet first (even when hidden), then the other visible
 * sheets in tab order. `orderCandidates([{visible: true}, {visible: false}, {visible: true}], 2)` → sheets 2, 0
 */
export function orderCandidates<S extends { visible: boolean }>(sheets: readonly S[], activeIndex: number): S[] {
  const active = sheets[activeIndex];
  const others = sheets.filter((s, i) => s.visible && i !== activeIndex);
  return active === undefined ? others : [active, ...others];
}

/**
 * The cells to fetch for the header search: the top rows and left columns of the sheet's used area
 * (the cells holding values). `headerArea({rowIndex: 2, columnIndex: 0, rowCount: 900, columnCount: 11})`
 * → `{rowIndex: 2, columnIndex: 0, rowCount: 20, columnCount: 11}`
 */
export function headerArea(used: CellArea): CellArea {
  return { ...used, rowCount: Math.min(used.rowCount, HEADER_ROWS), columnCount: Math.min(used.columnCount, HEADER_COLUMNS) };
}

/** Where a sheet's header row is, and which sheet column holds each field. */
export interface HeaderLocation {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Field → 0-based sheet column index. */
  columns: ColumnMap;
  /** Required columns not found; empty for a usable template. */
  missing: ColumnSpec[];
}

/**
 * The header among the fetched cells `grid` of `headerArea(used)`, placed on the sheet; null when no
 * row looks like a header. `locateHeader([["Tax Client ID", "First Name"]], used)?.headerRow` → `used.rowIndex + 1`
 */
export function locateHeader(grid: readonly (readonly string[])[], area: CellArea): HeaderLocation | null {
  const match = matchHeaders(grid, HEADER_ROWS);
  if (match.headerRowIndex < 0) return null;
  const columns: ColumnMap = {};
  for (const [field, index] of Object.entries(match.columns) as [FieldKey, number][]) columns[field] = area.columnIndex + index;
  return { headerRow: area.rowIndex + match.headerRowIndex + 1, columns, missing: match.missing };
}

/**
 * The better of two candidate templates in search order: the first with every required column, else
 * the first with the fewest missing. Fold the candidates with it; stop early once it is complete.
 */
export function preferTemplate<T extends { missing: readonly unknown[] }>(best: T | null, candidate: T | null): T | null {
  if (candidate === null) return best;
  return best === null || candidate.missing.length < best.missing.length ? candidate : best;
}

/** The block of columns the data rows are read from: from the leftmost to the rightmost mapped column. */
export interface RowBlock {
  /** 0-based sheet column of the block's first cell. */
  left: number;
  width: number;
  /** Field → index within the block (what `readRow` takes). */
  columns: ColumnMap;
  /** 0-based sheet columns of the fields whose digits `cellText` keeps (Tax Client ID, Mobile). */
  digitColumns: number[];
}

/**
 * The data rows' block for a header's sheet columns.
 * `relativeColumns({ taxClientId: 3, firstName: 5 })` → `{ left: 3, width: 3, columns: { taxClientId: 0, firstName: 2 }, digitColumns: [3] }`
 */
export function relativeColumns(sheetColumns: ColumnMap): RowBlock {
  const mapped = Object.values(sheetColumns) as number[];
  const left = Math.min(...mapped);
  const columns: ColumnMap = {};
  for (const [field, index] of Object.entries(sheetColumns) as [FieldKey, number][]) columns[field] = index - left;
  const digitColumns = DIGIT_FIELDS.map((f) => sheetColumns[f]).filter((c): c is number => c !== undefined);
  return { left, width: Math.max(...mapped) - left + 1, columns, digitColumns };
}
