// Property-based hostile workbooks (issue 6): whatever a client sheet holds, the add-in's sheet
// path reports every non-blank row exactly once, never throws, never turns client text into a
// formula, and leaves the user's sheet as it was.
import fc from 'fast-check';
import { EXCEPTION_HEADERS } from '../../src/excel';
import type { ExcelHostOptions, SeedCell } from '../excel-host';
import { DE_DE, EN_US } from '../excel-host/model/locale';
import { hostileSheetArb, HOSTILE_TEXT, type HostileSheet } from './support/hostile-sheet';
import { nonBlankRows, runPipeline, seeded, SHEET } from './support/workbook-pipeline';

const HEADERS = [
  'Tax Client ID',
  'First Name',
  'Last Name',
  'Email',
  'Mobile',
  'Spouse First Name',
  'Spouse Last Name',
  'Spouse Email',
  'Owner',
  'Office',
  'Is Offline',
];

async function checkSheet(sheet: HostileSheet, options: ExcelHostOptions): Promise<void> {
  const { fake, source } = seeded(sheet, options);
  const valuesBefore = source.values();
  const textsBefore = source.texts();
  const result = await runPipeline(fake, { areas: true });

  if (!result.found) {
    // Only a sheet lacking a required header may fail, and it must say which.
    expect(sheet.droppedRequired.length).toBeGreaterThan(0);
    const missing = result.search.missing.map((c) => c.field);
    for (const field of sheet.droppedRequired) expect(missing).toContain(field);
    expect(fake.sheetNames()).toEqual([SHEET]);
  } else {
    expect(sheet.droppedRequired).toEqual([]);
    const { template, rows, report, written } = result;
    expect(template.headerRow).toBe(sheet.startRow + sheet.headerIndex + 1);

    // Every non-blank data row read once, in sheet order, and reported once.
    const read = rows.map((r) => r.row);
    expect(read).toEqual(nonBlankRows(source, template));
    expect(report.map((r) => r.row)).toEqual(read);
    expect(written.rows).toBe(rows.length);

    const out = fake.sheet(written.sheetName);
    // The table, and the import's signature in I1.
    expect(out.usedAddress()).toBe(`A1:I${rows.length + 1}`);
    expect(out.cell('I1').value).toBe('Client Import for Excel: report of import hostile.');
    expect(EXCEPTION_HEADERS.map((_, c) => out.cell(`${'ABCDEFG'[c]}1`).text)).toEqual([...EXCEPTION_HEADERS]);
    report.forEach((r, i) => {
      const at = i + 2;
      expect(out.cell(`A${at}`).formula).toMatch(new RegExp(`^=HYPERLINK\\(".*",${r.row}\\)$`));
      const expected = [r.taxClientId, r.firstName, r.lastName, r.isOffline, r.outcome === 'rejected' ? 'Rejected' : 'Imported', r.comment];
      expected.forEach((text, c) => {
        const cell = out.cell(`${'BCDEFG'[c]}${at}`);
        expect(cell.formula).toBeNull();
        expect(cell.text).toBe(text);
        expect(cell.value).toBe(text);
      });
    });
  }
  // The user's sheet keeps every value and every displayed text.
  expect(source.values()).toEqual(valuesBefore);
  expect(source.texts()).toEqual(textsBefore);
}

// In en-US on the web and in de-DE on desktop (decimal comma, day-first dates, ";" between address areas).
const SETTINGS: ExcelHostOptions[] = [
  { locale: EN_US, platform: 'web' },
  { locale: DE_DE, platform: 'desktop' },
];

describe.each(SETTINGS)('hostile workbooks through findTemplate → readClientRows → checks → exception sheet ($locale.name, $platform)', (options) => {
  const check = (sheet: HostileSheet) => checkSheet(sheet, options);

  it('report every non-blank row exactly once, throw nothing, write no formula, change no value', async () => {
    await fc.assert(fc.asyncProperty(hostileSheetArb(), check), { numRuns: 60 });
  });

  it('hold with the header deep in the first 20 rows and many rows around merges', async () => {
    await fc.assert(fc.asyncProperty(hostileSheetArb({ maxDataRows: 40 }), check), { numRuns: 25 });
  });

  it('say which required headers are missing instead of throwing', async () => {
    const { fake } = seeded(
      {
        cells: [
          ['Notes', 'First Name*', 'Email'],
          ['x', 'Ann', 'a@b.test'],
        ],
        startRow: 5,
        startColumn: 2,
        headerIndex: 0,
        merges: [],
        droppedRequired: [],
      },
      options,
    );
    const result = await runPipeline(fake, { areas: true });
    expect(result.found).toBe(false);
    if (result.found) return;
    expect(result.search.missing.map((c) => c.header)).toEqual(['Tax Client ID', 'Taxpayer Last Name', 'Owner Email', 'Office Location']);
  });

  const longRows = (every: number): SeedCell[][] =>
    Array.from({ length: 1000 }, (_, i) => {
      const long = i % every === 0 ? `${i}-${'Ω'.repeat(10_000)}` : '';
      return [`C${i}`, long || 'Ann', 'Lee', `c${i}@mail.test`, '', '', '', '', 'owner@firm.test', 'Main Office', long || (i % 2 ? 'Yes' : 'No')];
    });

  it('survive 1,000 rows with a 10,000-character cell on every tenth row', async () => {
    await check({ cells: [HEADERS, ...longRows(10)], startRow: 0, startColumn: 0, headerIndex: 0, merges: [], droppedRequired: [] });
  });

  // About 10 MB of text in one chunk: the reader must split it to stay under Excel's 5 MB answer.
  it('survive 1,000 rows each holding a 10,000-character cell', async () => {
    await check({ cells: [HEADERS, ...longRows(1)], startRow: 0, startColumn: 0, headerIndex: 0, merges: [], droppedRequired: [] });
  });

  it('keep every kind of hostile text as text in the report', async () => {
    const data: SeedCell[][] = HOSTILE_TEXT.map((text, i) => [
      text,
      text,
      text,
      '',
      '',
      '',
      '',
      '',
      'owner@firm.test',
      'Main Office',
      text + (i % 2 ? '' : ' '),
    ]);
    await check({ cells: [HEADERS, ...data], startRow: 2, startColumn: 1, headerIndex: 0, merges: [], droppedRequired: [] });
  });
});
