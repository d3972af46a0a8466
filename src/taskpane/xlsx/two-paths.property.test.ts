import fc from 'fast-check';
import { findTemplate, readClientRows } from '../../excel';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import { openInExcel } from '../../../test/xlsx-writers/open-in-excel';
import { randomTemplateWorkbook } from '../../../test/xlsx-writers/random-templates';
import type { WorkbookSpec } from '../../../test/xlsx-writers/workbook-spec';
import { FileTemplateError } from './read-limits';
import { readTemplateXlsx } from './template-reader';

// Random workbooks, saved as Excel saves them and open in Excel: the dropped-file path finds the same
// sheet and reads the same rows (texts, row numbers, blank rows skipped) as the in-Excel path, cell
// for cell, wherever the header is, however its columns are ordered and spelled, whatever sheets sit
// around it and whatever the cells hold; where neither finds a complete template, both name the same
// missing columns. Both paths search through src/domain/template-search.ts.

type Read = { sheetName: string; rows: unknown[] } | { missing: string[] };

async function inExcel(spec: WorkbookSpec): Promise<Read> {
  return openInExcel(spec).run(async (context) => {
    const template = await findTemplate(context);
    if (!template.found) return { missing: template.missing.map((c) => c.header) };
    return { sheetName: template.sheetName, rows: await readClientRows(context, template) };
  });
}

async function fromFile(spec: WorkbookSpec): Promise<Read> {
  const file = await readTemplateXlsx(excelLikeXlsx(spec)).catch((error: unknown) => {
    if (!(error instanceof FileTemplateError)) throw error;
    return error;
  });
  if (file instanceof FileTemplateError) return { missing: file.missing.map((c) => c.header) };
  expect(file.issues).toEqual([]); // Excel saved every result: nothing the file cannot tell
  return { sheetName: file.sheetName, rows: file.rows };
}

test('the dropped-file path reads what the in-Excel path reads, on 200 random template workbooks', async () => {
  let found = 0;
  let notFound = 0;
  await fc.assert(
    fc.asyncProperty(randomTemplateWorkbook, async (spec) => {
      const excel = await inExcel(spec);
      expect(await fromFile(spec)).toEqual(excel);
      if ('rows' in excel) found += 1;
      else notFound += 1;
    }),
    { numRuns: 200 },
  );
  // The generator makes workbooks whose template is found (most) and some whose search must fail alike.
  expect(found).toBeGreaterThan(100);
  expect(notFound).toBeGreaterThan(0);
});
