import { LISTS_SHEET_NAMES } from './list-validation';
import { ExcelError } from './excel-error';

/**
 * Writes the owners down column A and the offices down column B of our hidden lists sheet, for
 * dropdowns whose lists are too long to type in. A visible sheet of the same name is the user's
 * and left alone. One sync to look the sheets up; the writes are queued for the caller's sync.
 */
export async function prepareListsSheet(context: Excel.RequestContext, owners: readonly string[], offices: readonly string[]): Promise<string> {
  const sheets = context.workbook.worksheets;
  const probes = LISTS_SHEET_NAMES.map((name) => ({ name, sheet: sheets.getItemOrNullObject(name).load('visibility') }));
  await context.sync();
  const ours = probes.find((p) => p.sheet.isNullObject || p.sheet.visibility !== 'Visible');
  if (ours === undefined) throw new ExcelError('unknown', `The add-in keeps the firm's lists on a hidden sheet, but ${LISTS_SHEET_NAMES.join(' and ')} are both your sheets. Rename one and try again.`);
  const sheet = ours.sheet.isNullObject ? sheets.add(ours.name) : ours.sheet;
  if (!ours.sheet.isNullObject) sheet.getRange('A:B').clear();
  writeColumn(sheet, 0, owners);
  writeColumn(sheet, 1, offices);
  sheet.visibility = 'Hidden';
  return ours.name;
}

function writeColumn(sheet: Excel.Worksheet, column: number, items: readonly string[]): void {
  if (items.length === 0) return;
  const range = sheet.getRangeByIndexes(0, column, items.length, 1);
  // Text format first: a firm's office called "=Main" or "007" must stay as typed.
  range.numberFormat = items.map(() => ['@']);
  range.values = items.map((item) => [item]);
}
