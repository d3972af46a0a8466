import ExcelJS from 'exceljs';
import type { ReportRow } from '../../domain/api-types';
import { TEMPLATE_COLUMNS } from '../../domain/columns';
import { addTextRows, styleHeader } from './text-cells';

const REJECTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } };

/** The exception report (§2): Row, the source columns, Result and Comment; rejected rows highlighted. */
export async function reportWorkbook(rows: readonly ReportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Import Exceptions');
  sheet.addRow(['Row', ...TEMPLATE_COLUMNS.map((c) => c.header), 'Result', 'Comment']);
  styleHeader(sheet, [8, ...TEMPLATE_COLUMNS.map(() => 20), 12, 60]);
  sheet.getColumn(1).numFmt = 'General';
  addTextRows(
    sheet,
    rows.map((r) => [r.row, ...TEMPLATE_COLUMNS.map((c) => r[c.field] ?? ''), r.outcome === 'imported' ? 'Imported' : 'Rejected', r.comment]),
  );
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).numFmt = 'General';
    if (r.outcome === 'rejected') row.eachCell((cell) => (cell.fill = REJECTED_FILL));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TEMPLATE_COLUMNS.length + 3 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
