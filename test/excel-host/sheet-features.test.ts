import { createExcelHost } from './index';

const setup = () => {
  const host = createExcelHost();
  host.addSheet('S', [
    ['ID', 'Name', 'Is Offline'],
    ['001', 'Ann', ''],
    ['002', 'Bob', ''],
  ]);
  return { host, ws: host.context.workbook.worksheets.getItem('S') };
};

describe('data validation', () => {
  it('stores a list rule with alert and prompt, readable through the API and the handle', async () => {
    const { host, ws } = setup();
    const dv = ws.getRange('C2:C3').dataValidation;
    dv.clear();
    dv.rule = { list: { inCellDropDown: true, source: 'Yes,No' } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Is Offline', message: 'Choose Yes or No.' };
    dv.prompt = { showPrompt: true, title: 'Is Offline', message: 'Yes makes an offline client.' };
    await host.context.sync();
    expect(host.sheet('S').cell('C3').validation).toEqual({
      type: 'List',
      source: 'Yes,No',
      inCellDropDown: true,
      errorAlert: { showAlert: true, style: 'Stop', title: 'Is Offline', message: 'Choose Yes or No.' },
      prompt: { showPrompt: true, title: 'Is Offline', message: 'Yes makes an offline client.' },
    });
    expect(host.sheet('S').cell('C4').validation).toBeNull();
    const read = ws.getRange('C2').dataValidation.load('rule,type');
    await host.context.sync();
    expect(read.type).toBe('List');
    expect(read.rule.list?.source).toBe('Yes,No');
    ws.getRange('C:C').dataValidation.clear();
    await host.context.sync();
    expect(host.sheet('S').cell('C2').validation).toBeNull();
  });

  it("enforces Excel's limits: a typed list of at most 255 characters, alert title of 32", async () => {
    const { host, ws } = setup();
    ws.getRange('B2').dataValidation.rule = {
      list: { inCellDropDown: true, source: Array.from({ length: 30 }, (_, i) => `owner${i}@firm.example`).join(',') },
    };
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('B2').dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: 'x'.repeat(33), message: '' };
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: '=Lists!$A$1:$A$40' } };
    await host.context.sync();
    expect(host.sheet('S').cell('B2').validation?.source).toBe('=Lists!$A$1:$A$40');
  });
});

describe('tables, freeze panes, autofit', () => {
  // Table.showTotals: "Specifies if the total row is visible. This value can be set to show or remove the total row."
  // Excel help, "Total the data in an Excel table": "The Total Row is inserted at the bottom of your table."
  it('shows a totals row below the data, labelled Total, and removes it again', async () => {
    const { host, ws } = setup();
    const table = ws.tables.add('S!A1:C3', true);
    table.showTotals = true;
    const body = table.getDataBodyRange().load('address');
    const totals = table.getTotalRowRange().load('address');
    await host.context.sync();
    expect([body.address, totals.address]).toEqual(['S!A2:C3', 'S!A4:C4']);
    expect(host.sheet('S').cell('A4').value).toBe('Total');
    expect(host.sheet('S').cell('C4').formula).toBe('=SUBTOTAL(109,[Is Offline])');
    expect(host.sheet('S').tables()).toEqual([{ name: 'Table1', address: 'A1:C4', hasHeaders: true }]);
    table.showTotals = false;
    await host.context.sync();
    expect(host.sheet('S').cell('A4').value).toBe('');
    expect(host.sheet('S').tables()).toEqual([{ name: 'Table1', address: 'A1:C3', hasHeaders: true }]);
  });

  it('adds a table with header and body ranges, style and banding', async () => {
    const { host, ws } = setup();
    const t = ws.tables.add('A1:C3', true);
    t.name = 'Exceptions';
    t.style = 'TableStyleLight9';
    t.showBandedRows = true;
    const header = t.getHeaderRowRange().load('address,values');
    const body = t.getDataBodyRange().load('address');
    await host.context.sync();
    expect(header.address).toBe('S!A1:C1');
    expect(body.address).toBe('S!A2:C3');
    expect(host.sheet('S').tables()).toEqual([{ name: 'Exceptions', address: 'A1:C3', hasHeaders: true }]);
    ws.tables.add('B2:D4', true);
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('gives a header-only table one empty body row and appends rows below it', async () => {
    const host = createExcelHost();
    host.addSheet('R', [['Row', 'Result']]);
    const t = host.context.workbook.tables.add('R!A1:B1', true);
    t.rows.add(undefined, [
      [2, 'imported'],
      [3, 'rejected'],
    ]);
    const range = t.getRange().load('address');
    await host.context.sync();
    expect(range.address).toBe('R!A1:B4');
    expect(host.sheet('R').values()).toEqual([
      ['Row', 'Result'],
      ['', ''],
      [2, 'imported'],
      [3, 'rejected'],
    ]);
  });

  it('freezes rows and records fitted columns', async () => {
    const { host, ws } = setup();
    ws.freezePanes.freezeRows(1);
    expect(host.sheet('S').columnWidthsFitted()).toBe(false);
    ws.getUsedRange().format.autofitColumns();
    await host.context.sync();
    expect(host.sheet('S').freezeRows()).toBe(1);
    expect(host.sheet('S').columnWidthsFitted()).toBe(true);
    ws.freezePanes.freezeAt('A1:C2');
    await host.context.sync();
    expect(host.sheet('S').freezeRows()).toBe(2);
  });
});

describe('comments and notes', () => {
  it('adds a note per cell, reads it back, and deletes it', async () => {
    const { host, ws } = setup();
    ws.notes.add('B2', 'Missing mandatory fields: Owner Email');
    await host.context.sync();
    expect(host.sheet('S').cell('B2').note).toBe('Missing mandatory fields: Owner Email');
    const note = ws.notes.getItemOrNullObject('B2').load('content');
    const none = ws.notes.getItemOrNullObject('B3');
    await host.context.sync();
    expect(note.content).toBe('Missing mandatory fields: Owner Email');
    expect(none.isNullObject).toBe(true);
    note.delete();
    await host.context.sync();
    expect(host.sheet('S').cell('B2').note).toBeNull();
  });

  it('adds workbook comments by address and refuses a second one on the same cell', async () => {
    const { host } = setup();
    const comments = host.context.workbook.comments;
    comments.add('S!A2', 'Invalid Tax Client ID');
    await host.context.sync();
    expect(host.sheet('S').cell('A2').note).toBe('Invalid Tax Client ID');
    comments.add('S!A2', 'again');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    host.context.workbook.worksheets.getItem('S').notes.add('A2', 'a note');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    comments.getItemByCell('S!A2').delete();
    comments.load('items');
    await host.context.sync();
    expect(comments.items).toHaveLength(0);
    comments.getItemByCell('S!A2');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
