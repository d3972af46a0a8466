import { CancelledError } from '../../api';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import { templateWorkbook } from '../../../test/xlsx-writers/template-cases';
import type { WorkbookSpec } from '../../../test/xlsx-writers/workbook-spec';
import { READ_LIMITS } from './read-limits';
import { readTemplateFile, type ReadProgress } from './xlsx-file-reader';

// The worker client (jest runs the worker's code in-thread: test/support/in-thread-reader-worker.ts).
const buffer = (bytes: Uint8Array) => bytes.slice().buffer;
const withUncalculated: WorkbookSpec = {
  active: 0,
  sheets: [
    {
      name: 'Clients',
      cells: [
        ...['Tax Client ID', 'First Name', 'Last Name', 'Owner', 'Office'].map((value, i) => ({ ref: `${'ABCDE'[i]}1`, kind: 'string' as const, value })),
        ...['A2', 'B2', 'D2', 'E2'].map((ref) => ({ ref, kind: 'string' as const, value: 'x' })),
        { ref: 'C2', kind: 'formula', value: 'B2&"son"' },
      ],
    },
  ],
};

describe('readTemplateFile', () => {
  it('answers rows and the sheet read, with progress up to the whole sheet', async () => {
    const progress: ReadProgress[] = [];
    const file = await readTemplateFile(buffer(excelLikeXlsx(templateWorkbook('excel'))), { onProgress: (p) => progress.push(p) });
    expect(file.sheetName).toBe('Clients');
    expect(file.rows.find((r) => r.row === 2)?.taxClientId).toBe('012-34-5678');
    expect(progress.at(-1)).toEqual({ sheetName: 'Clients', done: 1 });
  });

  it('reads a file with a formula with no saved result, handing the cell back as a row issue', async () => {
    const file = await readTemplateFile(buffer(excelLikeXlsx(withUncalculated)));
    expect(file.issues.map((i) => [i.row, i.field, i.code])).toEqual([[2, 'lastName', 'not-calculated']]);
  });

  it('leaves an Excel table’s Totals row out, as the open sheet does', async () => {
    const header = ['Tax Client ID', 'First Name', 'Last Name', 'Owner', 'Office'];
    const row = (r: number, values: string[]) => values.map((value, i) => ({ ref: `${'ABCDE'[i]}${r}`, kind: 'string' as const, value }));
    const spec: WorkbookSpec = {
      active: 0,
      sheets: [
        {
          name: 'Clients',
          cells: [
            ...row(1, header),
            ...row(2, ['C1', 'Ann', 'Lee', 'o@f.test', 'Main']),
            ...row(3, ['C2', 'Bo', 'Kim', 'o@f.test', 'Main']),
            ...row(4, ['Total', '', '', '', '']),
          ],
          table: { ref: 'A1:E4', totalsRow: true },
        },
      ],
    };
    const file = await readTemplateFile(buffer(excelLikeXlsx(spec)));
    expect(file.rows.map((r) => [r.row, r.taxClientId])).toEqual([
      [2, 'C1'],
      [3, 'C2'],
    ]);
    const withoutTotals = await readTemplateFile(buffer(excelLikeXlsx({ ...spec, sheets: [{ ...spec.sheets[0], table: { ref: 'A1:E4' } }] })));
    expect(withoutTotals.rows.map((r) => r.taxClientId)).toEqual(['C1', 'C2', 'Total']);
  });

  it('stops at Cancel', async () => {
    const abort = new AbortController();
    const read = readTemplateFile(buffer(excelLikeXlsx(templateWorkbook('excel'))), { signal: abort.signal });
    abort.abort();
    await expect(read).rejects.toBeInstanceOf(CancelledError);
  });

  it('says a file that is not a workbook is not one, without a stack trace', async () => {
    await expect(readTemplateFile(new TextEncoder().encode('Tax Client ID,First Name').buffer)).rejects.toThrow(
      'This file is not an Excel workbook (.xlsx) that can be read. Open it in Excel, save it as an Excel Workbook (.xlsx) and drop it again.',
    );
  });
});

describe('limits', () => {
  it('refuses a file over the size limit with what to do', async () => {
    const huge = new Uint8Array(READ_LIMITS.maxFileBytes + 1);
    await expect(readTemplateFile(huge.buffer)).rejects.toThrow(
      /^This file is 60\.0 MB; the pane reads template files up to 60 MB\. Copy the client list sheet into a new workbook/,
    );
  });

  it('refuses a sheet with more filled cells than the limit, naming the sheet', async () => {
    const saved = READ_LIMITS.maxValueCells;
    READ_LIMITS.maxValueCells = 50;
    try {
      await expect(readTemplateFile(buffer(excelLikeXlsx(templateWorkbook('excel'))))).rejects.toThrow(
        /^Sheet "Clients" holds more than 50 filled cells.*Split the client list/,
      );
    } finally {
      READ_LIMITS.maxValueCells = saved;
    }
  });
});
