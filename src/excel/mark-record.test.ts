import { createExcelHost } from '../../test/excel-host';
import { templateRows } from '../../test/fixtures/excel/client-sheet';
import { invalidCells } from '../../test/fixtures/excel/invalid-cells';
import { MARKS_SHEET, markIssues } from './cell-marks';
import { forgetRecord, openRecord } from './mark-record';

// The record kept in memory since our last change is used while its version in the workbook matches.
async function marked(cells: number) {
  const host = createExcelHost();
  host.addSheet('Clients', templateRows(cells), { activate: true });
  const { template, issues } = invalidCells('Clients', cells);
  await markIssues(host.context, template, issues, { notes: true, areas: true });
  return host;
}

describe('the marks record kept between changes', () => {
  it('is used while the version matches: two syncs and no entry read', async () => {
    const host = await marked(3_000);
    host.resetStats();
    const kept = await openRecord(host.context);
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.cellsRead).toBeLessThan(10);
    forgetRecord();
    const read = await openRecord(host.context);
    expect(host.stats.cellsRead).toBeGreaterThan(12_000);
    expect(kept?.marks).toEqual(read?.marks);
    expect(kept?.nextRow).toBe(read?.nextRow);
  });

  it('is read again when the record changed elsewhere (another computer wrote another version)', async () => {
    const host = await marked(10);
    const record = host.context.workbook.worksheets.getItem(MARKS_SHEET);
    record.getRange('A12:D12').values = [['Clients', 'B5', '#FFFF00', '']];
    record.getRange('B1').values = [['written-elsewhere']];
    await host.context.sync();
    const opened = await openRecord(host.context);
    expect(opened?.marks).toHaveLength(11);
    expect(opened?.marks[10]).toMatchObject({ address: 'B5', before: '#FFFF00', recordRow: 11 });
    expect(opened?.nextRow).toBe(12);
  });
});
