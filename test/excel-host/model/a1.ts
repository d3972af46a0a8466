import { invalidArgument } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A 0-based rectangle of cells. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parsePart(part: string): { row?: number; col?: number } | null {
  let m = CELL.exec(part);
  if (m) return { col: colIndex(m[1]), row: Number(m[2]) - 1 };
  m = COL.exec(part);
  if (m) return { col: colIndex(m[1]) };
  m = ROW.exec(part);
  if (m) return { row: Number(m[1]) - 1 };
  return null;
}

/** Splits "Sheet1!A1:B2" / "'Client List'!A1" into sheet name and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses an A1 reference (cell, area, whole columns "A:C" or whole rows "2:5"). */
export function parseA1(address: string): { sheet?: string; rect: Rect } {
  const { sheet, local } = splitSheet(address.trim());
  const [a, b, extra] = local.split(':');
  const p = a === undefined ? null : parsePart(a);
  const q = b === undefined ? p : parsePart(b);
  if (!p || !q || extra !== undefined) throw invalidArgument(`Bad address '${address}'.`);
  const bothCols = p.row === undefined && q.row === undefined;
  const bothRows = p.col === undefined && q.col === undefined;
  if (!bothCols && !bothRows && (p.row === undefined || q.row === undefined || p.col === undefined || q.col === undefined))
    throw invalidArgument(`Bad address '${address}'.`);
  if (b === undefined && (bothCols || bothRows)) throw invalidArgument(`Bad address '${address}'.`);
  const r0 = bothCols ? 0 : Math.min(p.row!, q.row!);
  const r1 = bothCols ? MAX_ROWS - 1 : Math.max(p.row!, q.row!);
  const c0 = bothRows ? 0 : Math.min(p.col!, q.col!);
  const c1 = bothRows ? MAX_COLS - 1 : Math.max(p.col!, q.col!);
  if (r0 < 0 || r1 >= MAX_ROWS || c0 < 0 || c1 >= MAX_COLS) throw invalidArgument(`Address '${address}' is outside the sheet.`);
  return { sheet, rect: { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 } };
}

/** "A1", "A1:B2", "A:B" (whole columns) or "1:2" (whole rows), as Excel prints them. */
export function rectA1(r: Rect): string {
  if (r.rows === MAX_ROWS && r.cols !== MAX_COLS) return `${colName(r.col)}:${colName(r.col + r.cols - 1)}`;
  if (r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  const first = `${colName(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${colName(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a cell reference. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const fullAddress = (sheet: string, r: Rect) => `${quoteSheet(sheet)}!${rectA1(r)}`;

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row),
    col = Math.max(a.col, b.col);
  const r1 = Math.min(a.row + a.rows, b.row + b.rows),
    c1 = Math.min(a.col + a.cols, b.col + b.cols);
  return r1 > row && c1 > col ? { row, col, rows: r1 - row, cols: c1 - col } : null;
}

export const containsRect = (outer: Rect, inner: Rect) =>
  inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;

export function checkRect(r: Rect, where: string): Rect {
  const ok =
    Number.isInteger(r.row) &&
    Number.isInteger(r.col) &&
    Number.isInteger(r.rows) &&
    Number.isInteger(r.cols) &&
    r.row >= 0 &&
    r.col >= 0 &&
    r.rows >= 1 &&
    r.cols >= 1 &&
    r.row + r.rows <= MAX_ROWS &&
    r.col + r.cols <= MAX_COLS;
  if (!ok) throw invalidArgument(`The range is outside the sheet or empty (${JSON.stringify(r)}).`, where);
  return r;
}
