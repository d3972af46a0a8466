import { chunkRows } from './chunking';
import { MARK_FILL, NOTE_PREFIX, sameColour, type CellMark } from './mark-requests';
import { cellAddress, parseAddress } from './sheet-address';

/** Cells per request when each is its own range (about 800 request bytes each, BYTES_PER_OPERATION). */
const CELLS_PER_LOOKUP = 4_000;
/** Notes looked up per request: about 600 request bytes each (index, content, cell), 3 MB a page. */
const NOTES_PER_READ = 5_000;

/** Where a mark's fill went: the cell's address, and the fill to put back. */
export interface MovedFill {
  address: string;
  before: string;
}

/**
 * Marks that are no longer where the record says: the user sorted, inserted or deleted rows since. A
 * mark is found by what is ours, not by its address: our fill (MARK_FILL) in a column we marked, our
 * note by its prefix. Rows move whole, so a mark stays in its column. Returns the fills to put back:
 * a column's recorded fill when every moved mark of that column had the same one (usually none), else none.
 */
export async function findMovedFills(context: Excel.RequestContext, sheet: Excel.Worksheet, moved: readonly CellMark[]): Promise<MovedFill[]> {
  const columns = new Map<number, Set<string>>();
  for (const mark of moved) {
    const column = parseAddress(mark.address).firstColumn;
    (columns.get(column) ?? columns.set(column, new Set()).get(column)!).add(mark.before);
  }
  const first = Math.min(...columns.keys());
  const width = Math.max(...columns.keys()) - first + 1;
  const used = sheet.getUsedRangeOrNullObject().load('rowIndex,rowCount');
  await context.sync();
  if (used.isNullObject) return [];
  const found: MovedFill[] = [];
  for (const chunk of chunkRows(used.rowIndex + used.rowCount, Math.max(1, Math.floor(CELLS_PER_LOOKUP / width)))) {
    const colours = queueFills(sheet.getRangeByIndexes(chunk.start, first, chunk.count, width).untrack(), chunk.count, width);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per row
    await context.sync();
    colours().forEach((row, i) =>
      row.forEach((colour, j) => {
        const befores = columns.get(first + j);
        if (befores === undefined || !sameColour(colour, MARK_FILL)) return;
        found.push({ address: cellAddress(chunk.start + i + 1, first + j), before: befores.size === 1 ? [...befores][0] : '' });
      }),
    );
  }
  return found;
}

/** Queues a read of each cell's fill in `block` (a fill load per cell, as Excel before ExcelApi 1.9 has no getCellProperties); call the returned function after the sync. */
function queueFills(block: Excel.Range, rows: number, columns: number): () => (string | undefined)[][] {
  const fills = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => block.getCell(i, j).untrack().format.fill.load('color')));
  return () => fills.map((row) => row.map((fill) => fill.color));
}

/**
 * Deletes every note of ours on `sheet` (by its prefix, wherever it now is); a user's own note is never
 * touched. Notes have no id, so each is looked up by index with its cell, then deleted by its cell.
 */
export async function deleteOurNotes(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<void> {
  const count = sheet.notes.getCount();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult from getCount(), read after the sync
  for (const page of chunkRows(count.value, NOTES_PER_READ)) {
    const notes = Array.from({ length: page.count }, (_, k) => {
      const note = sheet.notes.getItemAt(page.start + k).load('content');
      return { note, cell: note.getLocation().untrack().load('address') };
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized page of notes
    await context.sync();
    for (const { note, cell } of notes)
      if (note.content.startsWith(NOTE_PREFIX)) sheet.notes.getItem(cell.address.slice(cell.address.lastIndexOf('!') + 1)).delete();
  }
  await context.sync();
}
