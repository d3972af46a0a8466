// Worksheet protection through Microsoft's own excel-web library (types/protection.ts quotes the reference).
import { createExcelHost } from './index';

function protectedClients(options?: Excel.WorksheetProtectionOptions) {
  const host = createExcelHost();
  host.addSheet('Clients', [['Tax Client ID'], ['C1']], { activate: true });
  const sheet = host.context.workbook.worksheets.getItem('Clients');
  sheet.protection.protect(options);
  return { host, sheet };
}

describe('the Excel host models a protected sheet', () => {
  // WorksheetProtection.protected: "Specifies if the worksheet is protected."
  it('reports protection.protected, and unprotect takes it away', async () => {
    const { host, sheet } = protectedClients();
    const protection = sheet.protection.load('protected');
    await host.context.sync();
    expect(protection.protected).toBe(true);
    sheet.protection.unprotect();
    sheet.protection.load('protected');
    await host.context.sync();
    expect(protection.protected).toBe(false);
  });

  it.each([
    ['values', (s: Excel.Worksheet) => (s.getRange('A2').values = [['C2']]), 'Range.values'],
    ['a fill', (s: Excel.Worksheet) => (s.getRange('A2').format.fill.color = '#FFC8C8'), 'RangeFill.color'],
    ['a number format', (s: Excel.Worksheet) => (s.getRange('A2:A9').numberFormat = [['@']]), 'Range.numberFormat'],
    ['a note', (s: Excel.Worksheet) => s.notes.add('A2', 'Client Import: bad'), 'NoteCollection.add'],
    [
      'a dropdown',
      (s: Excel.Worksheet) => (s.getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: 'Yes,No' } }),
      'DataValidation.rule',
    ],
    ['a sort', (s: Excel.Worksheet) => s.getRange('A1:A2').sort.apply([{ key: 0 }], false, true), 'RangeSort.apply'],
    ['a row insert', (s: Excel.Worksheet) => s.getRange('3:3').insert('Down'), 'Range.insert'],
  ])('refuses %s with AccessDenied and changes nothing', async (_what, change, where) => {
    const { host, sheet } = protectedClients();
    await host.context.sync();
    change(sheet);
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'AccessDenied', debugInfo: { errorLocation: where } });
    expect(host.sheet('Clients').values()).toEqual([['Tax Client ID'], ['C1']]);
    expect(host.sheet('Clients').cell('A2')).toMatchObject({ fill: null, note: null, numberFormat: 'General', validation: null });
  });

  it('lets reads and what the protection options allow through', async () => {
    const { host, sheet } = protectedClients({ allowInsertRows: true });
    const text = sheet.getRange('A1:A2').load('text');
    sheet.getRange('2:2').insert('Down');
    await host.context.sync();
    expect(text.text).toEqual([['Tax Client ID'], ['C1']]);
    expect(host.sheet('Clients').values()).toEqual([['Tax Client ID'], [''], ['C1']]);
  });
});
