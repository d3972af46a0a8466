import { runImport } from '../../api';
import { createFakePortal, instantRetry } from '../../api/fake-portal.test-helper';
import { createPortalClient } from '../../api/portal-client';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import type { WorkbookSpec } from '../../../test/xlsx-writers/workbook-spec';
import { readTemplateFile } from '../xlsx/xlsx-file-reader';
import { holdBackUnknowable } from './held-back';

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
  it('sends every row in row order, the unreadable one held back with its reason; the report lists it rejected', async () => {
    const portal = createFakePortal();
    const client = createPortalClient({ baseUrl: 'http://portal.test', token: 't', fetch: portal.fetch, retry: instantRetry().policy });
    const file = await readTemplateFile(excelLikeXlsx(dropped).slice().buffer);

    const outcome = await runImport(client, { rows: holdBackUnknowable(file.rows, file.issues) });

    const sent = portal.calls.filter((c) => c.method === 'PUT').flatMap((c) => (c.body as { rows: { row: number; heldBack?: string }[] }).rows);
    const comment = 'Taxpayer Last Name is a formula with no result saved in the file: open the file in Excel, save it and drop it again';
    expect(sent.map((r) => [r.row, r.heldBack])).toEqual([
      [2, undefined],
      [3, comment],
      [4, undefined],
    ]);
    expect(outcome.report.map((r) => [r.row, r.outcome, r.comment])).toEqual([
      [2, 'imported', ''],
      [3, 'rejected', comment],
      [4, 'imported', ''],
    ]);
    expect(outcome.counts).toEqual({ rows: 3, imported: 2, rejected: 1 });
  });
});
