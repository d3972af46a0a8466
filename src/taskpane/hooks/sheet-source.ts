import type { CheckState } from './use-check';
import type { ImportSource } from './import-result';

/** The template open in this workbook as an import source: checked and marked exactly as Check does, then sent. */
export function sheetSource(sheetName: string | null, check: Pick<CheckState, 'checkNow'>): ImportSource {
  return {
    key: `sheet:${sheetName ?? ''}`,
    read: async () => {
      const { result, rows } = await check.checkNow();
      const { sheetName, columns } = result.template;
      return { rows, link: { sheetName, linkColumn: columns.taxClientId ?? 0 }, marked: result.marked, key: `sheet:${sheetName}` };
    },
  };
}
