import { createExcelHost, type ExcelHost } from '../../test/excel-host';
import type { ReportRow } from '../domain';
import { interruptedRun, withoutDelayForCellEdit } from '../../test/fixtures/excel/interrupted-run';
import { createExcelDoor } from './excel-door';
import { EXCEPTION_HEADERS, REJECTED_FILL, linkFormula, writeExceptionSheet } from './exception-sheet';

function report(row: number, overrides: Partial<ReportRow> = {}): ReportRow {
  return {
    row,
    taxClientId: `C${row}`,
    firstName: `First${row}`,
    lastName: `Last${row}`,
    ownerEmail: 'o@f.test',
    officeLocation: 'Main',
    isOffline: 'No',
    outcome: 'imported',
    kind: 'standard',
    status: 'Not Invited',
    comment: '',
    ...overrides,
  };
}

const source = { sheetName: 'Clients', linkColumn: 0 };

/** The source sheet as the import read it: each report row's Tax Client ID in column A of its row. */
function clientsSheet(fake: ExcelHost, rows: readonly ReportRow[]) {
  const cells = [['Tax Client ID']];
  for (const r of rows) {
    while (cells.length < r.row) cells.push(['']);
    cells[r.row - 1] = [r.taxClientId];
  }
  return fake.addSheet('Clients', cells, { activate: true });
}

describe('writeExceptionSheet', () => {
  it('writes a table with every row, linked to its source row, rejected rows highlighted', async () => {
    const fake = createExcelHost();
    const rows = [
      report(2),
      report(3, { outcome: 'rejected', kind: null, status: null, comment: 'A connected client already exists with this Tax Client ID' }),
      report(5, { isOffline: 'Yes', kind: 'offline', status: 'Offline' }),
    ];
    clientsSheet(fake, rows);
    const result = await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: rows }, source);
    expect(result).toEqual({ sheetName: 'Import Exceptions', tableName: 'ImportExceptions', rows: 3, moved: false });
    const sheet = fake.sheet('Import Exceptions');
    // The fake does not compute formulas, so the Row column is checked through its HYPERLINK formulas.
    expect(sheet.texts().map((r) => r.slice(1, 7))).toEqual([
      EXCEPTION_HEADERS.slice(1),
      ['C2', 'First2', 'Last2', 'No', 'Imported', ''],
      ['C3', 'First3', 'Last3', 'No', 'Rejected', 'A connected client already exists with this Tax Client ID'],
      ['C5', 'First5', 'Last5', 'Yes', 'Imported', ''],
    ]);
    expect(sheet.cell('A1').value).toBe('Row');
    expect(['A2', 'A3', 'A4'].map((a) => sheet.cell(a).formula)).toEqual([2, 3, 5].map((r) => `=HYPERLINK("#'Clients'!A${r}",${r})`));
    expect(sheet.cell('G3').fill?.toUpperCase()).toBe(REJECTED_FILL);
    expect(sheet.cell('A3').fill?.toUpperCase()).toBe(REJECTED_FILL);
    expect(sheet.cell('G2').fill).toBeNull();
    expect(sheet.tables()).toEqual([{ name: 'ImportExceptions', address: 'A1:G4', hasHeaders: true }]);
    expect(sheet.freezeRows()).toBe(1);
    expect(sheet.columnWidthsFitted({ first: 0, count: EXCEPTION_HEADERS.length })).toBe(true);
    expect(fake.activeSheetName()).toBe('Import Exceptions');
  });

  it('fills rejected rows through Worksheet.getRanges where Excel has it: the same cells, a few operations for thousands of runs', async () => {
    const fake = createExcelHost();
    // Every third row rejected: 1,000 separate runs.
    const rows = Array.from({ length: 3000 }, (_, i) =>
      report(i + 2, i % 3 === 1 ? { outcome: 'rejected', kind: null, status: null, comment: 'Tax Client ID is required' } : {}),
    );
    clientsSheet(fake, rows);
    fake.resetStats();
    await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: rows }, source, { areas: true });
    const sheet = fake.sheet('Import Exceptions');
    const filled = (row: number) => ['A', 'D', 'G'].map((column) => sheet.cell(`${column}${row}`).fill?.toUpperCase() ?? null);
    for (const i of [0, 1, 2, 2998, 2999]) expect(filled(i + 2)).toEqual(Array(3).fill(i % 3 === 1 ? REJECTED_FILL : null));
    expect(fake.membersUsed()).toContain('Worksheet.getRanges');
    // A range per run would be ~800 bytes each, 800 KB in all.
    expect(fake.stats.totalRequestBytes).toBeLessThan(400_000);
  });

  it('shows the plain source row number, with no link, for rows from a file outside the workbook (source null)', async () => {
    const fake = createExcelHost();
    fake.addSheet('Notes', [['x']], { activate: true });
    const rows = [report(2), report(7, { outcome: 'rejected', kind: null, status: null, comment: 'Tax Client ID is required' })];
    await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: rows }, null);
    const sheet = fake.sheet('Import Exceptions');
    expect(['A2', 'A3'].map((a) => [sheet.cell(a).value, sheet.cell(a).formula, sheet.cell(a).hyperlink])).toEqual([
      [2, null, null],
      [7, null, null],
    ]);
    expect(sheet.texts().map((r) => r[0])).toEqual(['Row', '2', '7']);
    expect(sheet.cell('A3').fill?.toUpperCase()).toBe(REJECTED_FILL);
    expect(sheet.tables()).toEqual([{ name: 'ImportExceptions', address: 'A1:G3', hasHeaders: true }]);
  });

  it('inside Excel.run, writes in one sync per chunk after two to look around, with no clean-up request at the end', async () => {
    const fake = createExcelHost();
    const rows = [report(2), report(3, { outcome: 'rejected', kind: null, status: null, comment: 'Tax Client ID is required' }), report(4)];
    clientsSheet(fake, rows);
    fake.resetStats();
    await fake.run((context) => writeExceptionSheet(context, { importId: 'imp-1', rows: rows }, source));
    // Look around, read the source's ID column, write. A range left tracked would add Excel.run's closing release.
    expect(fake.stats.syncs).toBe(3);
    expect(fake.sheet('Import Exceptions').cell('G3').text).toBe('Tax Client ID is required');
    expect(fake.sheet('Import Exceptions').cell('B2').numberFormat).toBe('@');
  });

  it('names later reports Import Exceptions (2), (3)', async () => {
    const fake = createExcelHost();
    clientsSheet(fake, [report(2)]);
    await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: [report(2)] }, source);
    const second = await writeExceptionSheet(fake.context, { importId: 'imp-2', rows: [report(2)] }, source);
    const third = await writeExceptionSheet(fake.context, { importId: 'imp-3', rows: [] }, source);
    expect([second.sheetName, third.sheetName]).toEqual(['Import Exceptions (2)', 'Import Exceptions (3)']);
    expect([second.tableName, third.tableName]).toEqual(['ImportExceptions2', 'ImportExceptions3']);
  });

  it('keeps client text that looks like a formula or a number exactly as text', async () => {
    const fake = createExcelHost();
    const names = ['=1+1', '+SUM(A1)', '-2', '@x', "=cmd|'/c calc'!A1", '00123', '1/2/2024', 'TRUE'];
    const rows = names.map((name, i) => report(i + 2, { taxClientId: name, firstName: name, lastName: name, comment: name }));
    clientsSheet(fake, rows);
    await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: rows }, source);
    const sheet = fake.sheet('Import Exceptions');
    names.forEach((name, i) => {
      for (const column of ['B', 'C', 'D', 'G']) {
        const cell = sheet.cell(`${column}${i + 2}`);
        expect([cell.value, cell.text, cell.formula]).toEqual([name, name, null]);
      }
    });
  });

  it('quotes awkward sheet names in the link', () => {
    expect(linkFormula({ sheetName: `Bob's "best"`, linkColumn: 2 }, 12)).toBe(`=HYPERLINK("#'Bob''s ""best""'!C12",12)`);
    expect(linkFormula(source, Number.NaN)).toBe('');
  });

  it('puts the table on the exception sheet, whichever sheet is active', async () => {
    const fake = createExcelHost();
    const clients = clientsSheet(fake, [report(2), report(3)]);
    await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: [report(2), report(3)] }, source);
    expect(clients.tables()).toEqual([]);
    expect(fake.sheet('Import Exceptions').tables()).toEqual([{ name: 'ImportExceptions', address: 'A1:G3', hasHeaders: true }]);
  });

  it('writes one whole report when Excel refuses a later sync and the door runs the write again', async () => {
    const fake = createExcelHost();
    // Long comments: more than one 4 MB request, so the refused sync comes after the sheet was added.
    const rows = Array.from({ length: 30_000 }, (_, i) =>
      report(i + 2, { outcome: 'rejected', comment: `Rejected because ${'of a long reason '.repeat(8)}${i}` }),
    );
    clientsSheet(fake, rows);
    const { run, attempts } = interruptedRun(fake, 4);
    const door = createExcelDoor({ run, isSetSupported: withoutDelayForCellEdit, sleep: async () => undefined });
    const result = await door.run((context) => writeExceptionSheet(context, { importId: 'imp-1', rows: rows }, source));
    expect(attempts()).toBe(2);
    expect(result.sheetName).toBe('Import Exceptions');
    expect(fake.sheetNames()).toEqual(['Clients', 'Import Exceptions']);
    const sheet = fake.sheet('Import Exceptions');
    expect(sheet.visible).toBe(true);
    expect(sheet.usedAddress()).toBe('A1:I30001'); // the import's signature in I1
    expect(sheet.tables()).toEqual([{ name: 'ImportExceptions', address: 'A1:G30001', hasHeaders: true }]);
  });

  describe('rows the user moved while the import ran', () => {
    const read = [report(2), report(3, { outcome: 'rejected', kind: null, status: null, comment: 'Duplicate' }), report(4), report(5)];
    const links = (fake: ExcelHost) => ['A2', 'A3', 'A4', 'A5'].map((a) => fake.sheet('Import Exceptions').cell(a).formula);
    const to = (row: number) => `=HYPERLINK("#'Clients'!A${row}",${row})`;

    it('links each row to where its Tax Client ID is after rows were inserted above it, and says so beside the table', async () => {
      const fake = createExcelHost();
      clientsSheet(fake, read);
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').getRange('3:4').insert('Down');
        await context.sync();
      });
      const result = await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: read }, source);
      expect(result.moved).toBe(true);
      expect(links(fake)).toEqual([to(2), to(5), to(6), to(7)]);
      expect(fake.sheet('Import Exceptions').cell('I2').text).toMatch(
        /^The sheet Clients changed while this import ran \(rows inserted, deleted, sorted or retyped/,
      );
      expect(fake.sheet('Import Exceptions').tables()).toEqual([{ name: 'ImportExceptions', address: 'A1:G5', hasHeaders: true }]);
    });

    it('follows a sort, and leaves Row blank for a client whose row was deleted', async () => {
      const fake = createExcelHost();
      clientsSheet(fake, read);
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Clients');
        ws.getRange('A1:A5').sort.apply([{ key: 0, ascending: false }], false, true);
        await context.sync();
        ws.getRange('A3:A3').getEntireRow().delete('Up'); // C4, now on row 3
        await context.sync();
      });
      expect(
        fake
          .sheet('Clients')
          .texts()
          .map((r) => r[0]),
      ).toEqual(['Tax Client ID', 'C5', 'C3', 'C2']);
      await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: read }, source);
      expect(links(fake)).toEqual([to(4), to(3), null, to(2)]);
      expect(fake.sheet('Import Exceptions').cell('A4').value).toBe('');
    });

    it('still writes the report when the template sheet was renamed meanwhile: no Row links, and the note says why', async () => {
      const fake = createExcelHost();
      clientsSheet(fake, read);
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').name = 'Clients 2025';
        await context.sync();
      });
      const result = await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: read }, source);
      expect(result.moved).toBe(true);
      expect(links(fake)).toEqual([null, null, null, null]);
      expect(fake.sheet('Import Exceptions').cell('I2').text).toMatch(/^The sheet Clients changed while this import ran/);
      expect(
        fake
          .sheet('Import Exceptions')
          .texts()
          .map((r) => r[1]),
      ).toEqual(['Tax Client ID', 'C2', 'C3', 'C4', 'C5']);
    });

    it('finds a client that rows inserted above pushed past the rows the import read', async () => {
      const fake = createExcelHost();
      const many = Array.from({ length: 40 }, (_, i) => report(i + 2));
      clientsSheet(fake, many);
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').getRange('2:31').insert('Down');
        await context.sync();
      });
      await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: many }, source);
      expect(fake.sheet('Import Exceptions').cell('A41').formula).toBe(to(71));
    });

    it('links by row, with no note, when every row still holds the ID read from it', async () => {
      const fake = createExcelHost();
      clientsSheet(fake, read);
      const result = await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: read }, source);
      expect(result.moved).toBe(false);
      expect(links(fake)).toEqual([to(2), to(3), to(4), to(5)]);
      expect(fake.sheet('Import Exceptions').cell('I2').value).toBe('');
    });
  });

  describe('one report sheet per import', () => {
    it('replaces the import’s own finished report when its writing is run again, keeping its name; another import gets its own', async () => {
      const fake = createExcelHost();
      clientsSheet(fake, [report(2), report(3)]);
      await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: [report(2)] }, source);
      await writeExceptionSheet(fake.context, { importId: 'imp-2', rows: [report(2)] }, source);
      const again = await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: [report(2), report(3)] }, source);
      expect(again.sheetName).toBe('Import Exceptions');
      expect(fake.sheetNames()).toEqual(['Clients', 'Import Exceptions (2)', 'Import Exceptions']);
      expect(
        fake
          .sheet('Import Exceptions')
          .texts()
          .map((r) => r[1]),
      ).toEqual(['Tax Client ID', 'C2', 'C3']);
      expect(fake.sheet('Import Exceptions').cell('I1').value).toBe('Client Import for Excel: report of import imp-1.');
      expect(fake.sheet('Import Exceptions (2)').cell('I1').value).toBe('Client Import for Excel: report of import imp-2.');
    });

    it('leaves a user’s own sheet named Import Exceptions alone (no signature)', async () => {
      const fake = createExcelHost();
      clientsSheet(fake, [report(2)]);
      fake.addSheet('Import Exceptions', [['my notes']]);
      await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: [report(2)] }, source);
      await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: [report(2)] }, source);
      expect(fake.sheetNames()).toEqual(['Clients', 'Import Exceptions', 'Import Exceptions (2)']);
      expect(fake.sheet('Import Exceptions').cell('A1').value).toBe('my notes');
    });

    it('a sync Excel applied but answered after the watchdog gave up: running the step again leaves one report', async () => {
      const fake = createExcelHost();
      const rows = [report(2), report(3)];
      clientsSheet(fake, rows);
      const fired: (() => void)[] = [];
      const door = createExcelDoor({ run: fake.run, isSetSupported: () => true, startTimer: (_ms, fire) => (fired.push(fire), () => undefined) });
      // Sync 3 writes the rows and shows the sheet: Excel applies it, and its answer comes too late.
      const release = fake.holdSync(fake.stats.syncs + 3);
      const first = door
        .run((context) => writeExceptionSheet(context, { importId: 'imp-1', rows }, source), { step: 'writing the exception sheet' })
        .catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const fire of fired) fire();
      await first;
      release();
      await door.run((context) => writeExceptionSheet(context, { importId: 'imp-1', rows }, source));
      expect(fake.sheetNames()).toEqual(['Clients', 'Import Exceptions']);
    });
  });

  it('names its table clear of the workbook’s defined names, which share the tables’ namespace', async () => {
    const fake = createExcelHost();
    clientsSheet(fake, [report(2)]);
    await fake.run(async (context) => {
      context.workbook.names.add('ImportExceptions', '=Clients!A1:A2');
      await context.sync();
    });
    const result = await writeExceptionSheet(fake.context, { importId: 'imp-1', rows: [report(2)] }, source);
    expect(result.tableName).toBe('ImportExceptions2');
    expect(fake.sheet('Import Exceptions').tables()).toEqual([{ name: 'ImportExceptions2', address: 'A1:G2', hasHeaders: true }]);
  });
});
