import { TEMPLATE_COLUMNS, type ColumnMap } from '../domain';
import { uniqueSheetName } from './sheet-address';
import type { TemplateLocation } from './template-finder';
import { finishPreparation, prepareListsFor, type FirmLists } from './template-preparation';

export const TEMPLATE_SHEET = 'Client Import Template';

/**
 * Adds a fresh, activated template sheet (`Client Import Template`, then `(2)`, …): the §3 headers
 * in bold, header frozen, then the same preparation as a found template (text IDs, dropdowns).
 * The sheet is added in the last sync only (the lists sheet, which may take syncs, comes first and
 * is found again by its signature), so a batch run again never leaves a second template sheet.
 */
export async function insertTemplateSheet(context: Excel.RequestContext, lists: FirmLists): Promise<TemplateLocation> {
  const listsSheet = await prepareListsFor(context, lists);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const sheetName = uniqueSheetName(
    TEMPLATE_SHEET,
    sheets.items.map((s) => s.name),
  );
  const sheet = sheets.add(sheetName);
  const header = sheet.getRangeByIndexes(0, 0, 1, TEMPLATE_COLUMNS.length);
  header.values = [TEMPLATE_COLUMNS.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.autofitColumns();
  sheet.freezePanes.freezeRows(1);
  sheet.activate();
  const columns: ColumnMap = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c.field, i]));
  const template: TemplateLocation = { sheetName, headerRow: 1, columns, missing: [], lastRow: 1, lastColumn: TEMPLATE_COLUMNS.length - 1 };
  const prepared = await finishPreparation(context, template, lists, listsSheet, 0);
  return prepared.template;
}
