import { createExcelHost } from '../../test/excel-host';
import { HEADERS, templateRows } from '../../test/fixtures/excel/client-sheet';
import { MAX_REQUEST_BYTES } from './chunking';
import { STATUS_HEADER, writeStatusColumn } from './status-column';
import { findTemplate, type TemplateLocation } from './template-finder';

async function found(fake: ReturnType<typeof createExcelHost>): Promise<TemplateLocation> {
  const result = await findTemplate(fake.context);
  if (!result.found) throw new Error('template not found');
  return result;
}

describe('writeStatusColumn', () => {
  it('adds a Portal Status column after the last column, status text in text cells, blank when unknown', async () => {
    const fake = createExcelHost();
    // Header on row 3, under a title and a blank row.
    const sheet = fake.addSheet('Clients', [['Lee & Partners clients'], [], ...templateRows(3)], { activate: true });
    const template = await found(fake);
    fake.resetStats();
    const column = await writeStatusColumn(
      fake.context,
      template,
      new Map([
        [4, 'Connected'],
        [6, '=1+1'],
      ]),
    );
    expect(column).toBe(HEADERS.length);
    expect(['L3', 'L4', 'L5', 'L6'].map((a) => sheet.cell(a).value)).toEqual([STATUS_HEADER, 'Connected', '', '=1+1']);
    expect(sheet.cell('L3').fontBold).toBe(true);
    expect(['L4', 'L5', 'L6'].map((a) => sheet.cell(a).numberFormat)).toEqual(['@', '@', '@']);
    expect(sheet.cell('L6').formula).toBeNull();
    expect(sheet.cell('L1').value).toBe('');
    expect(fake.stats.syncs).toBe(2);
  });

  it('reuses an existing Portal Status column and overwrites stale statuses', async () => {
    const fake = createExcelHost();
    const rows = templateRows(2);
    rows[0] = [...rows[0], 'portal status'];
    rows[1] = [...rows[1], 'Old status'];
    rows[2] = [...rows[2], 'Old status'];
    const sheet = fake.addSheet('Clients', rows, { activate: true });
    const column = await writeStatusColumn(fake.context, await found(fake), new Map([[2, 'Invited']]));
    expect(column).toBe(HEADERS.length);
    expect(['L1', 'L2', 'L3', 'M1'].map((a) => sheet.cell(a).value)).toEqual([STATUS_HEADER, 'Invited', '', '']);
  });

  it('writes only the header when the template has no data rows', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS], { activate: true });
    await writeStatusColumn(fake.context, await found(fake), new Map());
    expect(sheet.cell('L1').value).toBe(STATUS_HEADER);
    expect(sheet.usedAddress()).toBe('A1:L1');
  });

  it('writes 100,000 statuses in a few syncs, no request over 5 MB', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS], { activate: true });
    // Only the header is read, so a location saying 100,000 data rows is enough to drive the write.
    const template: TemplateLocation = { ...(await found(fake)), lastRow: 100_001 };
    const statuses = new Map(Array.from({ length: 100_000 }, (_, i) => [i + 2, i % 2 ? 'Not Connected' : 'Connected'] as const));
    fake.resetStats();
    await writeStatusColumn(fake.context, template, statuses);
    expect(fake.stats.failedSyncs).toBe(0);
    expect(fake.stats.syncs).toBe(3); // header read, then two chunks
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(['L2', 'L3', 'L100001'].map((a) => sheet.cell(a).value)).toEqual(['Connected', 'Not Connected', 'Not Connected']);
    expect(sheet.cell('L100001').numberFormat).toBe('@');
  });
});
