import { chunkByCost, chunkRows } from './chunking';
import { deleteHelperSheet, findHelperSheet } from './helper-sheets';
import { fillRanges } from './lean-requests';
import { MARK_FILL, MARKS_RECORD, RECORD_FIRST_ROW, clearCost, queueCellProbes, sameColour, type Annotation, type CellMark } from './mark-requests';

/** Record rows read per request: four short texts a row keep the response far under 5 MB. */
const RECORD_ROWS_PER_READ = 20_000;

/**
 * Undoes every recorded mark still in place (fill restored, our note removed), then deletes our
 * record sheet. Returns cells cleared. Only a record carrying our signature is read or deleted.
 * Safe to run again after a half-finished run: a restored cell no longer has our fill, a removed
 * note is no longer there, and the record goes only at the end.
 */
export async function clearMarks(context: Excel.RequestContext, options: { areas?: boolean } = {}): Promise<number> {
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
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per row
    await context.sync();
    const marks = rows.values.map(markOf).filter((m) => m.address !== '' && existing.has(m.sheetName));
    for (const chunk of chunkByCost(marks, clearCost)) await restore(context, marks.slice(chunk.start, chunk.start + chunk.count), options.areas ?? false);
    cleared += marks.length;
  }
  deleteHelperSheet(record);
  await context.sync();
  return cleared;
}

/** Two syncs: look the cells up, then put back what is still ours to put back. */
async function restore(context: Excel.RequestContext, marks: readonly CellMark[], areas: boolean): Promise<void> {
  const sheets = new Map<string, Excel.Worksheet>();
  // One object path per sheet, not per cell: each path is sent with every request that uses it.
  const sheetOf = (name: string) => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name)!;
  const probes = marks.map((mark) => queueCellProbes(sheetOf(mark.sheetName), [mark.address], true, () => mark.annotation === 'note')[0]);
  await context.sync();
  queueRestores(
    sheetOf,
    marks.map((mark, i) => ({
      mark,
      // The user may have recoloured the cell since: then their colour stays.
      refill: sameColour(probes[i].fill?.color, MARK_FILL),
      dropNote: probes[i].note !== null && !probes[i].note!.isNullObject,
    })),
    areas,
  );
  await context.sync();
}

/** Queues, per cell, its fill put back (`refill`) and our note deleted (`dropNote`); fills of one colour on one sheet go together. */
export function queueRestores(
  sheetOf: (name: string) => Excel.Worksheet,
  restores: readonly { mark: CellMark; refill: boolean; dropNote: boolean }[],
  areas: boolean,
): void {
  const refills = new Map<string, { sheetName: string; before: string; addresses: string[] }>();
  for (const { mark } of restores.filter((r) => r.refill)) {
    const key = JSON.stringify([mark.sheetName, mark.before]);
    const group = refills.get(key) ?? refills.set(key, { sheetName: mark.sheetName, before: mark.before, addresses: [] }).get(key)!;
    group.addresses.push(mark.address);
  }
  for (const { sheetName, before, addresses } of refills.values()) fillRanges(sheetOf(sheetName), addresses, before === '' ? null : before, areas);
  for (const { mark } of restores.filter((r) => r.dropNote)) sheetOf(mark.sheetName).notes.getItem(mark.address).delete();
}

// The record's trailing cells read back as '' when blank.
function markOf([sheetName, address, before, annotation]: unknown[]): CellMark {
  return {
    sheetName: String(sheetName ?? ''),
    address: String(address ?? ''),
    before: String(before ?? ''),
    annotation: String(annotation ?? '') as Annotation,
  };
}
