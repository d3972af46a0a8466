import { createExcelHost } from './index';

const setup = () => {
  const host = createExcelHost();
  host.addSheet('Client List', [
    ['Tax Client ID', 'First Name'],
    ['00123', 'Ann'],
    [42, 'Bob'],
  ]);
  return host;
};

describe('load and sync rules', () => {
  it('throws PropertyNotLoaded when a property was never loaded', async () => {
    const host = setup();
    const range = host.context.workbook.worksheets.getItem('Client List').getRange('A1:B3');
    await host.context.sync();
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }));
  });

  it('throws PropertyNotLoaded when loaded but not yet synced, and answers after sync', async () => {
    const host = setup();
    const range = host.context.workbook.worksheets.getItem('Client List').getRange('A1:B3').load('values, text, address');
    expect(() => range.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await host.context.sync();
    expect(range.values).toEqual([
      ['Tax Client ID', 'First Name'],
      ['00123', 'Ann'],
      [42, 'Bob'],
    ]);
    expect(range.address).toBe("'Client List'!A1:B3");
    expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('accepts the array and {select} forms of load', async () => {
    const host = setup();
    const ws = host.context.workbook.worksheets.getItem('Client List');
    const a = ws.getRange('A2').load(['rowCount', 'columnIndex']);
    const b = ws.getRange('B3').load({ select: 'rowIndex,values' });
    await host.context.sync();
    expect([a.rowCount, a.columnIndex, b.rowIndex, b.values]).toEqual([1, 0, 2, [['Bob']]]);
  });

  it('queues writes and applies them only at sync', async () => {
    const host = setup();
    const r = host.context.workbook.worksheets.getItem('Client List').getRange('B2');
    r.values = [['Zoe']];
    expect(host.sheet('Client List').cell('B2').value).toBe('Ann');
    await host.context.sync();
    expect(host.sheet('Client List').cell('B2').value).toBe('Zoe');
  });

  it('counts syncs and request bytes', async () => {
    const host = setup();
    host.resetStats();
    host.context.workbook.worksheets.getItem('Client List').getRange('A5:B5').values = [['x'.repeat(1000), 'y']];
    await host.context.sync();
    await host.context.sync();
    // The library sends nothing for a sync with nothing queued.
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.maxRequestBytes).toBeGreaterThan(1000);
    expect(host.stats.totalRequestBytes).toBe(host.stats.maxRequestBytes);
  });
});
