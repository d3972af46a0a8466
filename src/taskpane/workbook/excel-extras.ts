// Two small Office.js steps the pane needs that src/excel does not offer yet (selecting a cell,
// writing the Portal Status column). They belong in src/excel; kept here, behind WorkbookPort,
// until they move (see the issue 5 report).
import type { TemplateLocation } from '../../excel';
import { cellAddress, columnLetters } from '../../excel/sheet-address';

export const STATUS_HEADER = 'Portal Status';
/** Rows written per sync: one short text cell each, far under Excel on the web's 5 MB request limit. */
const STATUS_ROWS_PER_SYNC = 50_000;

/** Activates the sheet and selects one cell, e.g. the cell of an issue the user clicked. */
export async function selectCell(context: Excel.RequestContext, sheetName: string, row: number, column: number): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cellAddress(row, column)).select();
  await context.sync();
}

/**
 * Writes each data row's portal status in a `Portal Status` column (reused when present, else added
 * after the last column), as text so a status never turns into a number or formula.
 */
export async function writeStatusColumn(
  context: Excel.RequestContext,
  template: TemplateLocation,
  statusByRow: ReadonlyMap<number, string>,
): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const header = sheet.getRangeByIndexes(template.headerRow - 1, 0, 1, template.lastColumn + 1).load('text');
  await context.sync();
  const existing = header.text[0].findIndex((t) => t.trim().toLowerCase() === STATUS_HEADER.toLowerCase());
  const column = existing >= 0 ? existing : template.lastColumn + 1;
  const headerCell = sheet.getRange(`${columnLetters(column)}${template.headerRow}`);
  headerCell.values = [[STATUS_HEADER]];
  headerCell.format.font.bold = true;
  const total = template.lastRow - template.headerRow;
  for (let start = 0; start < total; start += STATUS_ROWS_PER_SYNC) {
    const count = Math.min(STATUS_ROWS_PER_SYNC, total - start);
    const range = sheet.getRangeByIndexes(template.headerRow + start, column, count, 1);
    range.numberFormat = Array.from({ length: count }, () => ['@']);
    range.values = Array.from({ length: count }, (_, i) => [statusByRow.get(template.headerRow + 1 + start + i) ?? '']);
    await context.sync();
  }
  if (total === 0) await context.sync();
  return column;
}
