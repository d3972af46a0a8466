// A firm hands its template out protected (Review › Protect Sheet). Excel refuses every change to the
// sheet's cells; the add-in must say so, naming the sheet, before changing anything. Both cases failed
// when Check marked cells and Prepare built its lists sheet first.
import { createExcelHost } from '../../test/excel-host';
import { HEADERS, OFFICES, OWNERS, clientCells } from '../../test/fixtures/excel/client-sheet';
import { checkRows } from '../domain';
import { markIssues } from './cell-marks';
import { ExcelError } from './excel-error';
import { fillDownIsOffline, setIsOffline } from './fill-down';
import { readClientRows } from './row-reader';
import { writeStatusColumn } from './status-column';
import { findTemplate } from './template-finder';
import { prepareTemplate } from './template-preparation';

async function protectedTemplate() {
  const host = createExcelHost();
  const bad = clientCells(2);
  bad[1] = '';
  host.addSheet('Clients', [HEADERS, clientCells(1, 'Yes'), bad], { activate: true });
  host.context.workbook.worksheets.getItem('Clients').protection.protect();
  await host.context.sync();
  const found = await findTemplate(host.context);
  if (!found.found) throw new Error('template not found');
  return { host, template: found, before: host.sheetNames() };
}

const saysWhatToDo = (error: unknown) => {
  expect(error).toBeInstanceOf(ExcelError);
  expect(error).toMatchObject({ code: 'protected', message: expect.stringContaining('The sheet "Clients" is protected') });
  expect((error as Error).message).toContain('Unprotect Sheet');
};

describe('a protected template', () => {
  it('Check reads it, then refuses to mark before touching a cell or adding the marks record', async () => {
    const { host, template, before } = await protectedTemplate();
    const issues = checkRows(await readClientRows(host.context, template));
    expect(issues.length).toBeGreaterThan(0);
    const error = await host.run((context) => markIssues(context, template, issues, { notes: true, areas: true })).catch((e: unknown) => e);
    saysWhatToDo(error);
    expect(host.sheetNames()).toEqual(before);
    expect(host.sheet('Clients').cell('B3').fill).toBeNull();
  });

  it('Prepare refuses before making a lists sheet or changing a format', async () => {
    const { host, template, before } = await protectedTemplate();
    const longList = Array.from({ length: 60 }, (_, i) => `owner${i}@firm.test`);
    const error = await host
      .run((context) => prepareTemplate(context, template, { owners: [...OWNERS, ...longList], offices: OFFICES }))
      .catch((e: unknown) => e);
    saysWhatToDo(error);
    expect(host.sheetNames()).toEqual(before);
    expect(host.sheet('Clients').cell('A2').numberFormat).toBe('General');
  });

  // Each failed through Excel's AccessDenied ("You can't change this part of the workbook…") instead of the pane's clear message.
  it('Fill Is Offline down, setting Is Offline and the Portal Status column refuse with the same message and write nothing', async () => {
    const { host, template } = await protectedTemplate();
    const cells = () => host.sheet('Clients').texts();
    const before = cells();
    for (const step of [
      () => host.run((context) => fillDownIsOffline(context, template)),
      () => host.run((context) => setIsOffline(context, template, [2, 3], 'Yes')),
      () => host.run((context) => writeStatusColumn(context, template, new Map([[2, 'Connected']]))),
    ]) {
      saysWhatToDo(await step().catch((e: unknown) => e));
      expect(cells()).toEqual(before);
    }
  });
});
