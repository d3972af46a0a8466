/**
 * A workbook described once and written by other software (see writers.ts): the .xlsx files the
 * dropped-file reader is tested on are made inside the test run from this, never committed.
 */
export type CellSpec = { ref: string; format?: string } & (
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  /** An ISO date; each writer turns it into a serial of the workbook's date system itself. */
  | { kind: 'date'; value: string }
  /** A formula without `=`; `cached` is the saved result where the writer can store one. */
  | { kind: 'formula'; value: string; cached?: number | string | boolean }
  | { kind: 'error'; value: string }
);

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  cells: CellSpec[];
  /** Merged areas; the top-left cell's spec gives the value. */
  merges?: string[];
  /** A Yes/No-style dropdown over a range, e.g. `A2:K1048576` (whole columns). */
  list?: { range: string; items: string[] };
  /** An Excel table over `ref` (header row included); `totalsRow`: its last row is the table's totals row. */
  table?: { ref: string; totalsRow?: boolean };
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Index of the active (selected) sheet. */
  active: number;
  date1904?: boolean;
}
