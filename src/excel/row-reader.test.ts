import { createExcelHost, type SeedCell } from '../../test/excel-host';
import { HEADERS, clientCells, templateRows } from '../../test/fixtures/excel/client-sheet';
import { readClientRows } from './row-reader';
import { findTemplate, type TemplateLocation } from './template-finder';

async function found(fake: ReturnType<typeof createExcelHost>): Promise<TemplateLocation> {
  const result = await findTemplate(fake.context);
  if (!result.found) throw new Error('template not found');
  return result;
}

function row(id: SeedCell, first: SeedCell = 'Ann', mobile: SeedCell = ''): SeedCell[] {
  return [id, first, 'Lee', '', mobile, '', '', '', 'o@f.test', 'Main', 'No'];
}

describe('readClientRows', () => {
  it('inside Excel.run, finds and reads in one sync per step and chunk, with no clean-up request at the end', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', templateRows(30), { activate: true });
    fake.resetStats();
    const rows = await fake.run(async (context) => {
      const template = await findTemplate(context);
      if (!template.found) throw new Error('template not found');
      return readClientRows(context, template, { rowsPerChunk: 10 });
    });
    expect(rows).toHaveLength(30);
    // Three to find the template, three chunks; a range left tracked would add Excel.run's closing release.
    expect(fake.stats.syncs).toBe(6);
  });

  it('does not read an Excel table’s Totals row as a client, whether the table is the template or sits inside it', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', templateRows(3), { activate: true });
    await fake.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Clients').tables.add('Clients!A1:K4', true);
      table.showTotals = true;
      await context.sync();
    });
    expect(fake.sheet('Clients').cell('A5').value).toBe('Total');
    const template = await found(fake);
    expect(template.totalsRows).toEqual([5]);
    const rows = await readClientRows(fake.context, template);
    expect(rows.map((r) => r.taxClientId)).toEqual(['C000001', 'C000002', 'C000003']);
  });

  it('reads IDs with leading zeros stored as text and as numbers formatted 00000', async () => {
    const fake = createExcelHost();
    fake.addSheet(
      'Clients',
      [HEADERS, row({ value: '00123', numberFormat: '@' }), row({ value: 123, numberFormat: '00000' }), row({ value: 45, numberFormat: 'General' })],
      { activate: true },
    );
    const rows = await readClientRows(fake.context, await found(fake));
    expect(rows.map((r) => r.taxClientId)).toEqual(['00123', '00123', '45']);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('reads formulas as their result, #N/A as the user sees it, dates as displayed', async () => {
    const fake = createExcelHost();
    fake.addSheet(
      'Clients',
      [HEADERS, row('C1', { formula: '=UPPER("ann")', value: 'ANN' }), row('C2', { error: '#N/A' }), row('C3', { value: 45292, numberFormat: 'm/d/yyyy' })],
      { activate: true },
    );
    const rows = await readClientRows(fake.context, await found(fake));
    expect(rows.map((r) => r.firstName)).toEqual(['ANN', '#N/A', '1/1/2024']);
  });

  it('keeps every digit of a long number Excel shows in scientific notation', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [HEADERS, row(123456789012, 'Ann', 447911123456)], { activate: true });
    const [client] = await readClientRows(fake.context, await found(fake));
    expect(client.taxClientId).toBe('123456789012');
    expect(client.mobile).toBe('447911123456');
  });

  it("reads a digit column's values only in the chunks whose text shows scientific notation, several chunks in one sync", async () => {
    const fake = createExcelHost();
    const plain = (i: number) => row(`C${i}`, 'Ann', '+1 555 010 0000');
    fake.addSheet('Clients', [HEADERS, row(123456789012), plain(2), plain(3), plain(4), row('C5', 'Ann', 447911123456), plain(6)], { activate: true });
    const template = await found(fake);
    fake.resetStats();
    const rows = await readClientRows(fake.context, template, { rowsPerChunk: 2 });
    expect(rows.map((r) => [r.row, r.taxClientId, r.mobile])).toEqual([
      [2, '123456789012', ''],
      [3, 'C2', '+1 555 010 0000'],
      [4, 'C3', '+1 555 010 0000'],
      [5, 'C4', '+1 555 010 0000'],
      [6, 'C5', '447911123456'],
      [7, 'C6', '+1 555 010 0000'],
    ]);
    // Three chunks of text, then one sync for the first chunk's IDs and the third chunk's mobiles.
    expect(fake.stats.syncs).toBe(4);
    expect(fake.stats.cellsRead).toBe(6 * 11 + 2 + 2);
  });

  it('reads no values where no digit column shows scientific notation', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', templateRows(5), { activate: true });
    const template = await found(fake);
    fake.resetStats();
    await readClientRows(fake.context, template);
    expect(fake.stats.cellsRead).toBe(5 * 11);
    expect(fake.membersUsed()).not.toContain('Range.values');
  });

  it('reads a chunk in halves where Excel finds its answer too large', async () => {
    const long = 'x'.repeat(150);
    const cells = [HEADERS, ...Array.from({ length: 8 }, (_, i) => row(`C${i}`, `${long}${i}`))];
    const roomy = createExcelHost();
    roomy.addSheet('Clients', cells, { activate: true });
    const template = await found(roomy);
    const fake = createExcelHost({ maxResponseBytes: 1_500 });
    fake.addSheet('Clients', cells, { activate: true });
    const rows = await readClientRows(fake.context, template, { rowsPerChunk: 8 });
    expect(rows.map((r) => r.firstName)).toEqual(Array.from({ length: 8 }, (_, i) => `${long}${i}`));
    expect(fake.stats.failedSyncs).toBeGreaterThan(0);
  });

  it("reads digit values chunk by chunk where several chunks' values together make too large an answer", async () => {
    const fake = createExcelHost({ maxResponseBytes: 1_500 });
    fake.addSheet('Clients', [HEADERS, ...Array.from({ length: 150 }, (_, i) => [100000000000 + i, 'A', 'B'])], { activate: true });
    const template = await found(fake);
    fake.resetStats();
    const rows = await readClientRows(fake.context, template, { rowsPerChunk: 10 });
    expect(rows.map((r) => r.taxClientId)).toEqual(Array.from({ length: 150 }, (_, i) => String(100000000000 + i)));
    expect(fake.stats.failedSyncs).toBe(1);
  });

  it('reads hidden rows, skips whole-blank rows and numbers rows by sheet row', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [['Title'], [], HEADERS, clientCells(1), [], clientCells(2), clientCells(3)], { activate: true });
    sheet.hideRows(6, 6);
    const rows = await readClientRows(fake.context, await found(fake));
    expect(rows.map((r) => [r.row, r.taxClientId])).toEqual([
      [4, 'C000001'],
      [6, 'C000002'],
      [7, 'C000003'],
    ]);
  });

  it('reads the non-anchor cells of a merged range as blank', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1), clientCells(2)], { activate: true });
    sheet.merge('I2:J3'); // Owner Email and Office Location of both rows
    const rows = await readClientRows(fake.context, await found(fake));
    expect(rows.map((r) => [r.ownerEmail, r.officeLocation])).toEqual([
      ['partner@firm.test', ''],
      ['', ''],
    ]);
  });

  it('reads in chunks, one sync each, with the same result', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', templateRows(7), { activate: true });
    const template = await found(fake);
    const whole = await readClientRows(fake.context, template);
    fake.resetStats();
    const progress: number[] = [];
    const chunked = await readClientRows(fake.context, template, { rowsPerChunk: 3, onProgress: (n) => progress.push(n) });
    expect(chunked).toEqual(whole);
    expect(whole).toHaveLength(7);
    expect(fake.stats.syncs).toBe(3);
    expect(progress).toEqual([3, 6, 7]);
  });

  it('returns no rows for a template with only its header', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [HEADERS], { activate: true });
    expect(await readClientRows(fake.context, await found(fake))).toEqual([]);
  });
});
