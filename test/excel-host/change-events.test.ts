// Worksheet.onChanged through the library's own event path (events.ts): the library registers with
// OSF.DDA.RichApi.richApiMessageManager and turns the host's messages into WorksheetChangedEventArgs.
import { createExcelHost, type ExcelHost } from './index';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function listen(host: ExcelHost, sheetName: string) {
  const seen: Excel.WorksheetChangedEventArgs[] = [];
  const handler = async (args: Excel.WorksheetChangedEventArgs) => void seen.push(args);
  const result = await host.run(async (context) => {
    const added = context.workbook.worksheets.getItem(sheetName).onChanged.add(handler);
    await context.sync();
    return added;
  });
  const stop = async () => {
    // "To remove an event handler, call remove() in the same context the handler was added in" (docs/excel/excel-add-ins-events.md).
    result.remove();
    await result.context.sync();
  };
  return { seen, stop };
}

describe('Worksheet.onChanged on the Excel host', () => {
  // WorksheetChangedEventArgs (ExcelApi 1.7): "address: Gets the range address that represents the changed area of a
  // specific worksheet"; "changeType: Gets the change type that represents how the changed event is triggered";
  // "source: Gets the source of the event"; "worksheetId: Gets the ID of the worksheet in which the data changed".
  it('tells a handler which area the user changed, after the edit', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Tax Client ID', 'Taxpayer Email']], { activate: true });
    const { seen } = await listen(host, 'Clients');
    host.edit('Clients', 'A2', [
      ['00123', 'a@example.com'],
      ['00124', 'b@example.com'],
    ]);
    expect(seen).toHaveLength(0); // delivered after the edit, as Excel's messages are
    await nextTask();
    const id = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Clients').load('id');
      await context.sync();
      return sheet.id;
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: 'WorksheetChanged',
      changeType: 'RangeEdited',
      source: 'Local',
      address: 'A2:B3',
      worksheetId: id,
      triggerSource: 'Unknown',
    });
    expect(host.sheet('Clients').cell('B3').text).toBe('b@example.com');
  });

  // "details: Represents the information about the change detail. This property can be retrieved when the changed event is
  // triggered on a single cell. If the changed event is triggered on multiple cells, this property cannot be retrieved." (ExcelApi 1.9)
  it('gives the value before and after for a single cell only', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Taxpayer Email'], ['old@example.com']], { activate: true });
    const { seen } = await listen(host, 'Clients');
    host.edit('Clients', 'A2', [['new@example.com']]);
    host.edit('Clients', 'A3', [['x'], ['y']]);
    await nextTask();
    expect(seen.map((e) => e.details)).toEqual([
      { valueBefore: 'old@example.com', valueAfter: 'new@example.com', valueTypeBefore: undefined, valueTypeAfter: undefined },
      undefined,
    ]);
  });

  // "triggerSource: Represents the trigger source of the event. For example, identifies whether this local add-in triggers
  // the event." (ExcelApi 1.14; EventTriggerSource.thisLocalAddin: "The event is triggered by the Office JS API of the current add-in.")
  it('raises the add-in’s own writes too, saying so', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Is Offline']], { activate: true });
    const { seen } = await listen(host, 'Clients');
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').getRange('A2:A3').values = [['Yes'], ['No']];
      await context.sync();
    });
    await nextTask();
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([['A2:A3', 'ThisLocalAddin']]);
  });

  it('sends nothing once the handler is removed, and nothing for another sheet', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Tax Client ID']], { activate: true });
    host.addSheet('Notes');
    const { seen, stop } = await listen(host, 'Clients');
    host.edit('Notes', 'A1', [['elsewhere']]);
    await nextTask();
    expect(seen).toHaveLength(0);
    await stop();
    host.edit('Clients', 'A2', [['00123']]);
    await nextTask();
    expect(seen).toHaveLength(0);
    expect(host.membersUsed()).toEqual(expect.arrayContaining(['Worksheet._RegisterDataChangedEvent', 'Worksheet._UnregisterDataChangedEvent']));
  });

  it('keeps two hosts’ events apart (their sheet ids differ)', async () => {
    const one = createExcelHost();
    const two = createExcelHost();
    one.addSheet('Clients', [['Tax Client ID']], { activate: true });
    two.addSheet('Clients', [['Tax Client ID']], { activate: true });
    const first = await listen(one, 'Clients');
    const second = await listen(two, 'Clients');
    two.edit('Clients', 'A2', [['00123']]);
    await nextTask();
    expect([first.seen.length, second.seen.length]).toEqual([0, 1]);
  });
});

describe('rows inserted, deleted and sorted on the Excel host', () => {
  // Excel.DataChangeType: "RowInserted represents inserting rows", "RowDeleted represents deleting rows" (WorksheetChangedEventArgs.changeType).
  it('tells Worksheet.onChanged of rows the user inserts or deletes, with the whole rows as the address', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Tax Client ID'], ['00123'], ['00124']], { activate: true });
    const { seen } = await listen(host, 'Clients');
    host.moveRows('Clients', 'insert', '2:3');
    host.moveRows('Clients', 'delete', '4:4');
    await nextTask();
    expect(seen.map((e) => [e.changeType, e.address, e.triggerSource])).toEqual([
      ['RowInserted', '2:3', 'Unknown'],
      ['RowDeleted', '4:4', 'Unknown'],
    ]);
    expect(host.sheet('Clients').cell('A4').text).toBe('00124');
  });

  it('says so when the add-in’s own Range.insert moved the rows', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Tax Client ID'], ['00123']], { activate: true });
    const { seen } = await listen(host, 'Clients');
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').getRange('2:2').insert('Down');
      await context.sync();
    });
    await nextTask();
    expect(seen.map((e) => [e.changeType, e.address, e.triggerSource])).toEqual([['RowInserted', '2:2', 'ThisLocalAddin']]);
  });

  // Worksheet.onRowSorted (ExcelApi 1.10): "Occurs when one or more rows have been sorted. This happens as the result of a
  // top-to-bottom sort operation." WorksheetRowSortedEventArgs.address: "the range address that represents the sorted areas".
  it('tells Worksheet.onRowSorted of rows the user sorts, through the same event path', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Tax Client ID'], ['00125'], ['00123'], ['00124']], { activate: true });
    const sorted: Excel.WorksheetRowSortedEventArgs[] = [];
    const result = await host.run(async (context) => {
      const added = context.workbook.worksheets.getItem('Clients').onRowSorted.add(async (args) => void sorted.push(args));
      await context.sync();
      return added;
    });
    host.sortRows('Clients', 'A2:A4', [{ column: 0, ascending: true }]);
    expect(sorted).toHaveLength(0);
    await nextTask();
    expect(sorted).toEqual([expect.objectContaining({ type: 'WorksheetRowSorted', address: '2:4', source: 'Local' })]);
    expect(host.sheet('Clients').cell('A2').text).toBe('00123');
    result.remove();
    await result.context.sync();
    host.sortRows('Clients', 'A2:A4', [{ column: 0, ascending: false }]);
    await nextTask();
    expect(sorted).toHaveLength(1);
    expect(host.membersUsed()).toEqual(expect.arrayContaining(['Worksheet._RegisterRowSortedEvent', 'Worksheet._UnregisterRowSortedEvent']));
  });
});
