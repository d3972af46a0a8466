import type { Issue } from '../domain';
import { chunkRows } from './chunking';
import { cellAddress } from './sheet-address';
import type { TemplateLocation } from './template-finder';

/** Fill of a cell with a problem; clearing restores only cells still in this colour. */
export const MARK_FILL = '#FFC8C8';
/**
 * Very hidden sheet recording each mark: sheet, cell, its fill before (blank = none), whether we
 * added the note. It lives in the workbook, so marks can be cleared after a reload or from
 * another computer, and the user's own fills come back.
 */
export const MARKS_SHEET = 'Import Marks';
const NOTE_PREFIX = 'Client Import:';
/** Cells handled per sync: each costs a few small actions (load fill, set fill, note). */
const CELLS_PER_SYNC = 4000;

export interface MarkOptions {
  /** Add a note naming the problems (ExcelApi 1.18); without notes cells are only coloured. */
  notes: boolean;
}

interface Target {
  address: string;
  messages: string[];
}

/** Replaces earlier marks with one per cell named by `issues`; returns the number of cells marked. */
export async function markIssues(context: Excel.RequestContext, template: TemplateLocation, issues: readonly Issue[], options: MarkOptions): Promise<number> {
  await clearMarks(context);
  const targets = targetsOf(template, issues);
  if (targets.length === 0) return 0;
  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const record = context.workbook.worksheets.add(MARKS_SHEET);
  record.visibility = 'VeryHidden';
  for (const chunk of chunkRows(targets.length, CELLS_PER_SYNC)) {
    const part = targets.slice(chunk.start, chunk.start + chunk.count);
    const probes = part.map((t) => ({
      target: t,
      range: sheet.getRange(t.address),
      fill: sheet.getRange(t.address).format.fill.load('color'),
      note: options.notes ? sheet.notes.getItemOrNullObject(t.address) : null,
    }));
    await context.sync();
    const rows = probes.map(({ target, range, fill, note }) => {
      range.format.fill.color = MARK_FILL;
      // A note the user wrote is theirs: keep it and do not add ours.
      const addNote = note !== null && note.isNullObject;
      if (addNote) sheet.notes.add(target.address, `${NOTE_PREFIX}\n${target.messages.join('\n')}`);
      return [template.sheetName, target.address, noFill(fill.color) ? '' : fill.color, addNote ? 'note' : ''];
    });
    const at = record.getRangeByIndexes(chunk.start, 0, rows.length, 4);
    at.numberFormat = rows.map((r) => r.map(() => '@'));
    at.values = rows;
  }
  await context.sync();
  return targets.length;
}

/** Undoes every recorded mark still in place: fill restored, our note removed. Returns cells cleared. */
export async function clearMarks(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  const record = sheets.getItemOrNullObject(MARKS_SHEET);
  sheets.load('items/name');
  await context.sync();
  if (record.isNullObject) return 0;
  const used = record.getUsedRangeOrNullObject(true).load('values');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  // The used range drops trailing columns that are blank in every record, hence the defaults.
  const marks = used.isNullObject ? [] : (used.values as unknown[][]).map(([sheetName, address, before, note]) => ({
    sheetName: String(sheetName), address: String(address), before: String(before ?? ''), note: note === 'note',
  })).filter((m) => existing.has(m.sheetName));
  for (const chunk of chunkRows(marks.length, CELLS_PER_SYNC)) {
    const probes = marks.slice(chunk.start, chunk.start + chunk.count).map(({ sheetName, address, before, note }) => {
      const sheet = sheets.getItem(sheetName);
      return {
        before,
        range: sheet.getRange(address),
        fill: sheet.getRange(address).format.fill.load('color'),
        note: note ? sheet.notes.getItemOrNullObject(address) : null,
      };
    });
    await context.sync();
    for (const { before, range, fill, note } of probes) {
      // The user may have recoloured the cell since: then their colour stays.
      if (sameColour(fill.color, MARK_FILL)) {
        if (before === '') range.format.fill.clear();
        else range.format.fill.color = before;
      }
      if (note !== null && !note.isNullObject) note.delete();
    }
  }
  record.delete();
  await context.sync();
  return marks.length;
}

function targetsOf(template: TemplateLocation, issues: readonly Issue[]): Target[] {
  const byAddress = new Map<string, Target & { row: number; column: number }>();
  for (const issue of issues) {
    const column = template.columns[issue.field ?? 'taxClientId'] ?? template.columns.taxClientId;
    if (column === undefined || issue.row <= template.headerRow) continue;
    const address = cellAddress(issue.row, column);
    const target = byAddress.get(address) ?? { address, messages: [], row: issue.row, column };
    if (!target.messages.includes(issue.message)) target.messages.push(issue.message);
    byAddress.set(address, target);
  }
  return [...byAddress.values()].sort((a, b) => a.row - b.row || a.column - b.column);
}

// Office reports an unfilled cell as white (or null when mixed); restoring white would hide gridlines.
function noFill(color: string | null | undefined): boolean {
  return color === null || color === undefined || color === '' || sameColour(color, '#FFFFFF');
}

function sameColour(a: string | null | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}
