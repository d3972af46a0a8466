import { chunkRows, rowsPerChunk } from './chunking';
import { queueProtectionCheck } from './sheet-protection';
import type { TemplateLocation } from './template-finder';

export const STATUS_HEADER = 'Portal Status';
/** A status cell in the request JSON: its `"@"` format and a short text such as "Not Connected", quoted. */
const STATUS_BYTES_PER_ROW = 48;

/**
 * Writes each data row's portal status in a `Portal Status` column (reused when the header row has
 * one, else added after the last column). Rows missing from `statusByRow` get a blank cell, so a
 * stale status never survives a refresh. Cells are formatted as text (`@`) before the status is
 * written, so it never turns into a number or formula. One sync to read the header, then one per
 * chunk of rows (100,000 rows fit in two). Returns the 0-based column written.
 */
export async function writeStatusColumn(context: Excel.RequestContext, template: TemplateLocation, statusByRow: ReadonlyMap<number, string>): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const header = sheet.getRangeByIndexes(template.headerRow - 1, 0, 1, template.lastColumn + 1).load('text');
  const protectedCheck = queueProtectionCheck(context, template.sheetName);
  await context.sync();
  protectedCheck(); // a protected sheet: nothing written, and the error says what to do
  const existing = header.text[0].findIndex((t) => t.trim().toLowerCase() === STATUS_HEADER.toLowerCase());
  const column = existing >= 0 ? existing : template.lastColumn + 1;
  const headerCell = sheet.getRangeByIndexes(template.headerRow - 1, column, 1, 1);
  headerCell.values = [[STATUS_HEADER]];
  headerCell.format.font.bold = true;

  const chunks = chunkRows(template.lastRow - template.headerRow, rowsPerChunk(1, STATUS_BYTES_PER_ROW));
  if (chunks.length === 0) chunks.push({ start: 0, count: 0 }); // still one sync for the header
  for (const chunk of chunks) {
    if (chunk.count > 0) {
      const firstSheetRow = template.headerRow + 1 + chunk.start;
      const range = sheet.getRangeByIndexes(firstSheetRow - 1, column, chunk.count, 1);
      range.numberFormat = Array.from({ length: chunk.count }, () => ['@']);
      range.values = Array.from({ length: chunk.count }, (_, i) => [statusByRow.get(firstSheetRow + i) ?? '']);
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per row
    await context.sync();
  }
  return column;
}
