import fc from 'fast-check';
import { findTemplate, readClientRows } from '../../excel';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import { openInExcel } from '../../../test/xlsx-writers/open-in-excel';
import { HEADERS } from '../../../test/xlsx-writers/template-cases';
import type { CellSpec, WorkbookSpec } from '../../../test/xlsx-writers/workbook-spec';
import { readTemplateXlsx } from './template-reader';

// Random client sheets, saved as Excel saves them and open in Excel: the dropped-file path reads the
// same rows (texts, row numbers, blank rows skipped) as the in-Excel path, whatever the cells hold.
const FORMATS = ['General', '0', '00000', '000-00-0000', '#,##0.00', '0.0%', '[Red]0;(0)', 'yyyy-mm-dd', 'd-mmm-yy', '@', '"ID "0', '0.00E+00'];
const COLUMNS = 'ABCDEFGHIJK';
// Text as users type it, with what XML must escape and characters beyond ASCII; no control characters
// (Excel stores those as _xHHHH_ escapes, covered by the shared-strings code path).
const text = fc.stringMatching(/^[A-Za-z0-9 &<>"'.@_\-éüß中文€]{0,12}$/);
const cell = fc.oneof(
  text.map((value) => ({ kind: 'string' as const, value })),
  fc
    .tuple(fc.oneof(fc.integer({ min: -1e6, max: 1e12 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), fc.constantFrom(...FORMATS))
    .map(([value, format]) => ({ kind: 'number' as const, value, format })),
  fc.boolean().map((value) => ({ kind: 'bool' as const, value })),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!').map((value) => ({ kind: 'error' as const, value })),
  fc.constant(null),
);
const sheet = fc.array(fc.array(cell, { minLength: 11, maxLength: 11 }), { maxLength: 12 });

function workbook(rows: (Omit<CellSpec, 'ref'> | null)[][], headerRow: number): WorkbookSpec {
  const cells: CellSpec[] = HEADERS.map((value, i) => ({ ref: `${COLUMNS[i]}${headerRow}`, kind: 'string', value }));
  rows.forEach((line, r) =>
    line.forEach((c, i) => {
      if (c !== null && !(c.kind === 'string' && c.value === '')) cells.push({ ...c, ref: `${COLUMNS[i]}${headerRow + 1 + r}` } as CellSpec);
    }),
  );
  return { sheets: [{ name: 'Clients', cells }], active: 0 };
}

test('the dropped-file path reads what the in-Excel path reads, on random sheets', async () => {
  await fc.assert(
    fc.asyncProperty(sheet, fc.integer({ min: 1, max: 4 }), async (rows, headerRow) => {
      const spec = workbook(rows, headerRow);
      const file = await readTemplateXlsx(excelLikeXlsx(spec));
      const inExcel = await openInExcel(spec).run(async (context) => {
        const template = await findTemplate(context);
        if (!template.found) throw new Error('template not found');
        return readClientRows(context, template);
      });
      expect(file.rows).toEqual(inExcel);
    }),
    { numRuns: 60 },
  );
});
