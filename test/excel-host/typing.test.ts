import { createExcelHost } from './index';

async function write(values: unknown[][], numberFormat?: string) {
  const host = createExcelHost();
  const sheet = host.addSheet('S');
  const range = host.context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, values.length, values[0].length);
  if (numberFormat) range.numberFormat = values.map((r) => r.map(() => numberFormat));
  range.values = values as string[][];
  range.load('values,text,formulas,valueTypes,numberFormat');
  await host.context.sync();
  return { host, sheet, range };
}

describe("Excel's typing rules for values written through range.values", () => {
  it("turns '00123' into the number 123 in a General cell", async () => {
    const { range } = await write([['00123']]);
    expect(range.values).toEqual([[123]]);
    expect(range.text).toEqual([['123']]);
    expect(range.valueTypes).toEqual([['Double']]);
  });

  it("keeps '00123' verbatim in a text ('@') cell", async () => {
    const { range } = await write([['00123']], '@');
    expect(range.values).toEqual([['00123']]);
    expect(range.text).toEqual([['00123']]);
    expect(range.valueTypes).toEqual([['String']]);
  });

  it('turns a string starting with = into a formula that is stored, not evaluated', async () => {
    const { range, sheet } = await write([['=1+1']]);
    expect(range.formulas).toEqual([['=1+1']]);
    expect(range.text).toEqual([['']]);
    expect(sheet.cell('A1').formula).toBe('=1+1');
  });

  it("treats +… -… @… (non-numbers) as formulas too, and keeps them as text in '@' cells", async () => {
    const inputs = [['+SUM(A1)', '-cmd', '@x', "=cmd|'/c calc'!A1"]];
    const general = await write(inputs);
    expect(general.range.formulas).toEqual([['=+SUM(A1)', '=-cmd', '=@x', "=cmd|'/c calc'!A1"]]);
    const text = await write(inputs, '@');
    expect(text.range.values).toEqual(inputs);
    expect(text.range.formulas).toEqual(inputs);
    expect(text.sheet.cell('D1').formula).toBeNull();
  });

  it('parses numbers, grouped numbers, percentages, booleans, error literals and US dates', async () => {
    const { range } = await write([['-2', '1e3', '1,234', '50%', 'true', '#N/A', '12/31/2024', ' 42 ']]);
    expect(range.values).toEqual([[-2, 1000, 1234, 0.5, true, '#N/A', 45657, 42]]);
    expect(range.valueTypes).toEqual([['Double', 'Double', 'Double', 'Double', 'Boolean', 'Error', 'Double', 'Double']]);
    expect(range.text).toEqual([['-2', '1000', '1,234', '50%', 'TRUE', '#N/A', '12/31/2024', '42']]);
    expect(range.numberFormat[0][6]).toBe('m/d/yyyy');
  });

  it('keeps plain text, and strips a leading apostrophe that forces text', async () => {
    const { range } = await write([["'00123", 'Main Office', '12/31/x']]);
    expect(range.values).toEqual([['00123', 'Main Office', '12/31/x']]);
  });

  it('leaves a cell unchanged where the written array holds null', async () => {
    const host = createExcelHost();
    host.addSheet('S', [['keep', 'old']]);
    host.context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, 'new']] as unknown as string[][];
    await host.context.sync();
    expect(host.sheet('S').values()).toEqual([['keep', 'new']]);
  });

  it('writing an empty string empties the cell', async () => {
    const host = createExcelHost();
    host.addSheet('S', [['a', { formula: '=A1', value: 'a' }]]);
    host.context.workbook.worksheets.getItem('S').getRange('B1').values = [['']];
    await host.context.sync();
    expect(host.sheet('S').cell('B1')).toMatchObject({ value: '', formula: null, valueType: 'Empty' });
  });

  it('a later number format does not retype a number already stored', async () => {
    const { host } = await write([['00123']]);
    const r = host.context.workbook.worksheets.getItem('S').getRange('A1');
    r.numberFormat = [['@']];
    r.load('values,text');
    await host.context.sync();
    expect(r.values).toEqual([[123]]);
    expect(r.text).toEqual([['123']]);
  });

  it('a whole-column text format applies to cells written later', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    const ws = host.context.workbook.worksheets.getItem('S');
    ws.getRange('A:A').numberFormat = '@' as unknown as string[][];
    ws.getRange('A5:B5').values = [['00123', '00123']];
    await host.context.sync();
    expect(host.sheet('S').cell('A5')).toMatchObject({ value: '00123', numberFormat: '@' });
    expect(host.sheet('S').cell('B5')).toMatchObject({ value: 123, numberFormat: 'General' });
    expect(host.sheet('S').usedAddress()).toBe('A5:B5');
  });

  it('formulas written through range.formulas follow the same rules', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    const r = host.context.workbook.worksheets.getItem('S').getRange('A1:B1');
    r.formulas = [['=SUM(1,2)', '007']];
    r.load('formulas,values');
    await host.context.sync();
    expect(r.formulas).toEqual([['=SUM(1,2)', 7]]);
  });
});
