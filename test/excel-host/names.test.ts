// The workbook's defined names (workbook.names), through Microsoft's own excel-web library.
import { createExcelHost } from './index';

describe('defined names', () => {
  // NamedItemCollection.add: "Adds a new name to the collection of the given scope."; NamedItemCollection.items:
  // "Gets the loaded child items in this collection."
  it('adds a name that refers to a range and lists it', async () => {
    const host = createExcelHost();
    host.addSheet('S', [['a']], { activate: true });
    const names = host.context.workbook.names;
    names.add('Clients_List', '=S!A1:A3', 'ours');
    names.load('items/name,items/type,items/value');
    await host.context.sync();
    expect(names.items.map((n) => [n.name, n.type, n.value])).toEqual([['Clients_List', 'Range', 'S!A1:A3']]);
    const missing = names.getItemOrNullObject('Nope');
    await host.context.sync();
    expect(missing.isNullObject).toBe(true);
  });

  // Table.name: "The set name of the table must follow the guidelines specified in the Rename an Excel table
  // article." That article: "Duplicate names aren't allowed. Excel doesn't distinguish between upper and
  // lowercase characters in names, so if you enter "Sales" but already have another name called "SALES" in
  // the same workbook, you'll be prompted to choose a unique name." Tables and defined names share one namespace.
  it('refuses a table named like a defined name, and a defined name like a table, whatever the case', async () => {
    const host = createExcelHost();
    host.addSheet('S', [['ID'], ['1']], { activate: true });
    const workbook = host.context.workbook;
    workbook.names.add('SALES', '=S!A1');
    await host.context.sync();
    const table = workbook.tables.add('S!A1:A2', true);
    table.name = 'Sales';
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    const other = host.context.workbook.tables.getItem('Table1');
    other.name = 'Orders';
    await host.context.sync();
    host.context.workbook.names.add('orders', '=S!A2');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  // Table.worksheet: "The worksheet containing the current table."
  it('gives each table its worksheet', async () => {
    const host = createExcelHost();
    host.addSheet('S', [['ID'], ['1']], { activate: true });
    host.context.workbook.tables.add('S!A1:A2', true);
    const tables = host.context.workbook.tables.load('items/name,items/worksheet/name');
    await host.context.sync();
    expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([['Table1', 'S']]);
  });
});
