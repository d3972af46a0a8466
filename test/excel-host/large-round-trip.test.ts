import { HEADERS } from '../fixtures/excel/client-sheet';
import { createExcelHost, SeedCell } from './index';

const ROWS = 100_000;
const MB5 = 5 * 1024 * 1024;

function bigSheet(): SeedCell[][] {
  const rows: SeedCell[][] = [HEADERS];
  for (let i = 1; i <= ROWS; i++)
    rows.push([
      String(i).padStart(6, '0'),
      `First${i}`,
      `Last${i}`,
      `client${i}@example.com`,
      '555-010-' + (i % 10000),
      '',
      '',
      '',
      'owner@firm.test',
      'Main Office',
      i % 2 ? 'Yes' : 'No',
    ]);
  return rows;
}

describe('100,000 rows x 11 columns', () => {
  it('reads in chunks and writes a copy back, every request under 5 MB', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', bigSheet());
    const chunk = 20_000;
    const grid: string[][] = [];
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Clients');
      for (let start = 0; start <= ROWS; start += chunk) {
        const r = ws.getRangeByIndexes(start, 0, Math.min(chunk, ROWS + 1 - start), 11).load('values,text');
        await ctx.sync();
        grid.push(...r.text);
      }
    });
    expect(grid).toHaveLength(ROWS + 1);
    expect(grid[1][0]).toBe('000001');

    await host.run(async (ctx) => {
      const out = ctx.workbook.worksheets.add('Copy');
      // A scalar applies to every cell of the range (Office.js accepts one value for a whole range).
      out.getRange('A:A').numberFormat = '@' as unknown as string[][];
      for (let start = 0; start < grid.length; start += chunk) {
        const part = grid.slice(start, start + chunk);
        out.getRangeByIndexes(start, 0, part.length, 11).values = part;
        await ctx.sync();
      }
    });
    const copy = host.sheet('Copy');
    expect(copy.usedAddress()).toBe('A1:K100001');
    expect(copy.cell('A100001').text).toBe('100000');
    expect(copy.cell('A2').value).toBe('000001');
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(MB5);
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(MB5);
    expect(host.stats.syncs).toBeLessThanOrEqual(30);
    expect(host.stats.cellsRead).toBe((ROWS + 1) * 11 * 2);
  });

  it('rejects the same copy written in one request', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', bigSheet());
    const values = host.sheet('Clients').values();
    const ws = host.context.workbook.worksheets.add('Copy');
    ws.getRangeByIndexes(0, 0, values.length, 11).values = values as string[][];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.sheetNames()).toEqual(['Clients']);
  });
});
