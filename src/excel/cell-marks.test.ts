import { createExcelHost } from '../../test/excel-host';
import { checkRows } from '../domain';
import { HEADERS, clientCells, templateRows } from '../../test/fixtures/excel/client-sheet';
import { invalidCells } from '../../test/fixtures/excel/invalid-cells';
import { MAX_REQUEST_BYTES } from './chunking';
import { MARK_FILL, MARKS_SHEET, areaAddress, clearMarks, markIssues, type PlacedTarget } from './cell-marks';
import { readClientRows } from './row-reader';
import { findTemplate, type TemplateLocation } from './template-finder';

async function found(fake: ReturnType<typeof createExcelHost>): Promise<TemplateLocation> {
  const result = await findTemplate(fake.context);
  if (!result.found) throw new Error('template not found');
  return result;
}

/** Row 2 fine; row 3 lacks a first name and has a bad email; row 4 repeats row 2's id. */
function sheetWithProblems(fake: ReturnType<typeof createExcelHost>) {
  const bad = clientCells(2);
  bad[1] = '';
  bad[3] = 'not-an-email';
  const duplicate = clientCells(3);
  duplicate[0] = 'C000001';
  return fake.addSheet('Clients', [HEADERS, clientCells(1), bad, duplicate], { activate: true });
}

// Every case twice: fills one range per cell (ExcelApi 1.8) and in address lists through Worksheet.getRanges (1.9).
describe.each([false, true])('markIssues and clearMarks (areas: %s)', (areas) => {
  it('fills each cell with a problem and adds a note naming it', async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const template = await found(fake);
    const issues = checkRows(await readClientRows(fake.context, template));
    const marked = await markIssues(fake.context, template, issues, { notes: true, areas });
    expect(marked).toBe(3);
    for (const address of ['B3', 'D3', 'A4']) expect(sheet.cell(address).fill?.toUpperCase()).toBe(MARK_FILL);
    expect(sheet.cell('A2').fill).toBeNull();
    expect(sheet.cell('D3').note).toContain(issues.find((i) => i.row === 3 && i.field === 'email')!.message);
    expect(fake.sheet(MARKS_SHEET).visible).toBe(false);
    expect(fake.membersUsed().includes('Worksheet.getRanges')).toBe(areas);
  });

  it("clears the marks, bringing back the user's own fill and keeping the user's notes", async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const api = fake.context.workbook.worksheets.getItem('Clients');
    api.getRange('B3').format.fill.color = '#FFFF00';
    api.notes.add('D3', 'my own note');
    await fake.context.sync();
    const template = await found(fake);
    await markIssues(fake.context, template, checkRows(await readClientRows(fake.context, template)), { notes: true, areas });
    expect(sheet.cell('D3').note).toBe('my own note');

    expect(await clearMarks(fake.context, { areas })).toBe(3);
    expect(sheet.cell('B3').fill?.toUpperCase()).toBe('#FFFF00');
    expect(sheet.cell('D3').fill).toBeNull();
    expect(sheet.cell('A4').fill).toBeNull();
    expect(sheet.cell('A4').note).toBeNull();
    expect(sheet.cell('D3').note).toBe('my own note');
    expect(fake.sheetNames()).toEqual(['Clients']);
  });

  it('skips the per-cell look-ups where no marked cell can have a fill or a note: one sync to look, one per chunk to mark', async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const template = await found(fake);
    const issues = checkRows(await readClientRows(fake.context, template));
    fake.resetStats();
    await markIssues(fake.context, template, issues, { notes: true, areas });
    // Checking the sheet is not protected, looking for an earlier record, looking over the marked area,
    // (with address lists, reading the list separator,) then marking.
    expect(fake.stats.syncs).toBe(areas ? 5 : 4);
    expect(fake.membersUsed()).not.toContain('NoteCollection.getItemOrNullObject');
    expect(fake.sheet(MARKS_SHEET).values().slice(1)).toEqual([
      ['Clients', 'B3', '', 'note'],
      ['Clients', 'D3', '', 'note'],
      ['Clients', 'A4', '', 'note'],
    ]);
    for (const address of ['B3', 'D3', 'A4']) expect(sheet.cell(address).note).toContain('Client Import:');
  });

  it("still looks each cell up when the sheet has a note, even with no fill anywhere, and keeps the user's note", async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    fake.context.workbook.worksheets.getItem('Clients').notes.add('A4', 'my own note');
    await fake.context.sync();
    const template = await found(fake);
    await markIssues(fake.context, template, checkRows(await readClientRows(fake.context, template)), { notes: true, areas });
    expect(sheet.cell('A4').note).toBe('my own note');
    expect(sheet.cell('A4').fill?.toUpperCase()).toBe(MARK_FILL);
    expect(sheet.cell('B3').note).toContain('Client Import:');
    expect(fake.sheet(MARKS_SHEET).values()).toContainEqual(['Clients', 'A4', '', '']);
  });

  it('colours only, without notes, where notes are not supported', async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const template = await found(fake);
    await markIssues(fake.context, template, checkRows(await readClientRows(fake.context, template)), { notes: false, areas });
    expect(sheet.cell('B3').fill?.toUpperCase()).toBe(MARK_FILL);
    expect(sheet.cell('B3').note).toBeNull();
  });

  it('replaces earlier marks when marking again', async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const template = await found(fake);
    const issues = checkRows(await readClientRows(fake.context, template));
    await markIssues(fake.context, template, issues, { notes: true, areas });
    await markIssues(
      fake.context,
      template,
      issues.filter((i) => i.row === 4),
      { notes: true, areas },
    );
    expect(sheet.cell('B3').fill).toBeNull();
    expect(sheet.cell('B3').note).toBeNull();
    expect(sheet.cell('A4').fill?.toUpperCase()).toBe(MARK_FILL);
  });

  it('leaves a cell the user recoloured after marking', async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const template = await found(fake);
    await markIssues(fake.context, template, checkRows(await readClientRows(fake.context, template)), { notes: false, areas });
    fake.context.workbook.worksheets.getItem('Clients').getRange('A4').format.fill.color = '#00B050';
    await fake.context.sync();
    await clearMarks(fake.context, { areas });
    expect(sheet.cell('A4').fill?.toUpperCase()).toBe('#00B050');
  });

  it('has nothing to clear in a fresh workbook', async () => {
    const fake = createExcelHost();
    sheetWithProblems(fake);
    expect(await clearMarks(fake.context, { areas })).toBe(0);
  });

  it('marks again after a first marking: the very hidden record is unhidden before Excel is asked to delete it', async () => {
    const fake = createExcelHost();
    sheetWithProblems(fake);
    const template = await found(fake);
    const issues = checkRows(await readClientRows(fake.context, template));
    await markIssues(fake.context, template, issues, { notes: true, areas });
    await expect(markIssues(fake.context, template, issues, { notes: true, areas })).resolves.toBe(3);
    expect(fake.sheetNames()).toEqual(['Clients', MARKS_SHEET]);
    expect(await clearMarks(fake.context, { areas })).toBe(3);
    expect(fake.sheetNames()).toEqual(['Clients']);
  });

  it('fills a cell holding a threaded comment without adding a note, records that, and restores its fill', async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const api = fake.context.workbook.worksheets.getItem('Clients');
    api.getRange('D3').format.fill.color = '#FFFF00';
    api.comments.add('D3', 'Asked the client for a new email');
    await fake.context.sync();
    const template = await found(fake);
    await markIssues(fake.context, template, checkRows(await readClientRows(fake.context, template)), { notes: true, areas });
    expect(sheet.cell('D3').fill?.toUpperCase()).toBe(MARK_FILL);
    expect(sheet.cell('D3').note).toBe('Asked the client for a new email');
    expect(sheet.cell('B3').note).toContain('Client Import:');
    const record = fake.sheet(MARKS_SHEET).values();
    expect(record).toContainEqual(['Clients', 'D3', '#FFFF00', 'comment']);

    expect(await clearMarks(fake.context, { areas })).toBe(3);
    expect(sheet.cell('D3').fill?.toUpperCase()).toBe('#FFFF00');
    expect(sheet.cell('D3').note).toBe('Asked the client for a new email');
  });

  it("never reads, clears or deletes a user's own hidden sheet called Import Marks", async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const mine = fake.addSheet(MARKS_SHEET, [
      ['Clients', 'A2', '#00FF00', ''],
      ['my', 'own', 'notes', 'here'],
    ]);
    mine.visible = false;
    const template = await found(fake);
    expect(await clearMarks(fake.context, { areas })).toBe(0);
    await markIssues(fake.context, template, checkRows(await readClientRows(fake.context, template)), { notes: true, areas });
    expect(fake.sheetNames()).toEqual(['Clients', MARKS_SHEET, `${MARKS_SHEET} (2)`]);
    expect(await clearMarks(fake.context, { areas })).toBe(3);
    expect(fake.sheetNames()).toEqual(['Clients', MARKS_SHEET]);
    expect(fake.sheet(MARKS_SHEET).values()).toEqual([
      ['Clients', 'A2', '#00FF00', ''],
      ['my', 'own', 'notes', 'here'],
    ]);
    expect(sheet.cell('A2').fill).toBeNull();
  });

  it('writes the record before the fills, so a mark request Excel stops part-way can still be undone', async () => {
    const fake = createExcelHost();
    const sheet = sheetWithProblems(fake);
    const api = fake.context.workbook.worksheets.getItem('Clients');
    api.getRange('D3').format.fill.color = '#FFFF00';
    await fake.context.sync();
    const template = await found(fake);
    const issues = checkRows(await readClientRows(fake.context, template));
    // A co-author comments on D3 while our marks are on their way: Excel refuses our note there.
    const context = fake.context;
    const sync = context.sync.bind(context);
    let syncs = 0;
    context.sync = (async <T>(value?: T) => {
      syncs += 1;
      if (syncs === 4) await fake.run(async (other) => void other.workbook.worksheets.getItem('Clients').comments.add('D3', 'Client is checking'));
      return sync(value);
    }) as typeof context.sync;
    await expect(markIssues(context, template, issues, { notes: true, areas })).rejects.toMatchObject({ code: 'InvalidOperation' });
    context.sync = sync;
    expect(sheet.cell('B3').fill?.toUpperCase()).toBe(MARK_FILL);
    expect(await clearMarks(fake.context, { areas })).toBe(3);
    expect(sheet.cell('D3').fill?.toUpperCase()).toBe('#FFFF00');
    expect(sheet.cell('B3').fill).toBeNull();
    expect(fake.sheetNames()).toEqual(['Clients']);
  });
});

describe('areaAddress', () => {
  it('spans every target, also past the engine argument limit (200,000 targets: two bad columns of 100,000 rows)', () => {
    const targets = Array.from({ length: 200_000 }, (_, i) => {
      const row = 3 + Math.floor(i / 2);
      const column = i % 2 === 0 ? 9 : 2;
      const target: PlacedTarget = { row, column, address: '', messages: [] };
      return target;
    });
    expect(areaAddress(targets)).toBe('C3:J100002');
  });
});

describe('clearing in bulk (ExcelApi 1.9, DESIGN §8: clearing costs no more than marking)', () => {
  it('clears 30,000 marks with notes in fewer syncs than marking them, without a look-up per cell', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', templateRows(30_000), { activate: true });
    const { template, issues } = invalidCells('Clients', 30_000);
    fake.resetStats();
    await markIssues(fake.context, template, issues, { notes: true, areas: true });
    const marking = fake.stats.syncs;
    fake.resetStats();
    expect(await clearMarks(fake.context, { areas: true })).toBe(30_000);
    expect(fake.stats.syncs).toBeLessThanOrEqual(marking);
    expect(fake.membersUsed()).not.toContain('NoteCollection.getItemOrNullObject');
    expect(fake.membersUsed()).not.toContain('NoteCollection.getItemAt');
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const sheet = fake.sheet('Clients');
    for (const address of ['D2', 'D15001', 'D30001']) expect(sheet.cell(address)).toMatchObject({ fill: null, note: null });
  });
});
