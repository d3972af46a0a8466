import type { Issue } from '../domain';
import { chunkByCost, type RowChunk } from './chunking';
import { addHelperSheet } from './helper-sheets';
import { clearMarks } from './mark-clearing';
import { forgetRecord, keepRecord, newVersion, type RecordedMark } from './mark-record';
import { probeListSeparator, untracked } from './lean-requests';
import {
  MARKS_RECORD,
  RECORD_FIRST_ROW,
  SCRATCH_CELL,
  markCost,
  noteText,
  queueCellProbes,
  queueMarks,
  sameColour,
  type CellMark,
  type CellProbe,
  type MarkRequests,
} from './mark-requests';
import { cellAddress } from './sheet-address';
import { refuseProtectedSheet } from './sheet-protection';
import type { TemplateLocation } from './template-finder';

export { MARK_FILL } from './mark-requests';
export { clearMarks } from './mark-clearing';
/** The record sheet's usual name (another when the workbook has a sheet of that name that is not ours). */
export const MARKS_SHEET = MARKS_RECORD.names[0];

export interface MarkOptions {
  /** Add a note naming the problems (ExcelApi 1.18, which includes threaded comments, 1.10); without notes cells are only coloured. */
  notes: boolean;
  /** Fill the cells a few hundred at a time through Worksheet.getRanges (ExcelApi 1.9); without, one range per cell. */
  areas?: boolean;
}

export interface Target {
  address: string;
  messages: string[];
}

/** A target with its 1-based sheet row and 0-based column. */
export interface PlacedTarget extends Target {
  row: number;
  column: number;
}

/**
 * Replaces earlier marks with one per cell named by `issues`; returns the number of cells marked.
 * A cell holding a threaded comment gets the fill but no note (Excel refuses a note there, see
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes), and the record says 'comment'.
 * Requests are sized by their estimated bytes (mark-requests.ts), under Excel on the web's 5 MB.
 */
export async function markIssues(context: Excel.RequestContext, template: TemplateLocation, issues: readonly Issue[], options: MarkOptions): Promise<number> {
  await refuseProtectedSheet(context, template.sheetName);
  await clearMarks(context, { areas: options.areas ?? false, notes: options.notes });
  const targets = markTargets(template, issues);
  if (targets.length === 0) return 0;
  return addMarks(context, template, targets, options, null);
}

/**
 * Marks `targets` (cells holding no mark of ours) and records them: in a new record sheet, or in `into`
 * from its row `nextRow` (0-based) on, after its entries `marks`. Returns the number of cells marked.
 */
export async function addMarks(
  context: Excel.RequestContext,
  template: TemplateLocation,
  targets: readonly PlacedTarget[],
  options: MarkOptions,
  into: { record: Excel.Worksheet; nextRow: number; marks: readonly RecordedMark[] } | null,
): Promise<number> {
  forgetRecord();
  const areas = options.areas ?? false;
  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const sheets = into === null ? context.workbook.worksheets.load('items/name') : null;
  const comments = options.notes ? sheet.comments.load('items/id') : null;
  // One look over every marked cell at once: a range reads one colour only when all its cells share it
  // ("Properties return null when a range contains multiple different values", learn.microsoft.com/
  // office/dev/add-ins/excel/excel-add-ins-blank-null-values), and a sheet without notes has none on any cell. Then the per-cell look-ups
  // below could only answer "no fill" and "no note" and are left out.
  const area = untracked(sheet.getRange(areaAddress(targets))).format.fill.load('color');
  const noteCount = options.notes ? sheet.notes.getCount() : null;
  // An existing record can take the look at the list separator now, in the same sync.
  const learnEarly = areas && into !== null ? probeListSeparator(into.record.getRange(SCRATCH_CELL)) : null;
  await context.sync();
  learnEarly?.();
  const commented = comments === null ? new Set<string>() : await commentedCells(context, comments);
  let record = into?.record;
  if (record === undefined) {
    record = addHelperSheet(
      context,
      MARKS_RECORD,
      sheets!.items.map((s) => s.name),
    ).sheet;
    // Users cannot unhide a VeryHidden sheet, so they cannot edit the record by mistake.
    record.visibility = 'VeryHidden';
  }
  const learn = areas ? probeListSeparator(record.getRange(SCRATCH_CELL)) : null;
  if (learn !== null) {
    await context.sync();
    learn();
  }

  // null: the cells' fills differ, so some cell has one.
  const lookUp = { fills: area.color === null || !noFill(area.color), notes: noteCount !== null && noteCount.value > 0 };
  const plan = planMarks(template.sheetName, targets, commented, options.notes, { areas, lookUp: lookUp.fills || lookUp.notes });
  const firstRow = into?.nextRow ?? RECORD_FIRST_ROW;
  const job: MarkJob = { sheet, record, firstRow, sheetName: template.sheetName, targets, texts: plan.notes, commented, lookUp, areas };
  const version = newVersion(record);
  const recorded = [...(into?.marks ?? [])];
  // At most two syncs per request-sized chunk (DESIGN §7), never per cell.
  for (const chunk of plan.chunks) recorded.push(...(await markChunk(context, job, chunk)));
  keepRecord(version, recorded, firstRow + targets.length);
  return targets.length;
}

interface MarkJob {
  sheet: Excel.Worksheet;
  record: Excel.Worksheet;
  /** The record row (0-based) of the first target. */
  firstRow: number;
  sheetName: string;
  targets: readonly Target[];
  /** Our note per target; null where we add none. */
  texts: readonly (string | null)[];
  commented: ReadonlySet<string>;
  /** Whether a cell may have a fill, or a note of the user's, to look up first. */
  lookUp: { fills: boolean; notes: boolean };
  areas: boolean;
}

/** The smallest block holding every target: `A3:K100002`. Targets are in sheet order, so rows are the first's and the last's. */
export function areaAddress(targets: readonly PlacedTarget[]): string {
  // A loop, not Math.min(...columns): spreading over 125,000 targets passes the engine's argument limit.
  let left = Infinity;
  let right = -Infinity;
  for (const t of targets) {
    left = Math.min(left, t.column);
    right = Math.max(right, t.column);
  }
  return `${cellAddress(targets[0].row, left)}:${cellAddress(targets[targets.length - 1].row, right)}`;
}

/** Looks the chunk's cells up when they may have a fill or a note of the user's (one sync), then records and marks them (one sync). Returns what it recorded. */
async function markChunk(context: Excel.RequestContext, job: MarkJob, chunk: RowChunk): Promise<RecordedMark[]> {
  const indices = Array.from({ length: chunk.count }, (_, k) => chunk.start + k);
  const addresses = indices.map((i) => job.targets[i].address);
  const probes: CellProbe[] =
    job.lookUp.fills || job.lookUp.notes
      ? queueCellProbes(job.sheet, addresses, job.lookUp.fills, (k) => job.lookUp.notes && job.texts[indices[k]] !== null)
      : addresses.map(() => ({ fill: null, note: null }));
  if (job.lookUp.fills || job.lookUp.notes) await context.sync();
  const marks: CellMark[] = [];
  const notes: (string | null)[] = [];
  probes.forEach(({ fill, note }, k) => {
    const i = indices[k];
    const address = addresses[k];
    // A note the user wrote is theirs: keep it and do not add ours.
    const addNote = job.texts[i] !== null && (note === null || note.isNullObject);
    const annotation = addNote ? 'note' : job.commented.has(address) ? 'comment' : '';
    marks.push({ sheetName: job.sheetName, address, before: fill === null || noFill(fill.color) ? '' : fill.color, annotation });
    notes.push(addNote ? job.texts[i] : null);
  });
  queueMarks(job.sheet, job.record, job.firstRow + chunk.start, marks, notes, job.areas);
  await context.sync();
  return marks.map((mark, k) => ({ ...mark, recordRow: job.firstRow + chunk.start + k }));
}

/** Our note text per target (null: none, for notes off or a commented cell) and the chunks, one request pair each. */
export function planMarks(
  sheetName: string,
  targets: readonly Target[],
  commented: ReadonlySet<string>,
  notes: boolean,
  requests: MarkRequests = { areas: false, lookUp: true },
): { notes: (string | null)[]; chunks: RowChunk[] } {
  const texts = targets.map((t) => (notes && !commented.has(t.address) ? noteText(t.messages) : null));
  // Sized for the longest a mark can be: a fill colour before, 'comment' in the record.
  const cost = (i: number) => markCost({ sheetName, address: targets[i].address, before: '#FFFFFF', annotation: 'comment' }, texts[i], notes, requests);
  return {
    notes: texts,
    chunks: chunkByCost(
      targets.map((_, i) => i),
      cost,
    ),
  };
}

/** Addresses ('D3') of the cells holding the loaded threaded `comments`. One sync when there are any. */
async function commentedCells(context: Excel.RequestContext, comments: Excel.CommentCollection): Promise<Set<string>> {
  const locations = comments.items.map((c) => c.getLocation().load('address'));
  if (locations.length > 0) await context.sync();
  return new Set(locations.map((l) => l.address.slice(l.address.lastIndexOf('!') + 1).replace(/\$/g, '')));
}

/** One target per cell named by `issues`, with its distinct messages, in sheet order. */
export function markTargets(template: TemplateLocation, issues: readonly Issue[]): PlacedTarget[] {
  const byAddress = new Map<string, PlacedTarget>();
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
