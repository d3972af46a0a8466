import { notCalculatedIssue, type UnreadableReason } from '../../domain';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import { fieldOf, rowOf, TEXT_CASES, templateWorkbook, workbook1904 } from '../../../test/xlsx-writers/template-cases';
import { WRITERS, writeWith, type WriterName } from '../../../test/xlsx-writers/writers';
import { readTemplateXlsx, type FileTemplate } from './template-reader';

// Files written during the test by software other than ours (Debian packages; see writers.ts), read
// back and compared, cell by cell, with the text Excel displays (each case's rule: template-cases.ts).
// openpyxl saves a formula with no result; XlsxWriter and Excel::Writer::XLSX save a placeholder result
// (0 unless given one) and ask Excel to recalculate on open, so the saved one cannot be trusted.
const UNREADABLE_BECAUSE: Record<string, UnreadableReason> = {
  openpyxl: 'no-result',
  xlsxwriter: 'recalculate-on-open',
  'Excel::Writer::XLSX': 'recalculate-on-open',
};

function expectExcelText(file: FileTemplate, writer: string, cached: boolean) {
  expect(file.sheetName).toBe('Clients'); // not the hidden "Old template" before it
  for (const c of TEXT_CASES.filter((t) => !t.skip?.includes(writer))) {
    const row = rowOf(c.cell.ref);
    const field = fieldOf(c.cell.ref);
    const read = file.rows.find((r) => r.row === row);
    const expected = cached && c.cachedShows !== undefined ? c.cachedShows : c.shows;
    if (typeof expected === 'string') {
      expect({ cell: c.cell.ref, rule: c.rule, text: read?.[field] }).toEqual({ cell: c.cell.ref, rule: c.rule, text: expected });
    } else {
      const found = file.issues.find((i) => i.row === row && i.field === field);
      expect({ cell: c.cell.ref, text: read?.[field], issue: found?.code, message: found?.message }).toEqual({
        cell: c.cell.ref,
        text: '',
        issue: 'not-calculated',
        message: notCalculatedIssue(row, field, UNREADABLE_BECAUSE[writer]).message,
      });
    }
  }
}

describe.each(Object.keys(WRITERS) as WriterName[])('a template written by %s', (writer) => {
  it('reads every cell as the text Excel shows, from the visible active sheet', async () => {
    const file = await readTemplateXlsx(writeWith(writer, templateWorkbook(writer)));
    expectExcelText(file, writer, false);
    expect(file.rows.map((r) => r.taxClientId)).not.toContain('OLD-1');
  });

  it('reads dates of a 1904-date-system workbook as the same days', async () => {
    const file = await readTemplateXlsx(writeWith(writer, workbook1904()));
    expect(file.rows.map((r) => r.taxClientId)).toEqual(['2024-01-05', '31-Dec-99']);
  });
});

describe('a template built as Excel writes it (hand-built OOXML)', () => {
  it('reads formulas by their saved results, and merged cells blank even where the file repeats the value', async () => {
    const file = await readTemplateXlsx(excelLikeXlsx(templateWorkbook('excel'), { fillMergedCells: true }));
    expectExcelText(file, 'excel', true);
    expect(file.issues).toEqual([]);
  });

  it('reads a file whose elements carry a namespace prefix (x:c), as some .NET writers emit', async () => {
    expectExcelText(await readTemplateXlsx(excelLikeXlsx(templateWorkbook('excel'), { prefix: 'x' })), 'excel', true);
  });

  it('reads 1904 dates', async () => {
    const file = await readTemplateXlsx(excelLikeXlsx(workbook1904()));
    expect(file.rows.map((r) => r.taxClientId)).toEqual(['2024-01-05', '31-Dec-99']);
  });

  it('reads a sheet with a 1,048,576-row formatted column by its cells that hold values', async () => {
    const spec = templateWorkbook('excel');
    const bytes = excelLikeXlsx(spec, { formattedColumn: { column: 'L', rows: 1_048_576, format: '@' } });
    const progress: number[] = [];
    const file = await readTemplateXlsx(bytes, { onProgress: (p) => progress.push(p.done) });
    expectExcelText(file, 'excel', true);
    expect(file.rows.at(-1)?.row).toBe(19);
    expect(progress.at(-1)).toBe(1);
  });
});
