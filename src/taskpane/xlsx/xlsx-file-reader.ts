import { readTemplate, type ClientRow, type ColumnSpec } from '../../domain';
import { cellDisplayText } from './cell-display-text';

export interface FileTemplate {
  sheetName: string;
  rows: ClientRow[];
}

export class FileTemplateError extends Error {
  override readonly name = 'FileTemplateError';
  constructor(message: string, readonly missing: ColumnSpec[] = []) {
    super(message);
  }
}

/** Header search reads this many rows of each sheet (DESIGN §3: header in the first 20 rows). */
const HEADER_ROWS = 20;

/**
 * Reads a saved template (.xlsx) without opening it in Excel: the first sheet whose header row has
 * every required column. exceljs is loaded here, on first use, in its own chunk (DESIGN §8).
 */
export async function readTemplateFile(bytes: ArrayBuffer): Promise<FileTemplate> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes);
  } catch {
    throw new FileTemplateError('This file is not an Excel workbook (.xlsx) that can be read.');
  }
  let best: ColumnSpec[] | null = null;
  for (const sheet of book.worksheets) {
    const grid: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellDisplayText(cell as unknown as Parameters<typeof cellDisplayText>[0]);
      });
      grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    const dense = Array.from(grid, (r) => r ?? []);
    const { match, rows } = readTemplate(dense, 1);
    if (match.headerRowIndex >= 0 && match.missing.length === 0) {
      return { sheetName: sheet.name, rows };
    }
    if (match.headerRowIndex >= 0 && (best === null || match.missing.length < best.length)) best = match.missing;
  }
  const missing = best ?? [];
  throw new FileTemplateError(
    missing.length > 0
      ? `The file has no complete client import template: missing ${missing.map((c) => c.header).join(', ')}.`
      : `The file has no client import template (no header row in the first ${HEADER_ROWS} rows).`,
    missing,
  );
}
