import { createExcelHost } from './index';

describe('worksheets', () => {
  it.each([
    ['x'.repeat(32), 'InvalidArgument'],
    ['a/b', 'InvalidArgument'],
    ['a[1]', 'InvalidArgument'],
    ['what?', 'InvalidArgument'],
    ['', 'InvalidArgument'],
    ["'quoted'", 'InvalidArgument'],
    ['client list', 'ItemAlreadyExists'],
  ])('refuses the sheet name %p at sync with %s', async (name, code) => {
    const host = createExcelHost();
    host.addSheet('Client List');
    host.context.workbook.worksheets.add(name);
    await expect(host.context.sync()).rejects.toMatchObject({ code, name: 'RichApi.Error' });
    expect(host.sheetNames()).toEqual(['Client List']);
  });

  it('accepts a 31-character name and applies a rename with the same rules', async () => {
    const host = createExcelHost();
    host.addSheet('A');
    host.addSheet('B');
    const ws = host.context.workbook.worksheets.add('x'.repeat(31));
    await host.context.sync();
    ws.name = 'b';
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    ws.name = 'Import Exceptions (2)';
    await host.context.sync();
    expect(host.sheetNames()).toEqual(['A', 'B', 'Import Exceptions (2)']);
  });

  it('getItem of a missing sheet fails at sync with ItemNotFound, not before', async () => {
    const host = createExcelHost();
    host.addSheet('A');
    const ws = host.context.workbook.worksheets.getItem('Nope');
    expect(ws).toBeDefined();
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('getItemOrNullObject answers isNullObject after sync (and throws before)', async () => {
    const host = createExcelHost();
    host.addSheet('A');
    const missing = host.context.workbook.worksheets.getItemOrNullObject('Nope');
    const found = host.context.workbook.worksheets.getItemOrNullObject('a');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await host.context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(found.isNullObject).toBe(false);
  });

  it('lists sheets through load and reads name, position and visibility', async () => {
    const host = createExcelHost();
    host.addSheet('A');
    host.addSheet('B').visible = false;
    const sheets = host.context.workbook.worksheets.load('items/name,items/visibility');
    const count = host.context.workbook.worksheets.getCount();
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await host.context.sync();
    expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
      ['A', 'Visible'],
      ['B', 'Hidden'],
    ]);
    expect(count.value).toBe(2);
    expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('activates, moves and deletes sheets; the active sheet is the first one added', async () => {
    const host = createExcelHost();
    host.addSheet('A');
    host.addSheet('B');
    expect(host.activeSheetName()).toBe('A');
    const active = host.context.workbook.worksheets.getActiveWorksheet().load('name');
    await host.context.sync();
    expect(active.name).toBe('A');
    const b = host.context.workbook.worksheets.getItem('B');
    b.activate();
    b.position = 0;
    await host.context.sync();
    expect(host.activeSheetName()).toBe('B');
    expect(host.sheet('B').position).toBe(0);
    host.context.workbook.worksheets.getItem('A').delete();
    await host.context.sync();
    expect(host.sheetNames()).toEqual(['B']);
    host.context.workbook.worksheets.getItem('B').delete();
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('quotes sheet names in addresses as Excel does', async () => {
    const host = createExcelHost();
    host.addSheet('Sheet1');
    host.addSheet('Client List');
    host.addSheet("O'Brien");
    const a = host.context.workbook.worksheets.getItem('Sheet1').getRange('A1:K101').load('address');
    const b = host.context.workbook.worksheets.getItem('Client List').getRange('$B$2').load('address');
    const c = host.context.workbook.worksheets.getItem("O'Brien").getRange('C:C').load('address');
    await host.context.sync();
    expect([a.address, b.address, c.address]).toEqual(['Sheet1!A1:K101', "'Client List'!B2", "'O''Brien'!C:C"]);
  });

  it('adds a sheet with a default name and its used range is A1 when blank', async () => {
    const host = createExcelHost();
    host.addSheet('Sheet1');
    const ws = host.context.workbook.worksheets.add();
    ws.load('name');
    const used = ws.getUsedRange().load('address');
    const none = ws.getUsedRangeOrNullObject().load('address');
    await host.context.sync();
    expect(ws.name).toBe('Sheet2');
    expect(used.address).toBe('Sheet2!A1');
    expect(none.isNullObject).toBe(true);
  });
});
