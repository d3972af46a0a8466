import { chunkByCost, chunkRows } from './chunking';
import { deleteHelperSheet, findHelperSheet } from './helper-sheets';
import { MARK_FILL, MARKS_RECORD, RECORD_FIRST_ROW, clearCost, queueFillProbes, sameColour, type Annotation, type CellMark } from './mark-requests';

/** Record rows read per request: four short texts a row keep the response far under 5 MB. */
const RECORD_ROWS_PER_READ = 20_000;

/**
 * Undoes every recorded mark still in place (fill restored, our note removed), then deletes our
 * record sheet. Returns cells cleared. Only a record carrying our signature is read or deleted.
 * Safe to run again after a half-finished run: a restored cell no longer has our fill, a removed
 * note is no longer there, and the record goes only at the end.
 */
export async function clearMarks(context: Excel.RequestContext): Promise<number> {
  const search = await findHelperSheet(context, MARKS_RECORD);
  const record = search.ours;
  if (record === null) return 0;
  const used = record.getUsedRangeOrNullObject(true).load('rowCount');
  await context.sync();
  const existing = new Set(search.taken);
  const total = used.isNullObject ? 0 : Math.max(0, used.rowCount - RECORD_FIRST_ROW);
  let cleared = 0;
  for (const read of chunkRows(total, RECORD_ROWS_PER_READ)) {
    const rows = record.getRangeByIndexes(RECORD_FIRST_ROW + read.start, 0, read.count, 4).load('values');
    await context.sync();
    const marks = rows.values.map(markOf).filter((m) => m.address !== '' && existing.has(m.sheetName));
    for (const chunk of chunkByCost(marks, clearCost)) await restore(context, marks.slice(chunk.start, chunk.start + chunk.count));
    cleared += marks.length;
  }
  deleteHelperSheet(record);
  await context.sync();
  return cleared;
}

/** Two syncs: look the cells up, then put back what is still ours to put back. */
async function restore(context: Excel.RequestContext, marks: readonly CellMark[]): Promise<void> {
  const sheets = new Map<string, Excel.Worksheet>();
  const probes = marks.map((mark) => {
    // One object path per sheet, not per cell: each path is sent with every request that uses it.
    const sheet = sheets.get(mark.sheetName) ?? context.workbook.worksheets.getItem(mark.sheetName);
    sheets.set(mark.sheetName, sheet);
    return { mark, probe: queueFillProbes(sheet, [mark.address], () => mark.annotation === 'note')[0] };
  });
  await context.sync();
  for (const { mark, probe } of probes) {
    // The user may have recoloured the cell since: then their colour stays.
    if (sameColour(probe.fill.color, MARK_FILL)) {
      if (mark.before === '') probe.range.format.fill.clear();
      else probe.range.format.fill.color = mark.before;
    }
    if (probe.note !== null && !probe.note.isNullObject) probe.note.delete();
  }
  await context.sync();
}

// The record's trailing cells read back as '' when blank.
function markOf([sheetName, address, before, annotation]: unknown[]): CellMark {
  return { sheetName: String(sheetName ?? ''), address: String(address ?? ''), before: String(before ?? ''), annotation: String(annotation ?? '') as Annotation };
}
