import type { Worksheet } from 'exceljs';

/**
 * Writes client text as plain string cells in text-formatted (`@`) columns: a value such as
 * `=HYPERLINK(...)` stays text, because only `{ formula }` values become formulas in exceljs.
 */
export function addTextRows(sheet: Worksheet, rows: readonly (readonly (string | number)[])[]): void {
  for (const values of rows) {
    const row = sheet.addRow([...values]);
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
}

export function styleHeader(sheet: Worksheet, widths: readonly number[]): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    column.numFmt = '@';
  });
}
