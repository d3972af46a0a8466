// Excel behaviour the old hand-written fake missed, each following a sentence of Microsoft's
// documentation (OfficeDev/office-js-docs-reference, OfficeDev/office-js-docs-pr), run through
// Microsoft's own excel-web library.
import { createExcelHost } from './index';

const sheetOf = (host: ReturnType<typeof createExcelHost>, name: string) => host.context.workbook.worksheets.getItem(name);

describe('the Excel host follows the documentation', () => {
  // Worksheet.delete: "Note that if the worksheet's visibility is set to "VeryHidden", the delete
  // operation will fail with an `InvalidOperation` exception. You should first change its visibility
  // to hidden or visible before deleting it."
  it('refuses to delete a VeryHidden sheet, and deletes it once made hidden', async () => {
    const host = createExcelHost();
    host.addSheet('Data');
    host.addSheet('Record').visibility = 'VeryHidden';
    sheetOf(host, 'Record').delete();
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation', debugInfo: { errorLocation: 'Worksheet.delete' } });
    expect(host.sheetNames()).toEqual(['Data', 'Record']);
    const record = sheetOf(host, 'Record');
    record.visibility = 'Hidden';
    record.delete();
    await host.context.sync();
    expect(host.sheetNames()).toEqual(['Data']);
  });

  // A cell holds a threaded comment or a note, not both ("The difference between threaded comments and
  // notes", linked from docs/excel/excel-add-ins-notes.md); NoteCollection.add: "The range must be a single cell".
  it('fails notes.add on a cell that holds a threaded comment, and on more than one cell', async () => {
    const host = createExcelHost();
    host.addSheet('Clients').annotate('B2', 'comment', 'Checked with the client');
    sheetOf(host, 'Clients').notes.add('B2', 'Client Import: bad email');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation', debugInfo: { errorLocation: 'NoteCollection.add' } });
    sheetOf(host, 'Clients').notes.add('B3:B4', 'two cells');
    // NoteCollection.add: "If the string is invalid, or the range is not a single cell, an `InvalidCellAddress` error is thrown."
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidCellAddress' });
    sheetOf(host, 'Clients').notes.add('B3', 'fine');
    await host.context.sync();
    expect(host.sheet('Clients').cell('B2').note).toBe('Checked with the client');
    expect(host.sheet('Clients').cell('B3').note).toBe('fine');
  });

  // TableCollection.add, address: "If the address does not contain a sheet name, the currently-active
  // sheet is used." (worksheet.tables is a TableCollection too.)
  it("builds a table from a sheet-less address on the active sheet, even through another sheet's tables", async () => {
    const host = createExcelHost();
    host.addSheet('Active', [['Name', 'City']], { activate: true });
    host.addSheet('Report', [['Row', 'Result']]);
    sheetOf(host, 'Report').tables.add('A1:B2', true);
    await host.context.sync();
    expect(host.sheet('Active').tables()).toEqual([{ name: 'Table1', address: 'A1:B2', hasHeaders: true }]);
    expect(host.sheet('Report').tables()).toEqual([]);
    sheetOf(host, 'Report').tables.add(sheetOf(host, 'Report').getRange('A1:B2'), true);
    await host.context.sync();
    expect(host.sheet('Report').tables()).toEqual([{ name: 'Table2', address: 'A1:B2', hasHeaders: true }]);
  });

  // Resource limits: "Excel on the web has a payload size limit for requests and responses of 5MB.
  // `RichAPI.Error` will be thrown if that limit is exceeded."; error table: RequestPayloadSizeLimitExceeded.
  it('refuses a request body over 5 MB and applies none of it', async () => {
    const host = createExcelHost();
    host.addSheet('S', [['before']]);
    const ws = sheetOf(host, 'S');
    ws.getRange('A1').values = [['after']];
    ws.getRange('B1:B60000').values = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(host.sheet('S').values()).toEqual([['before']]);
  });

  // Worksheet.getUsedRange: "If the entire worksheet is blank, this function will return the top left cell
  // (i.e. it will *not* throw an error)."; getUsedRangeOrNullObject: "If the entire worksheet is blank, then
  // this method returns an object with its `isNullObject` property set to `true`".
  it('answers A1 for the used range of a blank sheet, and a null object from the OrNullObject form', async () => {
    const host = createExcelHost();
    host.addSheet('Blank');
    const used = sheetOf(host, 'Blank').getUsedRange().load('address');
    const orNull = sheetOf(host, 'Blank').getUsedRangeOrNullObject();
    await host.context.sync();
    expect(used.address).toBe('Blank!A1');
    expect(orNull.isNullObject).toBe(true);
  });

  // load(): "Before you can read the properties of a proxy object, you must explicitly load the properties
  // … and then call `context.sync()`."
  it('raises PropertyNotLoaded for a property read without load and sync', async () => {
    const host = createExcelHost();
    host.addSheet('S', [['a']]);
    const range = sheetOf(host, 'S').getRange('A1').load('address');
    expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await host.context.sync();
    expect(range.address).toBe('S!A1');
    expect(() => range.values).toThrow(
      expect.objectContaining({ code: 'PropertyNotLoaded', debugInfo: expect.objectContaining({ errorLocation: 'Range.values' }) }),
    );
  });

  // Error table: "InvalidOperationInCellEditMode: The operation isn't available while Excel is in Edit cell mode."
  it('fails every sync while the user edits a cell, applying nothing, and works again after', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    host.beginCellEdit();
    sheetOf(host, 'S').getRange('A1').values = [['x']];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(host.sheet('S').usedAddress()).toBeNull();
    host.endCellEdit();
    sheetOf(host, 'S').getRange('A1').values = [['x']];
    await host.context.sync();
    expect(host.sheet('S').cell('A1').value).toBe('x');
  });

  // RunOptions.delayForCellEdit: "When true, the batch request will be executed after the user exits cell edit mode."
  it('holds a delayForCellEdit batch until the user leaves the cell, then runs it', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    host.beginCellEdit();
    let done = false;
    const batch = host
      .run(
        async (context) => {
          context.workbook.worksheets.getItem('S').getRange('A1').values = [['later']];
          await context.sync();
        },
        { delayForCellEdit: true },
      )
      .then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect([done, host.sheet('S').usedAddress()]).toEqual([false, null]);
    host.endCellEdit();
    await batch;
    expect(host.sheet('S').cell('A1').value).toBe('later');
  });

  it('fails the chosen sync, and can leave one unanswered for a watchdog to notice', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    host.failSync(2, 'GeneralException');
    host.hangSync(3);
    const write = (v: string) => {
      sheetOf(host, 'S').getRange('A1').values = [[v]];
      return host.context.sync();
    };
    await write('one');
    await expect(write('two')).rejects.toMatchObject({ code: 'GeneralException' });
    expect(host.sheet('S').cell('A1').value).toBe('one');
    const hung = write('three');
    const outcome = await Promise.race([
      hung.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((r) => setImmediate(() => r('pending'))),
    ]);
    expect(outcome).toBe('pending');
    expect(host.sheet('S').cell('A1').value).toBe('one');
  });

  // sync(): "runs any commands that are queued" — in order; the failing one ends the request with its location.
  it('raises an error at the sync that carried it: earlier actions applied, later ones not', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    const ws = sheetOf(host, 'S');
    ws.getRange('A1').values = [['first']];
    ws.getRange('A2').values = [['x', 'y']];
    ws.getRange('A3').values = [['third']];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', name: 'RichApi.Error', debugInfo: { errorLocation: 'Range.values' } });
    expect(host.sheet('S').values()).toEqual([['first']]);
  });

  // Work with multiple ranges simultaneously: Worksheet.getRanges takes "a string with comma-delimited range
  // addresses"; "Setting a property on a RangeAreas object sets the corresponding property on all the ranges";
  // on reading, "Other properties are null unless all ranges share the same value."
  it('fills every area of Worksheet.getRanges and reads one colour only when all areas share it', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    const areas = sheetOf(host, 'S').getRanges('F3:F5, H3:H5,B2');
    areas.format.fill.color = '#FFC0CB';
    const fill = areas.format.fill.load('color');
    const address = areas.load('address');
    await host.context.sync();
    expect(['F3', 'F5', 'H4', 'B2'].map((a) => host.sheet('S').cell(a).fill?.toUpperCase())).toEqual(Array(4).fill('#FFC0CB'));
    expect([host.sheet('S').cell('G3').fill, host.sheet('S').cell('F6').fill]).toEqual([null, null]);
    expect([fill.color, address.address]).toEqual(['#FFC0CB', 'S!F3:F5,S!H3:H5,S!B2']);

    sheetOf(host, 'S').getRange('H4').format.fill.color = '#FFFF00';
    const mixed = sheetOf(host, 'S').getRanges('F3:F5,H3:H5').format.fill.load('color');
    sheetOf(host, 'S').getRanges('F3:F5').format.fill.clear();
    await host.context.sync();
    expect(mixed.color).toBeNull();
    expect(host.sheet('S').cell('F4').fill).toBeNull();
  });
});
