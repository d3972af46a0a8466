import type { FieldKey } from '../../src/domain';
import { HEADERS } from '../fixtures/excel/client-sheet';
import type { CellSpec, SheetSpec, WorkbookSpec } from './workbook-spec';

export { HEADERS };

const FIELD_OF_COLUMN: Record<string, FieldKey> = {
  A: 'taxClientId',
  B: 'firstName',
  C: 'lastName',
  D: 'email',
  E: 'mobile',
  F: 'spouseFirstName',
  G: 'spouseLastName',
  H: 'spouseEmail',
  I: 'ownerEmail',
  J: 'officeLocation',
  K: 'isOffline',
};

/** One cell under test: what is written, and the text Excel displays for it, with the rule why. */
export interface TextCase {
  cell: CellSpec;
  /** The text Excel shows (after the template's trim), or `notCalculated` where the file cannot tell. */
  shows: string | { notCalculated: true };
  rule: string;
  /** Writers that cannot write this cell (they have no such cell type). */
  skip?: readonly string[];
  /** What a file with the formula's result saved shows (Excel-like file only). */
  cachedShows?: string;
}

const n = (ref: string, value: number, format?: string): CellSpec => ({ ref, kind: 'number', value, format });

/** The cases, one row each from row 2; the rest of each row is a valid client. */
export const TEXT_CASES: TextCase[] = [
  { cell: n('A2', 12345678, '000-00-0000'), shows: '012-34-5678', rule: 'digit placeholders 0 pad with zeros; `-` is a literal' },
  { cell: n('A3', 123, '[Blue]00000'), shows: '00123', rule: 'a colour changes the colour only' },
  { cell: n('A4', 124, '00000;-00000'), shows: '00124', rule: 'a positive number takes the first section' },
  { cell: n('A5', 125, '00000_)'), shows: '00125', rule: '`_)` adds a space as wide as `)`; template cells are trimmed' },
  { cell: n('A6', 1234567, '#,##0'), shows: '1,234,567', rule: '`,` between digit placeholders groups thousands' },
  { cell: n('A7', 42.5, '0.00'), shows: '42.50', rule: 'fixed decimals pad with zeros' },
  { cell: { ref: 'A8', kind: 'string', value: '00777', format: '@' }, shows: '00777', rule: 'text stays as typed' },
  { cell: n('A9', 778, '@'), shows: '778', rule: 'a number in a text-formatted cell shows as General' },
  { cell: { ref: 'A10', kind: 'date', value: '2024-01-05', format: 'yyyy-mm-dd' }, shows: '2024-01-05', rule: 'a date in its own format' },
  { cell: { ref: 'A11', kind: 'date', value: '2024-01-05', format: 'd-mmm' }, shows: '5-Jan', rule: 'd: day without zero; mmm: month abbreviation' },
  { cell: n('A12', 447911123456), shows: '447911123456', rule: 'General shows 4.47911E+11; Tax Client ID keeps every digit (digit rule)' },
  { cell: n('E12', 447911123456), shows: '447911123456', rule: 'General shows 4.47911E+11; Mobile keeps every digit (digit rule)' },
  { cell: n('F12', 447911123456), shows: '4.47911E+11', rule: "General: over 11 digits turn scientific; names don't take the digit rule" },
  { cell: n('A13', 3.14159265358979), shows: '3.141592654', rule: 'General: at most 11 characters, rounded' },
  { cell: { ref: 'B14', kind: 'string', value: 'Ann' }, shows: 'Ann', rule: 'a merged area shows its value in the top-left cell' },
  { cell: { ref: 'C14', kind: 'string', value: '' }, shows: '', rule: 'the covered cells of a merged area (B14:C14) are blank' },
  {
    cell: { ref: 'C15', kind: 'formula', value: '"Lee"', cached: 'Lee' },
    shows: { notCalculated: true },
    cachedShows: 'Lee',
    rule: 'a formula shows its saved result; with none saved (or the file asks to recalculate on open) the file cannot tell',
  },
  { cell: { ref: 'K16', kind: 'bool', value: false }, shows: 'FALSE', rule: 'a boolean shows TRUE/FALSE, never blank' },
  {
    cell: { ref: 'K17', kind: 'formula', value: '1=0', cached: false },
    shows: { notCalculated: true },
    cachedShows: 'FALSE',
    rule: 'a formula result FALSE shows FALSE',
  },
  { cell: { ref: 'A18', kind: 'formula', value: '0*1', cached: 0 }, shows: { notCalculated: true }, cachedShows: '0', rule: 'a formula result 0 shows 0' },
  { cell: { ref: 'A19', kind: 'error', value: '#N/A' }, shows: '#N/A', rule: 'an error shows its code', skip: ['xlsxwriter', 'Excel::Writer::XLSX'] },
];

const DEFAULTS: Record<string, string> = { A: 'ID', B: 'Ann', C: 'Lee', I: 'owner@firm.test', J: 'Main', K: 'No' };

export const fieldOf = (ref: string): FieldKey => FIELD_OF_COLUMN[/^[A-Z]+/.exec(ref)![0]];
export const rowOf = (ref: string): number => Number(/\d+$/.exec(ref)![0]);

function clientSheet(cases: readonly TextCase[]): SheetSpec {
  const cells: CellSpec[] = HEADERS.map((value, i) => ({ ref: `${String.fromCharCode(65 + i)}1`, kind: 'string', value }));
  const rows = [...new Set(cases.map((c) => rowOf(c.cell.ref)))];
  for (const row of rows) {
    const own = cases.filter((c) => rowOf(c.cell.ref) === row).map((c) => c.cell);
    for (const [column, value] of Object.entries(DEFAULTS)) {
      if (own.some((c) => c.ref === `${column}${row}`) || (row === 14 && column === 'C')) continue;
      cells.push({ ref: `${column}${row}`, kind: 'string', value: column === 'A' ? `ID-${row}` : value });
    }
    cells.push(...own.filter((c) => !(c.kind === 'string' && c.value === '')));
  }
  return { name: 'Clients', cells, merges: ['B14:C14'], list: { range: 'A2:K1048576', items: ['Yes', 'No'] } };
}

/**
 * The template workbook: a hidden "Old template" (complete, with its own rows) before the visible
 * active "Clients", a "Notes" sheet after it, and a dropdown over whole columns A:K.
 */
export function templateWorkbook(writer: string): WorkbookSpec {
  const cases = TEXT_CASES.filter((c) => !c.skip?.includes(writer));
  const old: SheetSpec = {
    name: 'Old template',
    hidden: true,
    cells: [
      ...HEADERS.map((value, i): CellSpec => ({ ref: `${String.fromCharCode(65 + i)}1`, kind: 'string', value })),
      { ref: 'A2', kind: 'string', value: 'OLD-1' },
      { ref: 'B2', kind: 'string', value: 'Old' },
    ],
  };
  const notes: SheetSpec = { name: 'Notes', cells: [{ ref: 'A1', kind: 'string', value: 'Read me' }] };
  return { sheets: [old, clientSheet(cases), notes], active: 1 };
}

/** A 1904-date-system workbook (Excel for Mac's old default): dates must show the same days. */
export function workbook1904(): WorkbookSpec {
  const cells: CellSpec[] = HEADERS.map((value, i) => ({ ref: `${String.fromCharCode(65 + i)}1`, kind: 'string', value }));
  cells.push({ ref: 'A2', kind: 'date', value: '2024-01-05', format: 'yyyy-mm-dd' }, { ref: 'A3', kind: 'date', value: '1999-12-31', format: 'd-mmm-yy' });
  return { sheets: [{ name: 'Clients', cells }], active: 0, date1904: true };
}
