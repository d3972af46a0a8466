import { createExcelHost } from '../../test/excel-host';
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

describe('writeExceptionSheet', () => {
  it('writes a table with every row, linked to its source row, rejected rows highlighted', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [['x']], { activate: true });
    const rows = [
      report(2),
      report(3, { outcome: 'rejected', kind: null, status: null, comment: 'A connected client already exists with this Tax Client ID' }),
      report(5, { isOffline: 'Yes', kind: 'offline', status: 'Offline' }),
    ];
    const result = await writeExceptionSheet(fake.context, rows, source);
    expect(result).toEqual({ sheetName: 'Import Exceptions', tableName: 'ImportExceptions', rows: 3 });
    const sheet = fake.sheet('Import Exceptions');
    // The fake does not compute formulas, so the Row column is checked through its HYPERLINK formulas.
    expect(sheet.texts().map((r) => r.slice(1))).toEqual([
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
    expect(sheet.columnWidthsFitted()).toBe(true);
    expect(fake.activeSheetName()).toBe('Import Exceptions');
  });

  it('fills rejected rows through Worksheet.getRanges where Excel has it: the same cells, a few operations for thousands of runs', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [['x']], { activate: true });
    // Every third row rejected: 1,000 separate runs.
    const rows = Array.from({ length: 3000 }, (_, i) =>
      report(i + 2, i % 3 === 1 ? { outcome: 'rejected', kind: null, status: null, comment: 'Tax Client ID is required' } : {}),
    );
    fake.resetStats();
    await writeExceptionSheet(fake.context, rows, source, { areas: true });
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
    await writeExceptionSheet(fake.context, rows, null);
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
    fake.addSheet('Clients', [['x']], { activate: true });
    fake.resetStats();
    const rows = [report(2), report(3, { outcome: 'rejected', kind: null, status: null, comment: 'Tax Client ID is required' }), report(4)];
    await fake.run((context) => writeExceptionSheet(context, rows, source));
    // A range left tracked would add Excel.run's closing release.
    expect(fake.stats.syncs).toBe(2);
    expect(fake.sheet('Import Exceptions').cell('G3').text).toBe('Tax Client ID is required');
    expect(fake.sheet('Import Exceptions').cell('B2').numberFormat).toBe('@');
  });

  it('names later reports Import Exceptions (2), (3)', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [['x']], { activate: true });
    await writeExceptionSheet(fake.context, [report(2)], source);
    const second = await writeExceptionSheet(fake.context, [report(2)], source);
    const third = await writeExceptionSheet(fake.context, [], source);
    expect([second.sheetName, third.sheetName]).toEqual(['Import Exceptions (2)', 'Import Exceptions (3)']);
    expect([second.tableName, third.tableName]).toEqual(['ImportExceptions2', 'ImportExceptions3']);
  });

  it('keeps client text that looks like a formula or a number exactly as text', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [['x']], { activate: true });
    const names = ['=1+1', '+SUM(A1)', '-2', '@x', "=cmd|'/c calc'!A1", '00123', '1/2/2024', 'TRUE'];
    await writeExceptionSheet(
      fake.context,
      names.map((name, i) => report(i + 2, { taxClientId: name, firstName: name, lastName: name, comment: name })),
      source,
    );
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
    const clients = fake.addSheet('Clients', [['x']], { activate: true });
    await writeExceptionSheet(fake.context, [report(2), report(3)], source);
    expect(clients.tables()).toEqual([]);
    expect(fake.sheet('Import Exceptions').tables()).toEqual([{ name: 'ImportExceptions', address: 'A1:G3', hasHeaders: true }]);
  });

  it('writes one whole report when Excel refuses a later sync and the door runs the write again', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [['x']], { activate: true });
    // Long comments: more than one 4 MB request, so the refused sync comes after the sheet was added.
    const rows = Array.from({ length: 30_000 }, (_, i) =>
      report(i + 2, { outcome: 'rejected', comment: `Rejected because ${'of a long reason '.repeat(8)}${i}` }),
    );
    const { run, attempts } = interruptedRun(fake, 3);
    const door = createExcelDoor({ run, isSetSupported: withoutDelayForCellEdit, sleep: async () => undefined });
    const result = await door.run((context) => writeExceptionSheet(context, rows, source));
    expect(attempts()).toBe(2);
    expect(result.sheetName).toBe('Import Exceptions');
    expect(fake.sheetNames()).toEqual(['Clients', 'Import Exceptions']);
    const sheet = fake.sheet('Import Exceptions');
    expect(sheet.visible).toBe(true);
    expect(sheet.usedAddress()).toBe('A1:G30001');
    expect(sheet.tables()).toEqual([{ name: 'ImportExceptions', address: 'A1:G30001', hasHeaders: true }]);
  });
});
