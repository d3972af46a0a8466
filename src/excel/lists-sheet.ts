import { LISTS_SHEET_NAMES } from './list-validation';
import { addHelperSheet, findHelperSheet, type HelperSheetKind } from './helper-sheets';

/** Our lists sheet: owners down A, offices down B, the signature in D1 (C stays a gap). */
export const LISTS_HELPER: HelperSheetKind = {
  names: LISTS_SHEET_NAMES,
  signature: 'Client Import for Excel: firm lists for dropdowns. Do not edit.',
  signatureAddress: 'D1',
};

/**
 * Writes the owners down column A and the offices down column B of our hidden lists sheet, for
 * dropdowns whose lists are too long to type in. Only a sheet carrying our signature is reused;
 * a firm's own "Lists" sheet, hidden or not, is left alone and ours gets another name. Two syncs
 * to find our sheet; the writes are queued for the caller's sync, and writing again is harmless.
 */
export async function prepareListsSheet(context: Excel.RequestContext, owners: readonly string[], offices: readonly string[]): Promise<string> {
  const search = await findHelperSheet(context, LISTS_HELPER);
  let sheet = search.ours;
  let name = search.oursName;
  if (sheet === null || name === null) ({ sheet, name } = addHelperSheet(context, LISTS_HELPER, search.taken));
  else sheet.getRange('A:B').clear();
  writeColumn(sheet, 0, owners);
  writeColumn(sheet, 1, offices);
  sheet.visibility = 'Hidden';
  return name;
}

function writeColumn(sheet: Excel.Worksheet, column: number, items: readonly string[]): void {
  if (items.length === 0) return;
  const range = sheet.getRangeByIndexes(0, column, items.length, 1);
  // Text format first: a firm's office called "=Main" or "007" must stay as typed.
  range.numberFormat = items.map(() => ['@']);
  range.values = items.map((item) => [item]);
}
