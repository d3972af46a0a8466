import { createExcelHost } from '../../test/excel-host';
import { HEADERS, OFFICES, OWNERS, clientCells } from '../../test/fixtures/excel/client-sheet';
import { findTemplate, type TemplateLocation } from './template-finder';
import { PREPARED_EXTRA_ROWS, prepareTemplate } from './template-preparation';

async function found(fake: ReturnType<typeof createExcelHost>): Promise<TemplateLocation> {
  const result = await findTemplate(fake.context);
  if (!result.found) throw new Error('template not found');
  return result;
}

const lists = { owners: OWNERS, offices: OFFICES };

describe('prepareTemplate', () => {
  it('turns numeric IDs into the text they displayed and formats the column as text', async () => {
    const fake = createExcelHost();
    const ids = [{ value: 123, numberFormat: '00000' }, { value: '00456', numberFormat: '@' }, 789, { formula: '="0"&"9"', value: '09' }];
    const sheet = fake.addSheet('Clients', [HEADERS, ...ids.map((id, i) => [id, ...clientCells(i).slice(1)])], { activate: true });
    const result = await prepareTemplate(fake.context, await found(fake), lists);
    expect(result.idsConvertedToText).toBe(2);
    expect(['A2', 'A3', 'A4'].map((a) => [sheet.cell(a).value, sheet.cell(a).numberFormat])).toEqual([
      ['00123', '@'],
      ['00456', '@'],
      ['789', '@'],
    ]);
    expect(sheet.cell('A5').formula).toBe('="0"&"9"');
    expect(sheet.cell(`A${5 + PREPARED_EXTRA_ROWS}`).numberFormat).toBe('@');
  });

  it('keeps leading zeros typed later into the prepared rows', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1)], { activate: true });
    await prepareTemplate(fake.context, await found(fake), lists);
    fake.context.workbook.worksheets.getItem('Clients').getRange('A10').values = [['00777']];
    await fake.context.sync();
    expect(sheet.cell('A10').value).toBe('00777');
  });

  it('adds the Is Offline column after the last header, with a Yes/No dropdown that stops other values', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [[...HEADERS.slice(0, 10), 'Notes'], clientCells(1).slice(0, 10)], { activate: true });
    const result = await prepareTemplate(fake.context, await found(fake), lists);
    expect(result.addedIsOffline).toBe(true);
    expect(result.template.columns.isOffline).toBe(11);
    expect(sheet.cell('L1').value).toBe('Is Offline');
    const validation = sheet.cell('L2').validation;
    expect(validation).toMatchObject({
      type: 'List',
      source: 'Yes,No',
      inCellDropDown: true,
      errorAlert: { style: 'Stop', showAlert: true },
      prompt: { showPrompt: true },
    });
    expect(sheet.cell(`L${1 + PREPARED_EXTRA_ROWS}`).validation?.source).toBe('Yes,No');
    expect(sheet.cell('L1').validation).toBeNull();
    expect((await found(fake)).columns.isOffline).toBe(11);
  });

  it('puts short firm lists inline in the Owner and Office dropdowns', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1)], { activate: true });
    const result = await prepareTemplate(fake.context, await found(fake), lists);
    expect(result.listsSheet).toBeNull();
    expect(result.addedIsOffline).toBe(false);
    expect(sheet.cell('I2').validation?.source).toBe('owner@firm.test,partner@firm.test');
    expect(sheet.cell('J2').validation?.source).toBe('Main,North');
    expect(sheet.cell('K2').validation?.source).toBe('Yes,No');
    expect(fake.sheetNames()).toEqual(['Clients']);
  });

  it('writes long lists, or lists with commas, to a hidden Lists sheet and points the dropdowns there', async () => {
    const fake = createExcelHost();
    const owners = Array.from({ length: 40 }, (_, i) => `owner.number.${i}@firm.test`);
    const offices = ['Main', 'Smith, Jones & Co', '=North'];
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1)], { activate: true });
    const result = await prepareTemplate(fake.context, await found(fake), { owners, offices });
    expect(result.listsSheet).toBe('Lists');
    const listsSheet = fake.sheet('Lists');
    expect(listsSheet.visible).toBe(false);
    expect(listsSheet.cell('A40').value).toBe(owners[39]);
    expect(listsSheet.cell('B3').value).toBe('=North');
    expect(listsSheet.cell('B3').formula).toBeNull();
    expect(sheet.cell('I2').validation?.source).toBe("='Lists'!$A$1:$A$40");
    expect(sheet.cell('J2').validation?.source).toBe("='Lists'!$B$1:$B$3");

    // Preparing again rewrites the same sheet rather than adding another.
    await prepareTemplate(fake.context, await found(fake), { owners: owners.slice(0, 30), offices });
    expect(fake.sheetNames()).toEqual(['Clients', 'Lists']);
    expect(listsSheet.cell('A31').value).toBe('');
  });

  // A list source starting with "=" is a formula to Excel, not a list (DESIGN §7: client strings never become formulas).
  it('keeps a short list whose first item starts with = in cells, never as a typed-in source', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1)], { activate: true });
    const result = await prepareTemplate(fake.context, await found(fake), { owners: OWNERS, offices: ["=cmd|'/c calc'!A1", 'Main'] });
    expect(result.listsSheet).toBe('Lists');
    expect(fake.sheet('Lists').cell('B1')).toMatchObject({ value: "=cmd|'/c calc'!A1", formula: null });
    expect(sheet.cell('J2').validation?.source).toBe("='Lists'!$B$1:$B$2");
  });

  it("leaves a user's own visible Lists sheet alone", async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [HEADERS, clientCells(1)], { activate: true });
    const mine = fake.addSheet('Lists', [['my shopping list']]);
    const result = await prepareTemplate(fake.context, await found(fake), { owners: OWNERS, offices: ['A, B'] });
    expect(result.listsSheet).toBe('Client Import Lists');
    expect(mine.cell('A1').value).toBe('my shopping list');
    expect(mine.visible).toBe(true);
  });

  it("leaves a user's own hidden Lists sheet alone: only a sheet with our signature is ours", async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1)], { activate: true });
    const mine = fake.addSheet('Lists', [
      ['Region', 'Manager'],
      ['East', 'Dana'],
      ['West', 'Lee'],
    ]);
    mine.visible = false;
    const result = await prepareTemplate(fake.context, await found(fake), { owners: OWNERS, offices: ['A, B'] });
    expect(result.listsSheet).toBe('Client Import Lists');
    expect(mine.values()).toEqual([
      ['Region', 'Manager'],
      ['East', 'Dana'],
      ['West', 'Lee'],
    ]);
    expect(sheet.cell('J2').validation?.source).toBe("='Client Import Lists'!$B$1:$B$1");
    // Preparing again finds ours by its signature and still leaves theirs alone.
    await prepareTemplate(fake.context, await found(fake), { owners: OWNERS, offices: ['C, D'] });
    expect(fake.sheetNames()).toEqual(['Clients', 'Lists', 'Client Import Lists']);
    expect(fake.sheet('Client Import Lists').cell('B1').value).toBe('C, D');
    expect(mine.values()).toEqual([
      ['Region', 'Manager'],
      ['East', 'Dana'],
      ['West', 'Lee'],
    ]);
  });

  it('skips the dropdown of an empty firm list', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [HEADERS, clientCells(1)], { activate: true });
    await prepareTemplate(fake.context, await found(fake), { owners: OWNERS, offices: [] });
    expect(sheet.cell('J2').validation).toBeNull();
    expect(sheet.cell('I2').validation).not.toBeNull();
  });
});
