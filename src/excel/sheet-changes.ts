import { parseAddress, SHEET_ROWS } from './sheet-address';

/** A change to the template's sheet, as the live checks need it. */
export interface SheetChange {
  /** 1-based sheet rows the change touched; null when it touched every row (a whole column) or moved rows. */
  rows: { first: number; last: number } | null;
  /** The add-in's own write (WorksheetChangedEventArgs.triggerSource, ExcelApi 1.14): never checked. */
  ours: boolean;
}

/**
 * Calls `onChange` for each change of values on `sheetName` (Worksheet.onChanged, ExcelApi 1.7). One sync.
 * The handler lives on after this Excel.run; stopWatching removes it on its own context, as the
 * documentation asks ("remove … in the same context", docs/excel/excel-add-ins-events.md).
 */
export async function watchChanges(
  context: Excel.RequestContext,
  sheetName: string,
  onChange: (change: SheetChange) => void,
): Promise<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>> {
  const result = context.workbook.worksheets.getItem(sheetName).onChanged.add(async (args) => onChange(changeOf(args)));
  await context.sync();
  return result;
}

/** Removes a handler added by watchChanges. One sync, on the handler's own context. */
export async function stopWatching(result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>): Promise<void> {
  result.remove();
  await result.context.sync();
}

/** The rows an event's address covers: 'B3:K20' → 3…20, '5:7' → 5…7; a column ('D:D') or a row move → null. */
export function changeOf(args: Pick<Excel.WorksheetChangedEventArgs, 'address' | 'changeType' | 'triggerSource'>): SheetChange {
  const ours = args.triggerSource === 'ThisLocalAddin';
  if (args.changeType !== 'RangeEdited') return { rows: null, ours };
  const area = parseAddress(args.address);
  if (area.firstRow === 1 && area.lastRow === SHEET_ROWS) return { rows: null, ours };
  return { rows: { first: area.firstRow, last: area.lastRow }, ours };
}
