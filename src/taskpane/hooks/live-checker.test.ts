// The live checks on the Excel host: the user's edits arrive as Worksheet.onChanged events through Microsoft's library.
import { createExcelHost, type ExcelHost } from '../../../test/excel-host';
import { clientCells, HEADERS } from '../../../test/fixtures/excel/client-sheet';
import { createExcelDoor, MARK_FILL, type TemplateLocation } from '../../excel';
import { createWorkbookPort, type WorkbookPort } from '../workbook/workbook-port';
import { LiveChecker, mergeRanges, type LiveSnapshot } from './live-checker';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setUp(rows = 4) {
  const host = createExcelHost();
  const sheet = host.addSheet('Clients', [HEADERS, ...Array.from({ length: rows }, (_, i) => clientCells(i + 1))], { activate: true });
  const port = createWorkbookPort(createExcelDoor({ run: host.run, isSetSupported: () => true }));
  const search = await port.findTemplate();
  if (!search.found) throw new Error('no template');
  const snapshots: LiveSnapshot[] = [];
  const errors: unknown[] = [];
  const counted = { ...port, readRows: jest.fn(port.readRows), readRowsAt: jest.fn(port.readRowsAt) };
  const checker = new LiveChecker(search as TemplateLocation, {
    port: counted,
    firm: () => undefined,
    onChecked: (s) => snapshots.push(s),
    onError: (e) => errors.push(e),
  });
  const stop = await port.watchChanges('Clients', (c) => checker.changed(c));
  /** The user types, then Excel's event arrives and the checker finishes. */
  const type = async (address: string, values: string[][]) => {
    host.edit('Clients', address, values);
    await nextTask();
    await checker.settled();
  };
  return { host, sheet, port: counted as WorkbookPort & typeof counted, checker, snapshots, errors, stop, type };
}

const fillOf = (host: ExcelHost, address: string) => host.sheet('Clients').cell(address).fill?.toUpperCase() ?? null;

describe('LiveChecker', () => {
  it('marks a bad e-mail as it is typed and clears the mark when it is fixed, without a Check', async () => {
    const { host, type, snapshots, errors } = await setUp();
    await type('D3', [['not-an-email']]);
    expect(fillOf(host, 'D3')).toBe(MARK_FILL);
    expect(host.sheet('Clients').cell('D3').note).toMatch(/Client Import:/);
    expect(snapshots.at(-1)!.issues.map((i) => [i.row, i.field])).toEqual([[3, 'email']]);
    await type('D3', [['fixed@mail.test']]);
    expect(fillOf(host, 'D3')).toBeNull();
    expect(host.sheet('Clients').cell('D3').note).toBeNull();
    expect(snapshots.at(-1)!.issues).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reads only the changed rows once it knows the sheet, and leaves other rows’ marks alone', async () => {
    const { host, type, port } = await setUp(50);
    await type('D3', [['bad']]);
    expect(port.readRows).toHaveBeenCalledTimes(1);
    await type('B40', [['']]);
    expect(port.readRows).toHaveBeenCalledTimes(1);
    expect(port.readRowsAt).toHaveBeenCalledWith(expect.anything(), 40, 40);
    expect([fillOf(host, 'D3'), fillOf(host, 'B40')]).toEqual([MARK_FILL, MARK_FILL]);
    await type('D3', [['ok@mail.test']]);
    expect([fillOf(host, 'D3'), fillOf(host, 'B40')]).toEqual([null, MARK_FILL]);
  });

  it('checks again the rows the duplicate-ID rule ties to a changed row', async () => {
    const { host, type, snapshots } = await setUp(5);
    await type('A5', [['C000001']]); // row 5 repeats row 2's ID
    expect(fillOf(host, 'A5')).toBe(MARK_FILL);
    await type('A2', [['C000099']]); // row 2 changes: row 5 is now the first C000001, unchanged but clean
    expect(fillOf(host, 'A5')).toBeNull();
    expect(snapshots.at(-1)!.issues).toEqual([]);
    await type('A6', [['C000099']]); // a later copy of row 2's new ID
    expect(snapshots.at(-1)!.issues.map((i) => [i.row, i.code])).toEqual([[6, 'duplicate-id']]);
  });

  it('checks a paste of many rows at once, and a row typed below the last one', async () => {
    const { host, type, snapshots } = await setUp(3);
    const pasted = Array.from({ length: 100 }, (_, i) => clientCells(100 + i).map(String));
    pasted[50][3] = 'nope';
    await type('A5', pasted);
    expect(fillOf(host, 'D55')).toBe(MARK_FILL);
    expect(snapshots.at(-1)!.rows).toHaveLength(103);
    await type('A200', [['C000200', 'Ann']]);
    expect(
      snapshots
        .at(-1)!
        .issues.filter((i) => i.row === 200)
        .map((i) => i.field),
    ).toEqual(['lastName', 'ownerEmail', 'officeLocation']);
  });

  it('ignores the add-in’s own writes and stops once the handler is removed', async () => {
    const { host, port, checker, stop, type } = await setUp();
    const search = await port.findTemplate();
    await port.setOffline(search as TemplateLocation, [2, 3]);
    await nextTask();
    await checker.settled();
    expect(port.readRows).not.toHaveBeenCalled();
    await stop();
    await type('D3', [['bad']]);
    expect(port.readRows).not.toHaveBeenCalled();
    expect(fillOf(host, 'D3')).toBeNull();
  });

  // Rows the user inserts, deletes or sorts move marks with their cells and change which rows share an ID: the
  // template is checked again, as Excel reports them (Worksheet.onChanged RowInserted/RowDeleted, Worksheet.onRowSorted).
  it('checks again when the user deletes the row holding the first copy of an ID: the other copy is clean', async () => {
    const { host, type, snapshots, checker } = await setUp(5);
    await type('A5', [['C000001']]); // row 5 repeats row 2's ID
    expect(fillOf(host, 'A5')).toBe(MARK_FILL);
    host.moveRows('Clients', 'delete', '2:2');
    await nextTask();
    await checker.settled();
    // Row 5 moved up to row 4 and is now the only C000001.
    expect(host.sheet('Clients').cell('A4').text).toBe('C000001');
    expect([fillOf(host, 'A4'), fillOf(host, 'A5')]).toEqual([null, null]);
    expect(snapshots.at(-1)!.issues).toEqual([]);
  });

  it('checks again after rows are inserted and after a sort, marking the cells where they went', async () => {
    const { host, type, snapshots, checker } = await setUp(5);
    await type('D3', [['not-an-email']]);
    host.moveRows('Clients', 'insert', '2:3');
    await nextTask();
    await checker.settled();
    expect(snapshots.at(-1)!.issues.map((i) => [i.row, i.field])).toEqual([[5, 'email']]);
    expect(fillOf(host, 'D5')).toBe(MARK_FILL);
    // Descending by ID: the bad e-mail's row (C000002) goes from row 5 to row 7.
    host.sortRows('Clients', 'A4:K8', [{ column: 0, ascending: false }]);
    await nextTask();
    await checker.settled();
    expect(host.sheet('Clients').cell('D7').text).toBe('not-an-email');
    expect(snapshots.at(-1)!.issues.map((i) => [i.row, i.field])).toEqual([[7, 'email']]);
    expect([fillOf(host, 'D5'), fillOf(host, 'D7')]).toEqual([null, MARK_FILL]);
  });
});

test('mergeRanges joins overlapping and adjacent rows', () => {
  expect(
    mergeRanges([
      { first: 6, last: 8 },
      { first: 3, last: 5 },
      { first: 10, last: 10 },
    ]),
  ).toEqual([
    { first: 3, last: 8 },
    { first: 10, last: 10 },
  ]);
});
