import { createExcelHost } from '../../test/excel-host';
import { HEADERS, clientCells } from '../../test/fixtures/excel/client-sheet';
import { ExcelError } from './excel-error';
import { fillDownIsOffline, setIsOffline } from './fill-down';
import { findTemplate, type TemplateLocation } from './template-finder';

async function found(fake: ReturnType<typeof createExcelHost>): Promise<TemplateLocation> {
  const result = await findTemplate(fake.context);
  if (!result.found) throw new Error('template not found');
  return result;
}

describe('fillDownIsOffline', () => {
  it("copies the first row's Yes down to the last data row, leaving blank rows blank", async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1, 'yes'), clientCells(2, 'No'), [], clientCells(3)], { activate: true });
    const result = await fillDownIsOffline(fake.context, await found(fake));
    expect(result).toEqual({ value: 'Yes', rows: 2 });
    expect(['K2', 'K3', 'K4', 'K5'].map((a) => sheet.cell(a).value)).toEqual(['yes', 'Yes', '', 'Yes']);
  });

  it('writes nothing when the first row holds neither Yes nor No', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1, ''), clientCells(2, 'No')], { activate: true });
    expect(await fillDownIsOffline(fake.context, await found(fake))).toEqual({ value: null, rows: 0 });
    expect(sheet.cell('K3').value).toBe('No');
  });

  it('asks for a prepared template when Is Offline is missing', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [HEADERS.slice(0, 10), clientCells(1).slice(0, 10)], { activate: true });
    await expect(fillDownIsOffline(fake.context, await found(fake))).rejects.toBeInstanceOf(ExcelError);
  });
});

describe('setIsOffline', () => {
  it('sets Yes only on the rows given, in one sync for consecutive and scattered rows after one for protection', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, ...Array.from({ length: 6 }, (_, i) => clientCells(i + 1, 'No'))], { activate: true });
    const template = await found(fake);
    fake.resetStats();
    expect(await setIsOffline(fake.context, template, [3, 4, 7, 1])).toBe(3);
    expect(fake.stats.syncs).toBe(2);
    expect(sheet.texts().map((r) => r[10])).toEqual(['Is Offline', 'No', 'Yes', 'Yes', 'No', 'No', 'Yes']);
  });
});
