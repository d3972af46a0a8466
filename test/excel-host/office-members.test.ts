// Every Office.js member the add-in calls, as the Excel host saw it in the requests of a tour through
// each workbook step, with the requirement set @types/office-js gives it. Members above ExcelApi 1.8
// (BASE_REQUIREMENT) must sit behind an isSetSupported check: with only 1.8 supported, the tour may not
// use them.
import type { ReportRow } from '../../src/domain';
import { BASE_REQUIREMENT, createExcelDoor } from '../../src/excel';
import { createWorkbookPort } from '../../src/taskpane/workbook/workbook-port';
import { OFFICES, OWNERS, templateRows } from '../fixtures/excel/client-sheet';
import { createExcelHost } from './index';
import { excelApiVersions, newerThan } from './requirement-sets';

/** The add-in's workbook steps, in a user's order, through the door that checks requirement sets. */
async function tour(supportedUpTo: string): Promise<string[]> {
  const host = createExcelHost();
  host.addSheet('Clients', templateRows(12), { activate: true });
  const door = createExcelDoor({ run: host.run, isSetSupported: (name, version) => name === 'ExcelApi' && !newerThan(version, supportedUpTo) });
  const port = createWorkbookPort(door);
  const lists = { owners: OWNERS, offices: OFFICES };
  const found = await port.findTemplate();
  if (!found.found) throw new Error('template not found');
  await port.prepare(found, lists);
  await port.fillDown(found);
  await port.setOffline(found, [3]);
  const rows = await port.readRows(found);
  await port.markIssues(found, [
    { row: 3, column: 'Taxpayer Email', field: 'email', code: 'invalid-email', message: 'Not an email.', severity: 'error' },
  ] as never);
  await port.clearMarks();
  const report = rows.map((r) => ({ ...r, outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' }) as ReportRow);
  await port.writeExceptions({ importId: 'imp-1', rows: report }, { sheetName: found.sheetName, linkColumn: found.columns.taxClientId! });
  await port.selectCell(found.sheetName, 3, 0);
  await port.writeStatusColumn(found, new Map([[2, 'Invited']]));
  await port.insertTemplate(lists);
  return host.membersUsed().filter((m) => !m.split('.')[1].startsWith('_'));
}

describe('Office.js members the add-in calls', () => {
  const versions = excelApiVersions();
  const setOf = (member: string) => versions.get(member) ?? 'unknown';

  it('lists each member with its requirement set; above ExcelApi 1.8 only where Excel reports support', async () => {
    const all = await tour('1.99');
    console.log(`Office.js members the add-in calls (${all.length}):\n${all.map((m) => `  ${m.padEnd(48)} ExcelApi ${setOf(m)}`).join('\n')}`);
    expect(all.filter((m) => !versions.has(m))).toEqual([]);

    const base = await tour(BASE_REQUIREMENT.version);
    const ungated = base.filter((m) => newerThan(setOf(m), BASE_REQUIREMENT.version));
    expect(ungated).toEqual([]);
    // The notes the add-in writes on marked cells are ExcelApi 1.18: used only when supported.
    expect(all.some((m) => m.startsWith('NoteCollection.'))).toBe(true);
    expect(base.some((m) => m.startsWith('NoteCollection.'))).toBe(false);
  });
});
