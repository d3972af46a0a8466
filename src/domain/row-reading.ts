import type { ClientRow } from './api-types';
import { matchHeaders, type ColumnMap, type HeaderMatch } from './header-matching';
import { normalizeTaxClientId } from './tax-client-id';

// C0 controls and DEL. A line break typed with Alt+Enter reads as a space, as the user sees it wrapped.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** Cell text as the template uses it: `cleanCell(" Ann\nLee ")` → `"Ann Lee"`. */
export function cleanCell(text: string | undefined): string {
  if (text === undefined) return '';
  // Called for every cell read (1.1 million for 100,000 rows): the replace only where a control character is.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return text.replace(CONTROL_CHARACTERS, ' ').trim();
  }
  return text.trim();
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cleanCell(cell) !== '') return false;
  return true;
}

/** A Tax Client ID cell's text in the ID's one form: `taxClientIdOf(" Ｔ１\n")` → `"T1"`. */
export const taxClientIdOf = (text: string | undefined): string => normalizeTaxClientId(cleanCell(text));

const fieldText = (cells: readonly string[], index: number | undefined) => (index === undefined ? '' : cleanCell(cells[index]));

/**
 * One sheet row of displayed text as a ClientRow, or null when the whole row is blank.
 * `readRow(["00123", "Ann"], { taxClientId: 0, firstName: 1 }, 5)?.taxClientId` → `"00123"`
 */
export function readRow(cells: readonly string[], columns: ColumnMap, sheetRow: number): ClientRow | null {
  if (isBlankRow(cells)) return null;
  // One literal with every field (Required: a field added to ClientRow must be read here too), so each row
  // is a single allocation of one shape, not eleven property additions. `heldBack` is not read: a
  // reader sets it on the rows it could not read.
  const row: Required<Omit<ClientRow, 'heldBack'>> = {
    row: sheetRow,
    taxClientId: columns.taxClientId === undefined ? '' : taxClientIdOf(cells[columns.taxClientId]),
    firstName: fieldText(cells, columns.firstName),
    lastName: fieldText(cells, columns.lastName),
    email: fieldText(cells, columns.email),
    mobile: fieldText(cells, columns.mobile),
    spouseFirstName: fieldText(cells, columns.spouseFirstName),
    spouseLastName: fieldText(cells, columns.spouseLastName),
    spouseEmail: fieldText(cells, columns.spouseEmail),
    ownerEmail: fieldText(cells, columns.ownerEmail),
    officeLocation: fieldText(cells, columns.officeLocation),
    isOffline: fieldText(cells, columns.isOffline),
  };
  return row;
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
