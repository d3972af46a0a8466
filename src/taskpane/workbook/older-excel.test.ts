// The add-in's workbook steps in Excel below ExcelApi 1.18 (no notes), where the library itself
// refuses notes (ApiNotFound): marks made elsewhere with notes must still clear.
import { createExcelHost, setOfficeRequirements } from '../../../test/excel-host';
import { newerThan } from '../../../test/excel-host/requirement-sets';
import { HEADERS, clientCells } from '../../../test/fixtures/excel/client-sheet';
import { checkRows } from '../../domain';
import { createExcelDoor, MARK_FILL } from '../../excel';
import { createWorkbookPort } from './workbook-port';

const upTo = (highest: string) => (name: string, version?: string) => name === 'ExcelApi' && !newerThan(version ?? '1.1', highest);

afterEach(() => setOfficeRequirements(null));

async function portIn(host: ReturnType<typeof createExcelHost>, highest: string) {
  const isSetSupported = setOfficeRequirements(upTo(highest))!;
  const port = createWorkbookPort(createExcelDoor({ run: host.run, isSetSupported }));
  const found = await port.findTemplate();
  if (!found.found) throw new Error('template not found');
  return { port, template: found };
}

describe('Excel without notes (ExcelApi 1.17)', () => {
  it('clears marks that Excel with notes made: fills restored, notes left alone, no ApiNotFound', async () => {
    const host = createExcelHost();
    const bad = clientCells(2);
    bad[3] = 'not-an-email';
    const sheet = host.addSheet('Clients', [HEADERS, clientCells(1), bad], { activate: true });
    const newest = await portIn(host, '1.18');
    await newest.port.markIssues(newest.template, checkRows(await newest.port.readRows(newest.template)));
    expect(sheet.cell('D3')).toMatchObject({ fill: MARK_FILL, note: expect.stringMatching(/^Client Import:/) });

    const older = await portIn(host, '1.17');
    await expect(older.port.clearMarks()).resolves.toBe(1);
    expect(sheet.cell('D3').fill).toBeNull();
    expect(sheet.cell('D3').note).toMatch(/^Client Import:/);
    // Marking again there colours the cell only.
    await older.port.markIssues(older.template, checkRows(await older.port.readRows(older.template)));
    expect(sheet.cell('D3').fill).toBe(MARK_FILL);
  });
});
