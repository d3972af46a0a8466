import { fieldForHeader, TEMPLATE_COLUMNS, type ColumnSpec, type FieldKey } from './columns';

/** Field → 0-based column index in the grid. */
export type ColumnMap = Partial<Record<FieldKey, number>>;

export interface HeaderMatch {
  /** 0-based index into the grid given; -1 when no row looks like a header. */
  headerRowIndex: number;
  columns: ColumnMap;
  /** Required columns not found; empty means the template is usable. */
  missing: ColumnSpec[];
  /** Non-blank header cells that name no template column: kept and ignored. */
  unknownColumns: number[];
}

/** A row needs this many recognised headers to count as the header row (one could be a title). */
const MIN_RECOGNISED = 2;

interface Candidate {
  index: number;
  columns: ColumnMap;
  unknownColumns: number[];
  recognised: number;
}

function readHeaderRow(cells: readonly string[], index: number): Candidate {
  const columns: ColumnMap = {};
  const unknownColumns: number[] = [];
  let recognised = 0;
  cells.forEach((cell, column) => {
    if ((cell ?? '').trim() === '') return;
    const field = fieldForHeader(cell);
    if (field !== undefined && columns[field] === undefined) {
      columns[field] = column;
      recognised += 1;
    } else {
      unknownColumns.push(column);
    }
  });
  return { index, columns, unknownColumns, recognised };
}

/**
 * Finds the header row among the first `maxRows` rows: the one naming the most template columns.
 * `matchHeaders([["Title"], ["Tax Client ID", "First Name*"]]).headerRowIndex` → 1
 */
export function matchHeaders(grid: readonly (readonly string[])[], maxRows = 20): HeaderMatch {
  let best: Candidate | undefined;
  for (let index = 0; index < Math.min(grid.length, maxRows); index += 1) {
    const candidate = readHeaderRow(grid[index] ?? [], index);
    if (candidate.recognised > (best?.recognised ?? MIN_RECOGNISED - 1)) best = candidate;
  }
  if (best === undefined) {
    return { headerRowIndex: -1, columns: {}, missing: TEMPLATE_COLUMNS.filter((c) => c.required), unknownColumns: [] };
  }
  const found = best.columns;
  return {
    headerRowIndex: best.index,
    columns: found,
    missing: TEMPLATE_COLUMNS.filter((c) => c.required && found[c.field] === undefined),
    unknownColumns: best.unknownColumns,
  };
}
