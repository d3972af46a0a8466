import { strToU8, unzipSync, zipSync } from 'fflate';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import { templateWorkbook } from '../../../test/xlsx-writers/template-cases';
import { readTemplateXlsx } from './template-reader';

// Broken or foreign files get one sentence saying what to do, never a stack trace or partial rows.
const UNREADABLE = 'This file is not an Excel workbook (.xlsx) that can be read. Open it in Excel, save it as an Excel Workbook (.xlsx) and drop it again.';
const parts = () => unzipSync(excelLikeXlsx(templateWorkbook('excel')));

describe('broken and foreign files', () => {
  it.each(['native', 'fflate'] as const)('refuses a sheet whose XML stops mid-tag (%s)', async (engine) => {
    const files = parts();
    const sheet = files['xl/worksheets/sheet2.xml'];
    files['xl/worksheets/sheet2.xml'] = sheet.subarray(0, Math.floor(sheet.length / 2));
    await expect(readTemplateXlsx(zipSync(files), { engine })).rejects.toThrow(UNREADABLE);
  });

  it.each(['native', 'fflate'] as const)('refuses a file cut short (%s)', async (engine) => {
    const whole = excelLikeXlsx(templateWorkbook('excel'));
    await expect(readTemplateXlsx(whole.subarray(0, whole.length - 200), { engine })).rejects.toThrow(UNREADABLE);
  });

  it('refuses a zip that holds no workbook (a .docx renamed, say)', async () => {
    await expect(readTemplateXlsx(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).rejects.toThrow(UNREADABLE);
  });

  it('says which sheet lacks which columns when no sheet is a complete template', async () => {
    const spec = templateWorkbook('excel');
    spec.sheets[1].cells = spec.sheets[1].cells.filter((c) => c.ref !== 'I1');
    spec.sheets[0].hidden = false;
    spec.sheets[0].cells = spec.sheets[0].cells.filter((c) => c.ref !== 'I1' && c.ref !== 'J1');
    await expect(readTemplateXlsx(excelLikeXlsx(spec))).rejects.toThrow(
      'The file has no complete client import template: sheet "Clients" is missing Owner Email.',
    );
  });
});
