import { chunkByCost, BYTES_PER_OPERATION, rowRuns } from './chunking';
import { ExcelError } from './excel-error';
import { untracked } from './lean-requests';
import { readClientRows } from './row-reader';
import { queueProtectionCheck, refuseProtectedSheet } from './sheet-protection';
import type { TemplateLocation } from './template-finder';

export type OfflineChoice = 'Yes' | 'No';

function isOfflineColumn(template: TemplateLocation): number {
  const column = template.columns.isOffline;
  // A programming slip, not bad data: the pane prepares the template before filling.
  if (column === undefined) throw new ExcelError('unknown', 'The template has no Is Offline column yet. Prepare the template first.');
  return column;
}

/**
 * Sets Is Offline to `value` on the given sheet rows (1-based), e.g. the rows whose client is not
 * Connected. Consecutive rows are written as one range; one sync per ~4 MB of work, after one that
 * finds a protected sheet (nothing is written then: the error says which sheet and what to do).
 */
export async function setIsOffline(
  context: Excel.RequestContext,
  template: TemplateLocation,
  sheetRows: readonly number[],
  value: OfflineChoice = 'Yes',
): Promise<number> {
  isOfflineColumn(template);
  await refuseProtectedSheet(context, template.sheetName);
  return writeIsOffline(context, template, sheetRows, value);
}

async function writeIsOffline(context: Excel.RequestContext, template: TemplateLocation, sheetRows: readonly number[], value: OfflineChoice): Promise<number> {
  const column = isOfflineColumn(template);
  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const runs = rowRuns(sheetRows.filter((row) => row > template.headerRow));
  const cellBytes = JSON.stringify(value).length + 3;
  for (const chunk of chunkByCost(runs, (run) => BYTES_PER_OPERATION + run.count * cellBytes)) {
    for (const run of runs.slice(chunk.start, chunk.start + chunk.count)) {
      // Untracked: 50,000 scattered rows left tracked made Excel.run's closing request 5.74 MB, refused on the web.
      untracked(sheet.getRangeByIndexes(run.first - 1, column, run.count, 1)).values = Array.from({ length: run.count }, () => [value]);
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per row
    await context.sync();
  }
  return runs.reduce((sum, run) => sum + run.count, 0);
}

/**
 * Copies the first data row's Is Offline (Yes or No, any case) down to every later data row.
 * Whole-blank rows between clients are left blank, so they stay skipped rather than becoming
 * half-filled rows. Returns the value copied, or null (nothing written) when the first row holds
 * neither Yes nor No.
 */
export async function fillDownIsOffline(context: Excel.RequestContext, template: TemplateLocation): Promise<{ value: OfflineChoice | null; rows: number }> {
  isOfflineColumn(template);
  // Rides on the rows' first read: a protected sheet is refused before anything is written.
  const protectedCheck = queueProtectionCheck(context, template.sheetName);
  const rows = await readClientRows(context, template);
  protectedCheck();
  const first = rows[0]?.isOffline.trim().toLowerCase();
  const value: OfflineChoice | null = first === 'yes' ? 'Yes' : first === 'no' ? 'No' : null;
  if (value === null) return { value, rows: 0 };
  const written = await writeIsOffline(
    context,
    template,
    rows.slice(1).map((r) => r.row),
    value,
  );
  return { value, rows: written };
}
