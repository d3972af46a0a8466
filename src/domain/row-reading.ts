import type { ClientRow } from './api-types';
import { TEMPLATE_COLUMNS } from './columns';
import { matchHeaders, type ColumnMap, type HeaderMatch } from './header-matching';

// C0 controls and DEL. A line break typed with Alt+Enter reads as a space, as the user sees it wrapped.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** Cell text as the template uses it: `cleanCell(" Ann\nLee ")` → `"Ann Lee"`. */
export function cleanCell(text: string | undefined): string {
  return (text ?? '').replace(CONTROL_CHARACTERS, ' ').trim();
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cleanCell(cell) === '');
}

/**
 * One sheet row of displayed text as a ClientRow, or null when the whole row is blank.
 * `readRow(["00123", "Ann"], { taxClientId: 0, firstName: 1 }, 5)?.taxClientId` → `"00123"`
 */
export function readRow(cells: readonly string[], columns: ColumnMap, sheetRow: number): ClientRow | null {
  if (isBlankRow(cells)) return null;
  const row: Record<string, string | number> = { row: sheetRow };
  for (const { field } of TEMPLATE_COLUMNS) {
    const index = columns[field];
    row[field] = index === undefined ? '' : cleanCell(cells[index]);
  }
  return row as unknown as ClientRow;
}

/**
 * Data rows of a grid whose first row is sheet row `firstSheetRow`; blank rows are skipped.
 * `readDataRows([["A1"], [""], ["A2"]], { taxClientId: 0 }, 4).map(r => r.row)` → `[4, 6]`
 */
export function readDataRows(grid: readonly (readonly string[])[], columns: ColumnMap, firstSheetRow: number): ClientRow[] {
  const rows: ClientRow[] = [];
  grid.forEach((cells, index) => {
    const row = readRow(cells, columns, firstSheetRow + index);
    if (row !== null) rows.push(row);
  });
  return rows;
}

/** The header match and data rows of a whole grid whose first row is sheet row `firstSheetRow`. */
export function readTemplate(grid: readonly (readonly string[])[], firstSheetRow = 1): { match: HeaderMatch; rows: ClientRow[] } {
  const match = matchHeaders(grid);
  if (match.headerRowIndex < 0) return { match, rows: [] };
  const start = match.headerRowIndex + 1;
  return { match, rows: readDataRows(grid.slice(start), match.columns, firstSheetRow + start) };
}
