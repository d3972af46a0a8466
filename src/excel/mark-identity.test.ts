// Marks are found by what is ours (our fill, our note's prefix), not by the address they had: the user
// may sort, insert or delete rows between Check and clearing. Each case failed when marks were found by address.
import { createExcelHost } from '../../test/excel-host';
import { checkRows } from '../domain';
import { HEADERS, clientCells } from '../../test/fixtures/excel/client-sheet';
import { MARK_FILL, clearMarks, markIssues } from './cell-marks';
import { readClientRows } from './row-reader';
import { findTemplate, type TemplateLocation } from './template-finder';

/** Rows 2–6: row 3 lacks a first name (B3 marked), row 5 has a bad email (D5 marked, over the user's yellow); the user's notes on B4 and B5. */
async function markedSheet(areas: boolean) {
  const host = createExcelHost();
  const rows = [1, 2, 3, 4, 5].map((i) => clientCells(i));
  rows[1][1] = '';
  rows[3][3] = 'not-an-email';
  const sheet = host.addSheet('Clients', [HEADERS, ...rows], { activate: true });
  const api = host.context.workbook.worksheets.getItem('Clients');
  api.getRange('D5').format.fill.color = '#FFFF00';
  api.notes.add('B4', 'my own note');
  api.notes.add('B5', 'call first');
  await host.context.sync();
  const search = await findTemplate(host.context);
  if (!search.found) throw new Error('template not found');
  const template: TemplateLocation = search;
  await markIssues(host.context, template, checkRows(await readClientRows(host.context, template)), { notes: true, areas });
  expect(sheet.cell('B3')).toMatchObject({ fill: MARK_FILL });
  expect(sheet.cell('D5').note).toMatch(/^Client Import:/);
  return { host, sheet, api };
}

function ourMarksLeft(sheet: ReturnType<ReturnType<typeof createExcelHost>['sheet']>): string[] {
  const left: string[] = [];
  for (let row = 1; row <= 12; row++)
    for (const column of 'ABCDEFGHIJK') {
      const cell = sheet.cell(`${column}${row}`);
      if (cell.fill?.toUpperCase() === MARK_FILL || cell.note?.startsWith('Client Import:')) left.push(`${column}${row}`);
    }
  return left;
}

describe.each([false, true])('clearing marks the user moved (areas: %s)', (areas) => {
  it("after a sort, clears every mark where it went and keeps the user's note that a sort brought to a marked cell", async () => {
    const { host, sheet, api } = await markedSheet(areas);
    // Descending by Tax Client ID: C000005…C000001, so rows 3 and 5 (marked) go to rows 5 and 3, and row 4 stays.
    api.getRange('A1:K6').sort.apply([{ key: 0, ascending: false }], false, true);
    await host.context.sync();
    expect(sheet.cell('A3').value).toBe('C000004');
    // The user's note went from B5 to B3, the address the record holds for a note of ours.
    expect(sheet.cell('B3').note).toBe('call first');
    expect(await clearMarks(host.context, { areas })).toBe(2);
    expect(ourMarksLeft(sheet)).toEqual([]);
    expect(sheet.cell('B3').note).toBe('call first');
    expect(sheet.cell('B4').note).toBe('my own note');
    // The user's own yellow was under a mark; it comes back where the row went (row 5 → row 3).
    expect(sheet.cell('D3').fill).toBe('#FFFF00');
  });

  it('after rows are inserted above the marks, clears them where they moved', async () => {
    const { host, sheet, api } = await markedSheet(areas);
    api.getRange('2:3').insert('Down');
    await host.context.sync();
    await clearMarks(host.context, { areas });
    expect(ourMarksLeft(sheet)).toEqual([]);
    expect(sheet.cell('B6').note).toBe('my own note');
    expect(sheet.cell('B7').note).toBe('call first');
    expect(sheet.cell('D7').fill).toBe('#FFFF00');
  });

  it("after a marked row is deleted, clears the others and never deletes the user's note now at a marked address", async () => {
    const { host, sheet, api } = await markedSheet(areas);
    api.getRange('3:3').delete('Up');
    await host.context.sync();
    // The user's note moved from B4 to B3, the address the record holds for a note of ours.
    expect(sheet.cell('B3').note).toBe('my own note');
    await clearMarks(host.context, { areas });
    expect(ourMarksLeft(sheet)).toEqual([]);
    expect(sheet.cell('B3').note).toBe('my own note');
  });

  it('without notes (Excel before ExcelApi 1.18) clears the fills and never touches notes', async () => {
    const { host, sheet } = await markedSheet(areas);
    await clearMarks(host.context, { areas, notes: false });
    expect(sheet.cell('B3').fill).toBeNull();
    expect(sheet.cell('D5').note).toMatch(/^Client Import:/);
  });

  it("keeps the user's note written in place of ours, though the sheet holds as many notes as we added", async () => {
    const { host, sheet, api } = await markedSheet(areas);
    // Without the user's own notes, the sheet holds exactly our two (B3, D5); the user replaces ours at D5 with theirs.
    api.notes.getItem('B4').delete();
    api.notes.getItem('B5').delete();
    api.notes.getItem('D5').delete();
    api.notes.add('D5', 'checked with the client');
    await host.context.sync();
    await clearMarks(host.context, { areas });
    expect(ourMarksLeft(sheet)).toEqual([]);
    expect(sheet.cell('D5').note).toBe('checked with the client');
  });

  it('clears every mark when the user deleted one of our notes and wrote a note elsewhere', async () => {
    const { host, sheet, api } = await markedSheet(areas);
    api.notes.getItem('B3').delete();
    api.notes.add('F2', 'new client');
    await host.context.sync();
    await clearMarks(host.context, { areas });
    expect(ourMarksLeft(sheet)).toEqual([]);
    expect(sheet.cell('F2').note).toBe('new client');
    expect(sheet.cell('B5').note).toBe('call first');
  });
});
