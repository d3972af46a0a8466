import { createExcelHost } from './index';

const setup = () => {
  const host = createExcelHost();
  host.addSheet(
    'S',
    [
      ['ID', 'Name'],
      ['001', 'Ann'],
      [2, 'Bob'],
      [3, 'Cy'],
    ],
    { startRow: 2 },
  );
  return { host, ws: host.context.workbook.worksheets.getItem('S') };
};

describe('ranges', () => {
  it('navigates like Excel: resized, offset, cell, row, column, entire column, used range', async () => {
    const { host, ws } = setup();
    const base = ws.getRange('A3:B6');
    const parts = [
      base.getResizedRange(2, 1),
      base.getOffsetRange(1, 1),
      base.getCell(1, 1),
      base.getRow(0),
      base.getColumn(1),
      base.getEntireColumn(),
      base.getLastRow(),
      ws.getUsedRange(),
      ws.getCell(0, 0),
      base.getIntersection('B1:C4'),
      base.getRowsBelow(2),
    ].map((r) => r.load('address'));
    await host.context.sync();
    expect(parts.map((p) => p.address)).toEqual([
      'S!A3:C8',
      'S!B4:C7',
      'S!B4',
      'S!A3:B3',
      'S!B3:B6',
      'S!A:B',
      'S!A6:B6',
      'S!A3:B6',
      'S!A1',
      'S!B3:B4',
      'S!A7:B8',
    ]);
  });

  it('fails at sync for ranges outside the sheet or with a bad address', async () => {
    const { host, ws } = setup();
    ws.getRangeByIndexes(0, 0, 0, 3);
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A1').getOffsetRange(-1, 0);
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('Nope!!');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reads rowIndex, counts, text with number formats, and the used range values', async () => {
    const host = createExcelHost();
    host.addSheet('S', [
      [
        { value: 123, numberFormat: '00000' },
        { value: 45657, numberFormat: 'm/d/yyyy' },
        { error: '#N/A' },
        { formula: '=A1', value: 123 },
        { value: 5, text: '5 override' },
      ],
    ]);
    const r = host.context.workbook.worksheets.getItem('S').getUsedRange().load('rowIndex,columnCount,cellCount,text,values,valueTypes,formulas');
    await host.context.sync();
    expect([r.rowIndex, r.columnCount, r.cellCount]).toEqual([0, 5, 5]);
    expect(r.text).toEqual([['00123', '12/31/2024', '#N/A', '123', '5 override']]);
    expect(r.values).toEqual([[123, 45657, '#N/A', 123, 5]]);
    expect(r.valueTypes).toEqual([['Double', 'Double', 'Error', 'Double', 'Double']]);
    expect(r.formulas).toEqual([[123, 45657, '#N/A', '=A1', 5]]);
  });

  it('reports hidden rows, and reads merged cells as empty except the top-left', async () => {
    const { host, ws } = setup();
    host.sheet('S').hideRows(4, 4);
    host.sheet('S').merge('A5:B5');
    const row4 = ws.getRange('A4:B4').load('rowHidden');
    const rows = ws.getRange('A3:B6').load('rowHidden,values');
    const merged = ws.getRange('A5').getMergedAreasOrNullObject().load('address,areaCount');
    const plain = ws.getRange('A3').getMergedAreasOrNullObject();
    await host.context.sync();
    expect(row4.rowHidden).toBe(true);
    expect(rows.rowHidden).toBeNull();
    expect(rows.values[2]).toEqual([2, '']);
    expect(merged.address).toBe('S!A5:B5');
    expect(plain.isNullObject).toBe(true);
    ws.getRange('A4').rowHidden = false;
    await host.context.sync();
    expect(host.sheet('S').hiddenRows()).toEqual([]);
  });

  it('merges through the API, refusing overlaps', async () => {
    const { host, ws } = setup();
    ws.getRange('A4:B4').merge();
    await host.context.sync();
    expect(host.sheet('S').cell('B4').value).toBe('');
    ws.getRange('B4:C4').merge();
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'MergedRangeConflict' });
  });

  it('sets fill, font, hyperlink and clears them', async () => {
    const { host, ws } = setup();
    const r = ws.getRange('A4:B4');
    r.format.fill.color = '#ffc7ce';
    r.format.font.bold = true;
    r.set({ format: { font: { color: 'red' } } });
    ws.getRange('A5').hyperlink = { documentReference: "'S'!A3", textToDisplay: '3' };
    await host.context.sync();
    expect(host.sheet('S').cell('B4')).toMatchObject({ fill: '#FFC7CE', fontBold: true, fontColor: '#FF0000' });
    expect(host.sheet('S').cell('A5')).toMatchObject({ hyperlink: { documentReference: "'S'!A3" }, value: 3 });
    r.load('format/fill/color');
    const mixed = ws.getRange('A3:A4').format.fill.load('color');
    await host.context.sync();
    expect(r.format.fill.color).toBe('#FFC7CE');
    expect(mixed.color).toBeNull();
    r.format.fill.clear();
    ws.getRange('A5').clear('Hyperlinks');
    await host.context.sync();
    expect(host.sheet('S').cell('B4').fill).toBeNull();
    expect(host.sheet('S').cell('A5').hyperlink).toBeNull();
  });

  it('rejects unknown colours and unknown properties', async () => {
    const { host, ws } = setup();
    ws.getRange('A1').format.fill.color = 'not-a-colour';
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(() => (ws.getRange('A1') as unknown as { set(p: object): void }).set({ bogus: 1 })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    ws.getRange('A1').load('bogus');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'NotImplemented' });
  });

  it('clears contents or everything', async () => {
    const { host, ws } = setup();
    ws.getRange('A4').format.fill.color = '#FF0000';
    ws.getRange('A4:B4').clear('Contents');
    await host.context.sync();
    expect(host.sheet('S').cell('A4')).toMatchObject({ value: '', fill: '#FF0000' });
    ws.getRange('A3:B6').clear();
    await host.context.sync();
    expect(host.sheet('S').usedAddress()).toBeNull();
  });

  it('selects a range and activates its sheet; untrack/track are accepted', async () => {
    const { host, ws } = setup();
    host.addSheet('Other');
    const other = host.context.workbook.worksheets.getItem('Other').getRange('C7').track();
    other.select();
    other.untrack();
    await host.context.sync();
    expect(host.activeSheetName()).toBe('Other');
    expect(host.selectedAddress()).toBe('C7');
    const sel = host.context.workbook.getSelectedRange().load('address');
    await host.context.sync();
    expect(sel.address).toBe('Other!C7');
    void ws;
  });

  it('writes a scalar to every cell of a range', async () => {
    const { host, ws } = setup();
    ws.getRange('C4:C6').values = 'Yes' as unknown as string[][];
    await host.context.sync();
    expect(
      host
        .sheet('S')
        .texts()
        .map((r) => r[2]),
    ).toEqual(['', 'Yes', 'Yes', 'Yes']);
  });
});
