import fc from 'fast-check';
import type { RegionalSettings } from '../../domain';
import { findTemplate, readClientRows, readRegionalSettings } from '../../excel';
import { DE_DE, EN_US, type HostLocale } from '../../../test/excel-host/model/locale';
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
// missing columns. Both paths search through src/domain/template-search.ts. In en-US Excel on the web
// and in German desktop Excel: the file is read with the separators and short date the open workbook
// reports (readRegionalSettings), as the pane reads a dropped file.

type Read = { sheetName: string; rows: unknown[] } | { missing: string[] };

async function inExcel(spec: WorkbookSpec, locale: HostLocale, platform: 'web' | 'desktop'): Promise<{ read: Read; regional: RegionalSettings }> {
  return openInExcel(spec, { locale, platform }).run(async (context) => {
    const regional = await readRegionalSettings(context);
    const template = await findTemplate(context);
    if (!template.found) return { read: { missing: template.missing.map((c) => c.header) }, regional };
    return { read: { sheetName: template.sheetName, rows: await readClientRows(context, template) }, regional };
  });
}

async function fromFile(spec: WorkbookSpec, regional: RegionalSettings): Promise<Read> {
  const file = await readTemplateXlsx(excelLikeXlsx(spec), { regional }).catch((error: unknown) => {
    if (!(error instanceof FileTemplateError)) throw error;
    return error;
  });
  if (file instanceof FileTemplateError) return { missing: file.missing.map((c) => c.header) };
  expect(file.issues).toEqual([]); // Excel saved every result: nothing the file cannot tell
  return { sheetName: file.sheetName, rows: file.rows };
}

test.each([
  ['en-US Excel on the web', EN_US, 'web', 200],
  ['de-DE desktop Excel', DE_DE, 'desktop', 100],
] as const)(
  'in %s, the dropped-file path reads what the in-Excel path reads on random template workbooks (200 en-US, 100 de-DE)',
  async (_name, locale, platform, runs) => {
    let found = 0;
    let notFound = 0;
    await fc.assert(
      fc.asyncProperty(randomTemplateWorkbook, async (spec) => {
        const { read, regional } = await inExcel(spec, locale, platform);
        expect(await fromFile(spec, regional)).toEqual(read);
        if ('rows' in read) found += 1;
        else notFound += 1;
      }),
      { numRuns: runs },
    );
    // The generator makes workbooks whose template is found (most) and some whose search must fail alike.
    expect(found).toBeGreaterThan(runs / 2);
    expect(notFound).toBeGreaterThan(0);
  },
);
