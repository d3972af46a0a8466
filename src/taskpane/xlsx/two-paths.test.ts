import { checkRows, rowComment, withReadIssues, type ClientRow, type FirmRules, type Issue } from '../../domain';
import { findTemplate, readClientRows } from '../../excel';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import { openInExcel } from '../../../test/xlsx-writers/open-in-excel';
import { templateWorkbook } from '../../../test/xlsx-writers/template-cases';
import type { WorkbookSpec } from '../../../test/xlsx-writers/workbook-spec';
import { WRITERS, writeWith, type WriterName } from '../../../test/xlsx-writers/writers';
import { readTemplateXlsx } from './template-reader';

// DESIGN §3: a dropped file is read to the same text, and gets the same verdict, as the same workbook
// open in Excel. The in-Excel path (src/excel) runs on the Excel host (Microsoft's excel-web library
// answered by test/excel-host); the file path on the saved file. Both paths' rules:
// src/domain/displayed-text.ts.
const FIRM: FirmRules = { offlineClientsEnabled: true, owners: ['owner@firm.test'], offices: ['Main'] };

async function readInExcel(spec: WorkbookSpec): Promise<{ sheetName: string; rows: ClientRow[] }> {
  const excel = openInExcel(spec);
  return excel.run(async (context) => {
    const template = await findTemplate(context);
    if (!template.found) throw new Error(`no template: ${template.missing.map((c) => c.header).join(', ')}`);
    return { sheetName: template.sheetName, rows: await readClientRows(context, template) };
  });
}

const verdicts = (rows: ClientRow[], read: Issue[] = []) => {
  const issues = withReadIssues(checkRows(rows, FIRM), read);
  return new Map(rows.map((r) => [r.row, rowComment(issues.filter((i) => i.row === r.row))]));
};

describe('the dropped-file path and the in-Excel path', () => {
  it('give the same sheet, texts and verdicts for a workbook saved by Excel (formula results saved)', async () => {
    const spec = templateWorkbook('excel');
    const inExcel = await readInExcel(spec);
    const file = await readTemplateXlsx(excelLikeXlsx(spec, { fillMergedCells: true }));
    expect(file.sheetName).toBe(inExcel.sheetName);
    expect(file.rows).toEqual(inExcel.rows);
    expect(file.issues).toEqual([]);
    expect(verdicts(file.rows)).toEqual(verdicts(inExcel.rows));
    // The verdicts the cases were built to provoke, on both paths.
    const expected = verdicts(inExcel.rows);
    expect(expected.get(14)).toBe('Missing mandatory fields: Taxpayer Last Name');
    expect(expected.get(16)).toBe('Is Offline must be Yes or No');
    expect(expected.get(17)).toBe('Is Offline must be Yes or No');
    expect(expected.get(19)).toBe('Tax Client ID shows the error #N/A');
    expect(expected.get(12)).toBe('');
  });

  describe.each(Object.keys(WRITERS) as WriterName[])('for a file written by %s', (writer) => {
    it('agree on every cell the file can tell; the others say to open and save the file in Excel', async () => {
      const spec = templateWorkbook(writer);
      const inExcel = await readInExcel(spec);
      const file = await readTemplateXlsx(writeWith(writer, spec));
      expect(file.sheetName).toBe(inExcel.sheetName);
      const unknown = new Set(file.issues.map((i) => `${i.row}:${i.field}`));
      const known = (rows: ClientRow[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unknown.has(`${r.row}:${k}`) ? '?' : v])));
      expect(known(file.rows)).toEqual(known(inExcel.rows));
      expect([...unknown].sort()).toEqual(['15:lastName', '17:isOffline', '18:taxClientId']);
      const fromFile = verdicts(file.rows, file.issues);
      const fromExcel = verdicts(inExcel.rows);
      for (const [row, comment] of fromExcel) {
        const open = file.issues.filter((i) => i.row === row);
        expect({ row, comment: fromFile.get(row) }).toEqual({ row, comment: open.length > 0 ? rowComment(open) : comment });
      }
    });
  });
});
