import { untracked } from './lean-requests';

/** The cell right of the report's table that says whose report a sheet is. */
export const REPORT_SIGNATURE_ADDRESS = 'I1';
const PREFIX = 'Client Import for Excel: report of import ';
/** What unfinished reports were signed with before each carried its import's id. */
const UNSIGNED_UNFINISHED = 'Client Import for Excel: unfinished report, replaced by the next one.';

/** `reportSignature("imp-1")` → "Client Import for Excel: report of import imp-1." */
export const reportSignature = (importId: string): string => `${PREFIX}${importId}.`;

/** The names our reports get: Import Exceptions, Import Exceptions (2), … */
const REPORT_NAME = /^Import Exceptions( \(\d+\))?$/i;

export interface ReportSheets {
  /** Sheets the new report replaces: the import's own earlier report, and half-written (hidden) ones. */
  replaced: Excel.Worksheet[];
  /** The name of the import's own earlier report, which the new one takes. */
  ownName: string | null;
  /** The workbook's sheet names once the replaced sheets are gone. */
  taken: string[];
}

/**
 * Finds the report sheets an import's report replaces, by the signature each report keeps in I1.
 * The import's own report, finished or not, is replaced: a step retried after Excel applied it but
 * its answer was lost (the watchdog gave up on a slow sync, the pane closed) never leaves a second
 * report for one import. A hidden signed report is half-written (the last sync shows it), whichever
 * import it was for. A user's sheet that only shares the name has no signature and is left alone.
 * One sync, and a second only where the workbook has hidden sheets or sheets named like ours.
 */
export async function findReportSheets(context: Excel.RequestContext, importId: string): Promise<ReportSheets> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const candidates = sheets.items.filter((s) => s.visibility !== 'Visible' || REPORT_NAME.test(s.name));
  if (candidates.length === 0) return { replaced: [], ownName: null, taken: names };
  const probes = candidates.map((sheet) => ({ sheet, cell: untracked(sheet.getRange(REPORT_SIGNATURE_ADDRESS)).load('values') }));
  await context.sync();
  const own = reportSignature(importId);
  const replaced = probes.filter(({ sheet, cell }) => {
    const text = cell.values[0][0];
    if (text === own) return true;
    return sheet.visibility !== 'Visible' && typeof text === 'string' && (text === UNSIGNED_UNFINISHED || text.startsWith(PREFIX));
  });
  const gone = new Set(replaced.map((p) => p.sheet.name));
  return {
    replaced: replaced.map((p) => p.sheet),
    ownName: replaced.find((p) => p.cell.values[0][0] === own)?.sheet.name ?? null,
    taken: names.filter((name) => !gone.has(name)),
  };
}
