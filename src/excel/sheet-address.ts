/** 0-based column index → letters: `columnLetters(0)` → "A", `columnLetters(27)` → "AB". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a cell, 1-based row and 0-based column: `cellAddress(12, 1)` → "B12". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A sheet name quoted for a reference: `quoteSheetName("Bob's")` → `'Bob''s'`. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A worksheet's size in Excel (rows 1-based, columns 0-based here): what `D:D` and `3:3` span. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * `parseAddress("Clients!B3:K20")` → first row 3, first column 1 (0-based), last row 20, last column 10.
 * Whole columns and rows span the sheet, as Excel writes them in event and range addresses:
 * `parseAddress("D:E")` → rows 1…1,048,576 of columns 3…4; `parseAddress("3:5")` → rows 3…5 of every column.
 */
export function parseAddress(address: string): { firstRow: number; firstColumn: number; lastRow: number; lastColumn: number } {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to = from] = local.split(':');
  const a = parseCell(from, 'first');
  const b = parseCell(to, 'last');
  return { firstRow: a.row, firstColumn: a.column, lastRow: b.row, lastColumn: b.column };
}

/** `B3`, or the column `B` or the row `3` of a whole-column or whole-row area, taken at its `end`. */
function parseCell(cell: string, end: 'first' | 'last'): { row: number; column: number } {
  const match = /^([A-Z]*)(\d*)$/i.exec(cell);
  if (match === null || (match[1] === '' && match[2] === '')) throw new Error(`Not a cell address: ${cell}`);
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return {
    row: match[2] !== '' ? Number(match[2]) : end === 'first' ? 1 : SHEET_ROWS,
    column: match[1] !== '' ? column - 1 : end === 'first' ? 0 : SHEET_COLUMNS - 1,
  };
}

/** The first free name among `base`, `base (2)`, `base (3)`, … ignoring case, as Excel compares names. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
