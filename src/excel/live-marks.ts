import type { Issue } from '../domain';
import { addMarks, markTargets, type MarkOptions } from './cell-marks';
import { findHelperSheet } from './helper-sheets';
import { readRecord, restore } from './mark-clearing';
import { MARKS_RECORD, SCRATCH_CELL } from './mark-requests';
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
  const search = await findHelperSheet(context, MARKS_RECORD);
  const wanted = new Set(rows);
  let nextRow: number | null = null;
  if (search.ours !== null) {
    // Address lists need the list separator: queued now, answered by readRecord's first sync.
    const learn = areas ? probeListSeparator(search.ours.getRange(SCRATCH_CELL)) : null;
    const record = await readRecord(context, search.ours);
    learn?.();
    const here = record.marks.filter((m) => m.sheetName === template.sheetName && wanted.has(parseAddress(m.address).firstRow));
    for (const chunk of chunkByCost(here, clearCost)) await restore(context, here.slice(chunk.start, chunk.start + chunk.count), areas, options.notes);
    for (const mark of here) untracked(search.ours.getRangeByIndexes(mark.recordRow, 0, 1, 4)).values = [['', '', '', '']];
    nextRow = record.nextRow;
  }
  const targets = markTargets(
    template,
    issues.filter((i) => wanted.has(i.row)),
  );
  if (targets.length === 0) {
    await context.sync();
    return 0;
  }
  return addMarks(context, template, targets, options, search.ours === null || nextRow === null ? null : { record: search.ours, nextRow });
}
