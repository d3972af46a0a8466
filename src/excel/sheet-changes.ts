import { parseAddress, SHEET_ROWS } from './sheet-address';

/** A change to the template's sheet, as the live checks need it. */
export interface SheetChange {
  /** 1-based sheet rows the change touched; null when it touched every row (a whole column) or moved rows. */
  rows: { first: number; last: number } | null;
  /** The add-in's own write (WorksheetChangedEventArgs.triggerSource, ExcelApi 1.14): never checked. */
  ours: boolean;
  /** Whole rows inserted (count > 0) or deleted (count < 0) from row `at` on (changeType RowInserted, RowDeleted). */
  moved?: { at: number; count: number };
}

/** The handlers watchChanges added: on Worksheet.onChanged and, where supported, Worksheet.onRowSorted. */
export interface Watch {
  changed: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
  sorted: OfficeExtension.EventHandlerResult<Excel.WorksheetRowSortedEventArgs> | null;
}

/**
 * Calls `onChange` for each change on `sheetName`: values edited, rows inserted or deleted (Worksheet.onChanged,
 * ExcelApi 1.7, its changeType), and, with `sorts` (ExcelApi 1.10), rows sorted (Worksheet.onRowSorted: "Occurs
 * when one or more rows have been sorted"), which moves rows and so has no rows of its own. One sync.
 * The handlers live on after this Excel.run; stopWatching removes them on their own context, as the
 * documentation asks ("remove … in the same context", docs/excel/excel-add-ins-events.md).
 */
export async function watchChanges(context: Excel.RequestContext, sheetName: string, onChange: (change: SheetChange) => void, sorts: boolean): Promise<Watch> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const changed = sheet.onChanged.add(async (args) => onChange(changeOf(args)));
  const sorted = sorts ? sheet.onRowSorted.add(async () => onChange({ rows: null, ours: false })) : null;
  await context.sync();
  return { changed, sorted };
}

/** Removes the handlers added by watchChanges. One sync, on their own context. */
export async function stopWatching(watch: Watch): Promise<void> {
  watch.changed.remove();
  watch.sorted?.remove();
  await watch.changed.context.sync();
}

/** The rows an event's address covers: 'B3:K20' → 3…20, '5:7' → 5…7; a column ('D:D') or a row move → null. */
export function changeOf(args: Pick<Excel.WorksheetChangedEventArgs, 'address' | 'changeType' | 'triggerSource'>): SheetChange {
  const ours = args.triggerSource === 'ThisLocalAddin';
  if (args.changeType === 'RowInserted' || args.changeType === 'RowDeleted') {
    const rows = parseAddress(args.address);
    const count = (rows.lastRow - rows.firstRow + 1) * (args.changeType === 'RowInserted' ? 1 : -1);
    return { rows: null, ours, moved: { at: rows.firstRow, count } };
  }
  if (args.changeType !== 'RangeEdited') return { rows: null, ours };
  const area = parseAddress(args.address);
  if (area.firstRow === 1 && area.lastRow === SHEET_ROWS) return { rows: null, ours };
  return { rows: { first: area.firstRow, last: area.lastRow }, ours };
}
