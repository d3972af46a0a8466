import { chunkByCost } from './chunking';
import { cellKey, keyColumn, keyRow, sweepFills } from './fill-sweep';
import { fillRanges } from './lean-requests';
import type { CellMark } from './mark-requests';
import { deleteOurNotes } from './mark-sweep';
import { cellAddress, parseAddress } from './sheet-address';

/** Request bytes of one `notes.getItem(address).delete()`: 302 on the library's requests with seven-digit ids (path, Instantiate, Delete). */
const NOTE_DELETE_BYTES = 310;
/** Deletes are weighed as sent (above), so they may fill a request closer to the 5 MB than estimated writes do. */
const DELETE_BUDGET_BYTES = 4_500_000;

/**
 * Clears the marks on one sheet by what is ours, in bulk (ExcelApi 1.9): our fill is found in the
 * columns we marked (fill-sweep.ts), never by a look-up per cell, and put back through address lists of
 * runs down a column, grouped by the fill recorded before (Worksheet.getRanges). Our notes are deleted by
 * their cells when the sheet's notes, read in pages, are all ours, one per cell the record names, and
 * nothing moved; otherwise every note of ours is found with its cell and deleted wherever it is
 * (mark-sweep.ts), the user's never. `record` is our record sheet. The last writes are queued, not synced.
 */
export async function clearSheetSwept(
  context: Excel.RequestContext,
  record: Excel.Worksheet,
  sheetName: string,
  marks: readonly CellMark[],
  notes: boolean,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const recorded = new Map<number, CellMark>();
  let lastRow = 0;
  for (const mark of marks) {
    const { firstRow, firstColumn } = parseAddress(mark.address);
    recorded.set(cellKey(firstRow, firstColumn), mark);
    lastRow = Math.max(lastRow, firstRow);
  }
  const noteCells = notes ? marks.filter((m) => m.annotation === 'note').map((m) => m.address) : [];
  const columns = [...new Set([...recorded.keys()].map(keyColumn))];
  const { found, noteCount, allOurs } = await sweepFills(context, sheet, record, columns, lastRow, notes, noteCells.length);
  const moved = [...recorded].filter(([key]) => !found.has(key)).map(([, mark]) => mark);
  let extra = 0;
  // A fill found where no mark was recorded moved there: its column's recorded fill when the moved marks of that column agree on one.
  const movedBefore = columnFills(moved);
  const restores = new Map<string, number[]>();
  for (const key of found) {
    const mark = recorded.get(key);
    if (mark === undefined) extra += 1;
    const before = mark?.before ?? movedBefore.get(keyColumn(key)) ?? '';
    (restores.get(before) ?? restores.set(before, []).get(before)!).push(key);
  }
  // Every note on the sheet is ours and sits where the record says: delete them by their cells.
  const inPlace = allOurs && moved.length === 0 && extra === 0;
  if (inPlace) {
    const chunks = chunkByCost(noteCells, () => NOTE_DELETE_BYTES, DELETE_BUDGET_BYTES);
    // A navigation property (a proxy), not a loaded value: taken once rather than per note.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const sheetNotes = sheet.notes;
    for (const [k, chunk] of chunks.entries()) {
      for (let i = chunk.start; i < chunk.start + chunk.count; i++) sheetNotes.getItem(noteCells[i]).delete();
      // The last chunk goes with the fills, in the caller's sync.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per note
      if (k < chunks.length - 1) await context.sync();
    }
  }
  for (const [before, keys] of restores) fillRanges(sheet, columnRuns(keys), before === '' ? null : before, true);
  // Its first sync sends the fills.
  if (notes && !inPlace && noteCount > 0) await deleteOurNotes(context, sheet);
}

/** Cells (cellKey) as runs down their columns: D2, D3, D4, F3 → `["D2:D4", "F3"]`. */
export function columnRuns(keys: readonly number[]): string[] {
  const sorted = [...keys].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    const first = cellAddress(keyRow(sorted[i]), keyColumn(sorted[i]));
    runs.push(j === i ? first : `${first}:${cellAddress(keyRow(sorted[j]), keyColumn(sorted[j]))}`);
    i = j + 1;
  }
  return runs;
}

/** Per column, the fill recorded before its marks when they all had the same one. */
function columnFills(marks: readonly CellMark[]): Map<number, string> {
  const befores = new Map<number, Set<string>>();
  for (const m of marks) {
    const column = parseAddress(m.address).firstColumn;
    (befores.get(column) ?? befores.set(column, new Set()).get(column)!).add(m.before);
  }
  return new Map([...befores].filter(([, set]) => set.size === 1).map(([column, set]) => [column, [...set][0]]));
}
