import { createFakeExcel } from './index';

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
    const fake = createFakeExcel();
    fake.addSheet('Client List');
    fake.context.workbook.worksheets.add(name);
    await expect(fake.context.sync()).rejects.toMatchObject({ code, name: 'RichApi.Error' });
    expect(fake.sheetNames()).toEqual(['Client List']);
  });

  it('accepts a 31-character name and applies a rename with the same rules', async () => {
    const fake = createFakeExcel();
    fake.addSheet('A');
    fake.addSheet('B');
    const ws = fake.context.workbook.worksheets.add('x'.repeat(31));
    await fake.context.sync();
    ws.name = 'b';
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    ws.name = 'Import Exceptions (2)';
    await fake.context.sync();
    expect(fake.sheetNames()).toEqual(['A', 'B', 'Import Exceptions (2)']);
  });

  it('getItem of a missing sheet fails at sync with ItemNotFound, not before', async () => {
    const fake = createFakeExcel();
    fake.addSheet('A');
    const ws = fake.context.workbook.worksheets.getItem('Nope');
    expect(ws).toBeDefined();
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('getItemOrNullObject answers isNullObject after sync (and throws before)', async () => {
    const fake = createFakeExcel();
    fake.addSheet('A');
    const missing = fake.context.workbook.worksheets.getItemOrNullObject('Nope');
    const found = fake.context.workbook.worksheets.getItemOrNullObject('a');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await fake.context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(found.isNullObject).toBe(false);
  });

  it('lists sheets through load and reads name, position and visibility', async () => {
    const fake = createFakeExcel();
    fake.addSheet('A');
    fake.addSheet('B').visible = false;
    const sheets = fake.context.workbook.worksheets.load('items/name,items/visibility');
    const count = fake.context.workbook.worksheets.getCount();
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await fake.context.sync();
    expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([['A', 'Visible'], ['B', 'Hidden']]);
    expect(count.value).toBe(2);
    expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('activates, moves and deletes sheets; the active sheet is the first one added', async () => {
    const fake = createFakeExcel();
    fake.addSheet('A');
    fake.addSheet('B');
    expect(fake.activeSheetName()).toBe('A');
    const active = fake.context.workbook.worksheets.getActiveWorksheet().load('name');
    await fake.context.sync();
    expect(active.name).toBe('A');
    const b = fake.context.workbook.worksheets.getItem('B');
    b.activate();
    b.position = 0;
    await fake.context.sync();
    expect(fake.activeSheetName()).toBe('B');
    expect(fake.sheet('B').position).toBe(0);
    fake.context.workbook.worksheets.getItem('A').delete();
    await fake.context.sync();
    expect(fake.sheetNames()).toEqual(['B']);
    fake.context.workbook.worksheets.getItem('B').delete();
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('quotes sheet names in addresses as Excel does', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Sheet1');
    fake.addSheet('Client List');
    fake.addSheet("O'Brien");
    const a = fake.context.workbook.worksheets.getItem('Sheet1').getRange('A1:K101').load('address');
    const b = fake.context.workbook.worksheets.getItem('Client List').getRange('$B$2').load('address');
    const c = fake.context.workbook.worksheets.getItem("O'Brien").getRange('C:C').load('address');
    await fake.context.sync();
    expect([a.address, b.address, c.address]).toEqual(['Sheet1!A1:K101', "'Client List'!B2", "'O''Brien'!C:C"]);
  });

  it('adds a sheet with a default name and its used range is A1 when blank', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Sheet1');
    const ws = fake.context.workbook.worksheets.add();
    ws.load('name');
    const used = ws.getUsedRange().load('address');
    const none = ws.getUsedRangeOrNullObject().load('address');
    await fake.context.sync();
    expect(ws.name).toBe('Sheet2');
    expect(used.address).toBe('Sheet2!A1');
    expect(none.isNullObject).toBe(true);
  });
});
