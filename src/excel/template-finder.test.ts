import { createExcelHost } from '../../test/excel-host';
import { HEADERS, clientCells, templateRows } from '../../test/fixtures/excel/client-sheet';
import { findTemplate } from './template-finder';

describe('findTemplate', () => {
  it('finds headers on row 3 under a title, in another column order, away from column A', async () => {
    const fake = createExcelHost();
    const reordered = ['Office', 'Last Name', 'Tax Client ID*', 'Notes', 'First Name', 'Owner', 'Is Offline'];
    fake.addSheet(
      'Clients',
      [['Client list 2025'], [], reordered, ['Main', 'Lee', 'C1', 'vip', 'Ann', 'o@f.test', 'No'], ['North', 'Kim', 'C2', '', 'Bo', 'o@f.test', '']],
      { startColumn: 1, activate: true },
    );
    const result = await findTemplate(fake.context);
    expect(result).toMatchObject({
      found: true,
      sheetName: 'Clients',
      headerRow: 3,
      columns: { officeLocation: 1, lastName: 2, taxClientId: 3, firstName: 5, ownerEmail: 6, isOffline: 7 },
      missing: [],
      lastRow: 5,
      lastColumn: 7,
    });
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
  });

  it('accepts a template without the optional Is Offline column', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [HEADERS.slice(0, 10), clientCells(1).slice(0, 10)]);
    const result = await findTemplate(fake.context);
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.columns.isOffline).toBeUndefined();
    expect(result.columns.officeLocation).toBe(9);
    expect(result.lastColumn).toBe(9);
  });

  it('prefers the active sheet, then looks at the other sheets', async () => {
    const fake = createExcelHost();
    fake.addSheet('First', templateRows(1));
    fake.addSheet('Second', templateRows(2), { activate: true });
    expect(await findTemplate(fake.context)).toMatchObject({ found: true, sheetName: 'Second', lastRow: 3 });

    const other = createExcelHost();
    other.addSheet('Notes', [['just notes']], { activate: true });
    other.addSheet('Clients', templateRows(2));
    expect(await findTemplate(other.context)).toMatchObject({ found: true, sheetName: 'Clients', headerRow: 1 });
  });

  it('lists the missing columns of the best candidate when no sheet is usable', async () => {
    const fake = createExcelHost();
    fake.addSheet(
      'Partial',
      [
        ['Tax Client ID', 'First Name', 'Last Name', 'Email'],
        ['C1', 'Ann', 'Lee', ''],
      ],
      { activate: true },
    );
    fake.addSheet('Worse', [['Tax Client ID', 'Email']]);
    const result = await findTemplate(fake.context);
    expect(result.found).toBe(false);
    expect(result).toMatchObject({ sheetName: 'Partial', headerRow: 1 });
    expect(result.missing.map((c) => c.header)).toEqual(['Owner Email', 'Office Location']);
  });

  it('reports every required column missing when no sheet has a header row', async () => {
    const fake = createExcelHost();
    fake.addSheet('Empty', [], { activate: true });
    fake.addSheet('Text', [['hello', 'world']]);
    const result = await findTemplate(fake.context);
    expect(result).toMatchObject({ found: false, sheetName: null, headerRow: null });
    expect(result.missing.map((c) => c.field)).toEqual(['taxClientId', 'firstName', 'lastName', 'ownerEmail', 'officeLocation']);
  });

  it('ignores hidden sheets such as the dropdown lists', async () => {
    const fake = createExcelHost();
    fake.addSheet('Visible', [['nothing here']], { activate: true });
    fake.addSheet('Hidden copy', templateRows(1));
    const sheet = fake.context.workbook.worksheets.getItem('Hidden copy');
    sheet.visibility = 'Hidden';
    await fake.context.sync();
    expect((await findTemplate(fake.context)).found).toBe(false);
  });
});
