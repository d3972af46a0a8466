import { mayHideDigits, readDataRows, relativeColumns, type ClientRow } from '../domain';
import { BYTES_PER_CELL_ESTIMATE, chunkByCost, chunkRows, rowsPerChunk, type RowChunk } from './chunking';
import { cellText } from './cell-text';
import { toExcelError } from './excel-error';
import { untracked } from './lean-requests';
import type { TemplateLocation } from './template-finder';

export interface ReadRowsOptions {
  /** Override the computed chunk size (tests). */
  rowsPerChunk?: number;
  onProgress?: (rowsRead: number, totalRows: number) => void;
}

/** A digit column's values to read for one chunk whose text shows scientific notation there. */
interface DigitRead {
  chunk: number;
  column: number;
  rows: RowChunk;
}

/**
 * Reads every data row below the header as the text Excel displays (so `00123` stays `00123`,
 * `#N/A` reads `#N/A`, a formula reads its result). Hidden and filtered rows are read too: they are
 * still the user's data. In merged cells only the top-left cell has text; the rest read blank.
 * An Excel table's totals row (`template.totalsRows`) is no client and is left out.
 * One sync per chunk; then, only where a Tax Client ID or Mobile shows scientific notation, the values
 * of that column in those chunks, several chunks a sync (cellText keeps their digits).
 */
export async function readClientRows(context: Excel.RequestContext, template: TemplateLocation, options: ReadRowsOptions = {}): Promise<ClientRow[]> {
  const firstRow = template.headerRow + 1;
  const total = template.lastRow - template.headerRow;
  if (total <= 0) return [];
  const { left, width, columns, digitColumns } = relativeColumns(template.columns);

  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  // Read in this request only: untracked, so Excel.run's clean-up has nothing to release.
  const rangeOf = (start: number, count: number, column: number, columnCount: number) =>
    untracked(sheet.getRangeByIndexes(firstRow - 1 + start, column, count, columnCount));
  const readText = (start: number, count: number) =>
    inHalves(
      context,
      start,
      count,
      (s, n) => rangeOf(s, n, left, width).load('text'),
      (r) => r.text,
    );
  const readValues = (start: number, count: number, column: number) =>
    inHalves(
      context,
      start,
      count,
      (s, n) => rangeOf(s, n, column, 1).load('values'),
      (r) => r.values,
    );

  const chunks = chunkRows(total, options.rowsPerChunk ?? rowsPerChunk(width));
  const results: ClientRow[][] = [];
  const waiting = new Map<number, string[][]>(); // chunks whose digit columns are still to be read
  const digitReads: DigitRead[] = [];
  for (const [k, chunk] of chunks.entries()) {
    const grid = await readText(chunk.start, chunk.count);
    const shown = digitColumns.filter((column) => grid.some((cells) => mayHideDigits(cells[column - left])));
    if (shown.length === 0) results[k] = readDataRows(grid, columns, firstRow + chunk.start);
    else {
      waiting.set(k, grid);
      for (const column of shown) digitReads.push({ chunk: k, column, rows: chunk });
    }
    options.onProgress?.(chunk.start + chunk.count, total);
  }

  // Several chunks' digit columns a sync, sized like the text; each alone (and in halves) if Excel finds the answer too large.
  for (const group of chunkByCost(digitReads, (read) => read.rows.count * BYTES_PER_CELL_ESTIMATE)) {
    const reads = digitReads.slice(group.start, group.start + group.count);
    const queued = reads.map((read) => rangeOf(read.rows.start, read.rows.count, read.column, 1).load('values'));
    let values: unknown[][][];
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized group of chunks (DESIGN §7), never per row
      await context.sync();
      values = queued.map((range) => range.values);
    } catch (error) {
      if (toExcelError(error).code !== 'payload-too-large') throw error;
      values = [];
      for (const read of reads) values.push(await readValues(read.rows.start, read.rows.count, read.column));
    }
    reads.forEach(({ chunk, column }, i) => {
      // The loaded text rows are this read's own: patched in place.
      const grid = waiting.get(chunk)!;
      values[i].forEach((value, r) => {
        grid[r][column - left] = cellText(value[0], grid[r][column - left]);
      });
    });
  }
  for (const [k, grid] of waiting) results[k] = readDataRows(grid, columns, firstRow + chunks[k].start);
  const totals = new Set(template.totalsRows ?? []);
  return totals.size === 0 ? results.flat() : results.flat().filter((row) => !totals.has(row.row));
}

/**
 * Rows `start`…`start + count - 1` loaded by `queue` in one sync. Chunks are sized for typical cells, and
 * very long texts can still overflow Excel's 5 MB answer: reading the two halves is the only way to learn
 * what fits, so that error alone is handled here.
 */
async function inHalves<R, T>(
  context: Excel.RequestContext,
  start: number,
  count: number,
  queue: (start: number, count: number) => R,
  loaded: (range: R) => T[],
): Promise<T[]> {
  const range = queue(start, count);
  try {
    await context.sync();
  } catch (error) {
    if (count === 1 || toExcelError(error).code !== 'payload-too-large') throw error;
    const half = Math.ceil(count / 2);
    return [...(await inHalves(context, start, half, queue, loaded)), ...(await inHalves(context, start + half, count - half, queue, loaded))];
  }
  return loaded(range);
}
