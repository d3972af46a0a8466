import { readDataRows, type ClientRow, type ColumnMap, type FieldKey } from '../domain';
import { chunkRows, rowsPerChunk } from './chunking';
import { cellText } from './cell-text';
import { toExcelError } from './excel-error';
import { untracked } from './lean-requests';
import type { TemplateLocation } from './template-finder';

/** Fields whose long digit strings Excel may show in scientific notation: read their values too. */
const DIGIT_FIELDS: readonly FieldKey[] = ['taxClientId', 'mobile'];

export interface ReadRowsOptions {
  /** Override the computed chunk size (tests). */
  rowsPerChunk?: number;
  onProgress?: (rowsRead: number, totalRows: number) => void;
}

/**
 * Reads every data row below the header as the text Excel displays (so `00123` stays `00123`,
 * `#N/A` reads `#N/A`, a formula reads its result). Hidden and filtered rows are read too: they are
 * still the user's data. In merged cells only the top-left cell has text; the rest read blank.
 * One sync per chunk.
 */
export async function readClientRows(context: Excel.RequestContext, template: TemplateLocation, options: ReadRowsOptions = {}): Promise<ClientRow[]> {
  const firstRow = template.headerRow + 1;
  const total = template.lastRow - template.headerRow;
  if (total <= 0) return [];
  const mapped = Object.values(template.columns) as number[];
  const left = Math.min(...mapped);
  const width = Math.max(...mapped) - left + 1;
  const columns: ColumnMap = {};
  for (const [field, index] of Object.entries(template.columns) as [FieldKey, number][]) columns[field] = index - left;
  const digitColumns = DIGIT_FIELDS.map((f) => template.columns[f]).filter((c): c is number => c !== undefined);

  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const size = options.rowsPerChunk ?? rowsPerChunk(width + digitColumns.length);
  const readGrid = async (start: number, count: number): Promise<string[][]> => {
    const rowIndex = firstRow - 1 + start;
    // Read in this request only: untracked, so Excel.run's clean-up has nothing to release.
    const block = untracked(sheet.getRangeByIndexes(rowIndex, left, count, width)).load('text');
    const digits = digitColumns.map((column) => ({ column, range: untracked(sheet.getRangeByIndexes(rowIndex, column, count, 1)).load('values') }));
    try {
      await context.sync();
    } catch (error) {
      // Chunks are sized for typical cells; very long texts can still overflow Excel's 5 MB answer.
      // Reading the two halves is the only way to learn what fits, so this error alone is handled here.
      if (count === 1 || toExcelError(error).code !== 'payload-too-large') throw error;
      const half = Math.ceil(count / 2);
      return [...(await readGrid(start, half)), ...(await readGrid(start + half, count - half))];
    }
    // The loaded arrays are this read's own: the digit columns are patched in place rather than in a copy of every row.
    const grid = block.text;
    for (const { column, range } of digits) {
      range.values.forEach((value, i) => {
        grid[i][column - left] = cellText(value[0], grid[i][column - left]);
      });
    }
    return grid;
  };

  const rows: ClientRow[] = [];
  for (const chunk of chunkRows(total, size)) {
    rows.push(...readDataRows(await readGrid(chunk.start, chunk.count), columns, firstRow + chunk.start));
    options.onProgress?.(chunk.start + chunk.count, total);
  }
  return rows;
}
