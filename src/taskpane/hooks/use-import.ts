import type { WorkbookPort } from '../workbook/workbook-port';
import type { ImportJobSpec, ImportRunner } from './use-import-runner';

export interface SheetImport {
  /** Imports the template in this workbook (the ribbon's Import Clients does the same). */
  start(): Promise<void>;
  resume(): Promise<void>;
  /** True when the interrupted import was of this workbook's template. */
  canResume: boolean;
}

/** Import of the template open in the workbook, through the shared runner. */
export function useImport(workbook: WorkbookPort, runner: ImportRunner): SheetImport {
  const job: ImportJobSpec = {
    source: 'sheet',
    rows: async () => {
      const found = await workbook.findTemplate();
      if (!found.found) {
        const missing = found.missing.map((c) => c.header).join(', ');
        throw new Error(`No usable client import template in this workbook${missing ? `: missing ${missing}` : ''}.`);
      }
      return { rows: await workbook.readRows(found), link: { sheetName: found.sheetName, linkColumn: found.columns.taxClientId ?? 0 } };
    },
  };
  return {
    start: () => runner.run(job, 'new'),
    resume: () => runner.run(job, 'resume'),
    canResume: runner.resumableSource === 'sheet',
  };
}
