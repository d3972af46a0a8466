// Desktop Excel takes only the computer's list separator between the areas of Worksheet.getRanges
// (";" in German; office-js #1167, #1985). Marks, their clearing and the exception sheet's rejected
// rows fill many cells through address lists: each failed with InvalidArgument on desktop de-DE when
// the lists were comma-separated.
import { createExcelHost, type ExcelHostOptions } from '../../test/excel-host';
import { DE_DE, EN_US } from '../../test/excel-host/model/locale';
import { HEADERS, clientCells } from '../../test/fixtures/excel/client-sheet';
import { checkRows, type ReportRow } from '../domain';
import { MARK_FILL, clearMarks, markIssues } from './cell-marks';
import { writeExceptionSheet } from './exception-sheet';
import { readClientRows } from './row-reader';
import { findTemplate } from './template-finder';

const settings: ExcelHostOptions[] = [
  { locale: DE_DE, platform: 'desktop' },
  { locale: EN_US, platform: 'desktop' },
  { locale: DE_DE, platform: 'web' },
];

describe.each(settings)('address lists in $locale.name on $platform', (options) => {
  it('marks many separate cells and clears them', async () => {
    const host = createExcelHost(options);
    const rows = [1, 2, 3, 4, 5, 6].map((i) => clientCells(i));
    for (const i of [0, 2, 4]) rows[i][1] = '';
    const sheet = host.addSheet('Clients', [HEADERS, ...rows], { activate: true });
    const found = await findTemplate(host.context);
    if (!found.found) throw new Error('template not found');
    const marked = await host.run(async (context) => markIssues(context, found, checkRows(await readClientRows(context, found)), { notes: true, areas: true }));
    expect(marked).toBe(3);
    expect(['B2', 'B4', 'B6'].map((a) => sheet.cell(a).fill)).toEqual([MARK_FILL, MARK_FILL, MARK_FILL]);
    expect(host.membersUsed()).toContain('Worksheet.getRanges');
    // The look at the separator leaves nothing behind on the record.
    expect(host.sheet('Import Marks').usedAddress()).toBe('A1:D4');
    await host.run((context) => clearMarks(context, { areas: true }));
    expect(['B2', 'B4', 'B6'].map((a) => sheet.cell(a).fill)).toEqual([null, null, null]);
  });

  it('highlights separate rejected rows on the exception sheet', async () => {
    const host = createExcelHost(options);
    host.addSheet('Clients', [['x']], { activate: true });
    const row = (n: number, rejected: boolean): ReportRow => ({
      row: n,
      taxClientId: `C${n}`,
      firstName: `First${n}`,
      lastName: `Last${n}`,
      ownerEmail: 'o@f.test',
      officeLocation: 'Main',
      isOffline: 'No',
      outcome: rejected ? 'rejected' : 'imported',
      kind: rejected ? null : 'standard',
      status: rejected ? null : 'Not Invited',
      comment: rejected ? 'Tax Client ID is required' : '',
    });
    const rows = [row(2, true), row(3, false), row(4, true)];
    await host.run((context) => writeExceptionSheet(context, { importId: 'imp-1', rows }, null, { areas: true }));
    const report = host.sheet('Import Exceptions');
    expect(report.cell('A2').fill).not.toBeNull();
    expect(report.cell('A3').fill).toBeNull();
    expect(report.cell('G4').fill).toBe(report.cell('A2').fill);
    expect(report.usedAddress()).toBe('A1:I4'); // the table, and the import's signature in I1
  });
});
