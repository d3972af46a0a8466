import { runImport } from '../../api';
import { createFakePortal, instantRetry } from '../../api/fake-portal.test-helper';
import { createPortalClient } from '../../api/portal-client';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import type { WorkbookSpec } from '../../../test/xlsx-writers/workbook-spec';
import { readTemplateFile } from '../xlsx/xlsx-file-reader';
import { holdBackUnknowable, withHeldBack } from './held-back';

// Rows 2 and 4 are plain text; row 3's Last Name is a formula saved without its result (as scripts write it).
const text = (ref: string, value: string) => ({ ref, kind: 'string' as const, value });
const dropped: WorkbookSpec = {
  active: 0,
  sheets: [
    {
      name: 'Clients',
      cells: [
        ...['Tax Client ID', 'First Name', 'Last Name', 'Owner', 'Office'].map((value, i) => text(`${'ABCDE'[i]}1`, value)),
        ...[2, 3, 4].flatMap((r) => [text(`A${r}`, `ID-${r}`), text(`B${r}`, `First${r}`), text(`D${r}`, 'owner@firm.test'), text(`E${r}`, 'Main')]),
        text('C2', 'Lee'),
        { ref: 'C3', kind: 'formula', value: 'B3&"son"' },
        text('C4', 'Kim'),
      ],
    },
  ],
};

describe('a dropped file with a formula that has no saved result', () => {
  it('imports the other rows and reports that row rejected, telling the user to open and save the file in Excel', async () => {
    const portal = createFakePortal();
    const client = createPortalClient({ baseUrl: 'http://portal.test', token: 't', fetch: portal.fetch, retry: instantRetry().policy });
    const file = await readTemplateFile(excelLikeXlsx(dropped).slice().buffer);

    const { rows, heldBack } = holdBackUnknowable(file.rows, file.issues);
    const outcome = withHeldBack(await runImport(client, { rows }), heldBack);

    const sent = portal.calls.filter((c) => c.method === 'PUT').flatMap((c) => (c.body as { rows: { row: number }[] }).rows.map((r) => r.row));
    expect(sent).toEqual([2, 4]);
    expect(outcome.report.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'imported'],
      [3, 'rejected'],
      [4, 'imported'],
    ]);
    expect(outcome.report[1].comment).toBe('Taxpayer Last Name has a formula with no saved result: open the file in Excel, save it and drop it again');
    expect(outcome.counts).toEqual({ rows: 3, imported: 2, rejected: 1 });
  });
});
