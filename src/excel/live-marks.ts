import type { Issue } from '../domain';
import { addMarks, markTargets, type MarkOptions } from './cell-marks';
import { restore } from './mark-clearing';
import { forgetRecord, keepRecord, newVersion, openRecord } from './mark-record';
import { SCRATCH_CELL } from './mark-requests';
import { chunkByCost } from './chunking';
import { probeListSeparator, untracked } from './lean-requests';
import { clearCost } from './mark-requests';
import { parseAddress } from './sheet-address';
import type { TemplateLocation } from './template-finder';

/**
 * Marks the cells of `rows` (1-based sheet rows of the template) anew: our marks on those rows are undone
 * (the user's fill and notes come back), their record entries blanked, then `issues` of those rows are
 * marked and recorded after the record's last row. Other rows' marks stay as they are. Returns cells marked.
 * Safe to run again: a restored cell no longer has our fill, and marks are recorded before they are made.
 * A mark not found where recorded (its row was sorted or moved away) is left to the next full check.
 */
export async function remarkRows(
  context: Excel.RequestContext,
  template: TemplateLocation,
  rows: readonly number[],
  issues: readonly Issue[],
  options: MarkOptions,
): Promise<number> {
  const areas = options.areas ?? false;
  const record = await openRecord(context);
  const wanted = new Set(rows);
  const here = new Set(record?.marks.filter((m) => m.sheetName === template.sheetName && wanted.has(parseAddress(m.address).firstRow)));
  const left = record?.marks.filter((m) => !here.has(m)) ?? [];
  if (record !== null && here.size > 0) {
    // Address lists need the list separator: queued now, answered by restore's first sync.
    const learn = areas ? probeListSeparator(record.sheet.getRange(SCRATCH_CELL)) : null;
    const undo = [...here];
    const chunks = chunkByCost(undo, clearCost);
    // The last chunk's restores go with the next sync (the blanked record rows, the new marks' first look).
    for (const [k, chunk] of chunks.entries())
      await restore(context, undo.slice(chunk.start, chunk.start + chunk.count), areas, options.notes, learn ?? undefined, k < chunks.length - 1);
    forgetRecord();
    for (const mark of undo) untracked(record.sheet.getRangeByIndexes(mark.recordRow, 0, 1, 4)).values = [['', '', '', '']];
  }
  const targets = markTargets(
    template,
    issues.filter((i) => wanted.has(i.row)),
  );
  if (targets.length === 0) {
    // Nothing was ours on these rows and nothing is to be marked: the record (and its kept copy) stays as it is.
    if (here.size === 0) return 0;
    const version = record === null ? null : newVersion(record.sheet);
    await context.sync();
    if (record !== null && version !== null) keepRecord(version, left, record.nextRow);
    return 0;
  }
  return addMarks(context, template, targets, options, record === null ? null : { record: record.sheet, nextRow: record.nextRow, marks: left });
}
