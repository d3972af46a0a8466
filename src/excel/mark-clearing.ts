import { chunkByCost } from './chunking';
import { deleteHelperSheet } from './helper-sheets';
import { fillRanges } from './lean-requests';
import { MARK_FILL, NOTE_PREFIX, clearCost, queueCellProbes, sameColour, type CellMark } from './mark-requests';
import { forgetRecord, openRecord } from './mark-record';
import { deleteOurNotes, findMovedFills } from './mark-sweep';
import { clearSheetSwept } from './swept-clearing';

export interface ClearOptions {
  /** ExcelApi 1.9: our fills found in bulk through Range.getCellProperties and put back through Worksheet.getRanges (swept-clearing.ts). */
  areas?: boolean;
  /** Notes can be looked up and removed (ExcelApi 1.18); without, notes are left alone. True unless said. */
  notes?: boolean;
}

/**
 * Undoes every recorded mark (fill restored, our note removed), then deletes our record sheet.
 * Returns cells cleared. Only a record carrying our signature is read or deleted. A mark is ours by
 * our fill and our note's prefix, never by its address alone: a user's note at a recorded cell stays,
 * and marks the user moved by sorting, inserting or deleting rows are found where they went
 * (swept-clearing.ts; before ExcelApi 1.9, a look at each recorded cell, then mark-sweep.ts). Safe to run again after a half-finished run: a restored cell no longer has our
 * fill, a removed note is no longer there, and the record goes only at the end.
 */
export async function clearMarks(context: Excel.RequestContext, options: ClearOptions = {}): Promise<number> {
  const notes = options.notes ?? true;
  const record = await openRecord(context);
  if (record === null) return 0;
  const existing = new Set(record.taken);
  const marks = record.marks.filter((m) => existing.has(m.sheetName));
  if (options.areas) for (const [sheetName, group] of groupBy(marks, (m) => m.sheetName)) await clearSheetSwept(context, record.sheet, sheetName, group, notes);
  else {
    const moved: CellMark[] = [];
    for (const chunk of chunkByCost(marks, clearCost))
      moved.push(...(await restore(context, marks.slice(chunk.start, chunk.start + chunk.count), false, notes)));
    for (const [sheetName, group] of groupBy(moved, (m) => m.sheetName)) await restoreMoved(context, sheetName, group, notes);
  }
  forgetRecord();
  deleteHelperSheet(record.sheet);
  await context.sync();
  return marks.length;
}

/**
 * Two syncs (one with `flush` false): look the cells up, then put back what is still ours to put back. Returns the marks not
 * found where recorded (our fill gone, or our note): moved with their rows, or recoloured by the user.
 */
export async function restore(
  context: Excel.RequestContext,
  marks: readonly CellMark[],
  areas: boolean,
  notes: boolean,
  /** Called after the look-up's sync, for what the caller queued with it (probeListSeparator). */
  looked?: () => void,
  /** False: the restores are queued for the caller's next sync. */
  flush = true,
): Promise<CellMark[]> {
  const sheets = new Map<string, Excel.Worksheet>();
  // One object path per sheet, not per cell: each path is sent with every request that uses it.
  const sheetOf = (name: string) => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name)!;
  const probes = marks.map((mark) => queueCellProbes(sheetOf(mark.sheetName), [mark.address], true, () => notes && mark.annotation === 'note')[0]);
  for (const probe of probes) probe.note?.load('content');
  await context.sync();
  looked?.();
  const restores = marks.map((mark, i) => ({
    mark,
    // The user may have recoloured the cell since: then their colour stays.
    refill: sameColour(probes[i].fill?.color, MARK_FILL),
    // Only our own note: the user's note in a cell that a sort moved here stays.
    dropNote: probes[i].note !== null && !probes[i].note!.isNullObject && probes[i].note!.content.startsWith(NOTE_PREFIX),
  }));
  queueRestores(sheetOf, restores, areas);
  if (flush) await context.sync();
  return restores.filter((r) => !r.refill || (notes && r.mark.annotation === 'note' && !r.dropNote)).map((r) => r.mark);
}

/** Marks that moved with their rows: our fills found in their columns and put back, our notes removed wherever they are. */
async function restoreMoved(context: Excel.RequestContext, sheetName: string, marks: readonly CellMark[], notes: boolean): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const fills = await findMovedFills(context, sheet, marks);
  queueRestores(
    () => sheet,
    fills.map(({ address, before }) => ({ mark: { sheetName, address, before, annotation: '' }, refill: true, dropNote: false })),
    false,
  );
  if (fills.length > 0) await context.sync();
  if (notes && marks.some((m) => m.annotation === 'note')) await deleteOurNotes(context, sheet);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  return groups;
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
