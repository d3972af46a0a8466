import { cellAddress } from './sheet-address';

/**
 * Activates the sheet and selects one cell (1-based row, 0-based column), e.g. the cell of an
 * issue the user clicked: `selectCell(context, 'Clients', 51, 3)` selects Clients!D51. One sync.
 */
export async function selectCell(context: Excel.RequestContext, sheetName: string, row: number, column: number): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cellAddress(row, column)).select();
  await context.sync();
}
