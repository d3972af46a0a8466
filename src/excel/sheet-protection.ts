import { ExcelError } from './excel-error';

/**
 * Fails before anything is changed when the template's sheet is protected (WorksheetProtection.protected,
 * ExcelApi 1.2): Excel would refuse our first change to its cells with AccessDenied, after earlier
 * steps (a lists sheet, the first chunk of marks) had been made. One sync; the message names the sheet
 * and says what to do.
 */
export async function refuseProtectedSheet(context: Excel.RequestContext, sheetName: string): Promise<void> {
  const check = queueProtectionCheck(context, sheetName);
  await context.sync();
  check();
}

/** The same check riding on the caller's next sync: queue it, sync, then call what it returns (it throws when protected). */
export function queueProtectionCheck(context: Excel.RequestContext, sheetName: string): () => void {
  const protection = context.workbook.worksheets.getItem(sheetName).protection.load('protected');
  return () => {
    if (protection.protected)
      throw new ExcelError(
        'protected',
        `The sheet "${sheetName}" is protected, so the add-in cannot change its cells and has changed nothing. On the Review tab choose Unprotect Sheet (you may need the password from whoever protected it), then try again.`,
      );
  };
}
