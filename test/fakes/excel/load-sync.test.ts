import { createFakeExcel } from './index';

const setup = () => {
  const fake = createFakeExcel();
  fake.addSheet('Client List', [['Tax Client ID', 'First Name'], ['00123', 'Ann'], [42, 'Bob']]);
  return fake;
};

describe('load and sync rules', () => {
  it('throws PropertyNotLoaded when a property was never loaded', async () => {
    const fake = setup();
    const range = fake.context.workbook.worksheets.getItem('Client List').getRange('A1:B3');
    await fake.context.sync();
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }));
  });

  it('throws PropertyNotLoaded when loaded but not yet synced, and answers after sync', async () => {
    const fake = setup();
    const range = fake.context.workbook.worksheets.getItem('Client List').getRange('A1:B3').load('values, text, address');
    expect(() => range.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await fake.context.sync();
    expect(range.values).toEqual([['Tax Client ID', 'First Name'], ['00123', 'Ann'], [42, 'Bob']]);
    expect(range.address).toBe("'Client List'!A1:B3");
    expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('accepts the array and {select} forms of load', async () => {
    const fake = setup();
    const ws = fake.context.workbook.worksheets.getItem('Client List');
    const a = ws.getRange('A2').load(['rowCount', 'columnIndex']);
    const b = ws.getRange('B3').load({ select: 'rowIndex,values' });
    await fake.context.sync();
    expect([a.rowCount, a.columnIndex, b.rowIndex, b.values]).toEqual([1, 0, 2, [['Bob']]]);
  });

  it('queues writes and applies them only at sync', async () => {
    const fake = setup();
    const r = fake.context.workbook.worksheets.getItem('Client List').getRange('B2');
    r.values = [['Zoe']];
    expect(fake.sheet('Client List').cell('B2').value).toBe('Ann');
    await fake.context.sync();
    expect(fake.sheet('Client List').cell('B2').value).toBe('Zoe');
  });

  it('counts syncs and request bytes', async () => {
    const fake = setup();
    fake.resetStats();
    fake.context.workbook.worksheets.getItem('Client List').getRange('A5:B5').values = [['x'.repeat(1000), 'y']];
    await fake.context.sync();
    await fake.context.sync();
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requests).toBe(1);
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(1000);
    expect(fake.stats.totalRequestBytes).toBe(fake.stats.maxRequestBytes);
  });
});
