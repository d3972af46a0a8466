// Rows moving as the user sorts, inserts and deletes them, through Microsoft's own excel-web library.
import { createExcelHost } from './index';

function clients() {
  const host = createExcelHost();
  const sheet = host.addSheet(
    'Clients',
    [
      ['Name', 'ID'],
      ['Cole', '3'],
      ['Abel', '1'],
      [null, '4'],
      ['bell', '2'],
    ],
    { activate: true },
  );
  sheet.annotate('B3', 'note', 'Abel asked to call back');
  return { host, ws: host.context.workbook.worksheets.getItem('Clients') };
}

describe('the Excel host moves rows with their cells', () => {
  // RangeSort.apply: "Perform a sort operation." Excel's sort order (Excel help, "Default sort orders"):
  // "In an ascending sort, Microsoft Excel uses the following order. (In a descending sort, this sort
  // order is reversed except for blank cells, which are always placed last.)" … "Blanks: Blanks are always placed last."
  it('sorts rows below the header by a column, ignoring case, blanks last, and notes, fills and validation move with their cells', async () => {
    const { host, ws } = clients();
    ws.getRange('B3').format.fill.color = '#FFC8C8';
    ws.getRange('A3').dataValidation.rule = { list: { inCellDropDown: true, source: 'Abel,Cole' } };
    ws.getRange('A1:B5').sort.apply([{ key: 0, ascending: true }], false, true);
    await host.context.sync();
    expect(host.sheet('Clients').values()).toEqual([
      ['Name', 'ID'],
      ['Abel', '1'],
      ['bell', '2'],
      ['Cole', '3'],
      ['', '4'],
    ]);
    expect(host.sheet('Clients').cell('B2')).toMatchObject({ note: 'Abel asked to call back', fill: '#FFC8C8' });
    expect(host.sheet('Clients').cell('B3')).toMatchObject({ note: null, fill: null });
    expect(host.sheet('Clients').cell('A2').validation).toMatchObject({ source: 'Abel,Cole' });
    expect(host.sheet('Clients').cell('A3').validation).toBeNull();
    ws.getRange('A1:B5').sort.apply([{ key: 0, ascending: false }], false, true);
    await host.context.sync();
    expect(
      host
        .sheet('Clients')
        .values()
        .map((r) => r[0]),
    ).toEqual(['Name', 'Cole', 'bell', 'Abel', '']);
  });

  // Range.insert: "Inserts a cell or a range of cells into the worksheet in place of this range, and
  // shifts the other cells to make space. Returns a new Range object at the now blank space."
  it('inserts whole rows: the rows below move down with their notes, and the new rows are blank', async () => {
    const { host, ws } = clients();
    const blank = ws.getRange('2:3').insert('Down').load('address');
    await host.context.sync();
    expect(blank.address).toBe('Clients!2:3');
    expect(
      host
        .sheet('Clients')
        .values()
        .map((r) => r[0]),
    ).toEqual(['Name', '', '', 'Cole', 'Abel', '', 'bell']);
    expect(host.sheet('Clients').cell('B3').note).toBeNull();
    expect(host.sheet('Clients').cell('B5').note).toBe('Abel asked to call back');
  });

  // Range.delete: "Deletes the cells associated with the range."
  it('deletes whole rows: their notes go with them and the rows below move up', async () => {
    const { host, ws } = clients();
    host.sheet('Clients').annotate('A5', 'note', 'new client');
    ws.getRange('A2:A3').getEntireRow().delete('Up');
    await host.context.sync();
    expect(host.sheet('Clients').values()).toEqual([
      ['Name', 'ID'],
      ['', '4'],
      ['bell', '2'],
    ]);
    expect(host.sheet('Clients').cell('A3').note).toBe('new client');
    expect(host.sheet('Clients').cell('B3').note).toBeNull();
  });

  it('fails a sort key outside the range, naming RangeSort.apply', async () => {
    const { host, ws } = clients();
    ws.getRange('A1:B5').sort.apply([{ key: 2 }]);
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'RangeSort.apply' } });
  });
});
