import { CHUNK_BUDGET_BYTES, jsonBytes } from './chunking';
import { untracked } from './lean-requests';
import { MARKS_RECORD, RECORD_FIRST_ROW, type Annotation, type CellMark } from './mark-requests';

/**
 * Record rows read with the look for our signature, before the sheet is known to be ours: a row is at
 * most ~170 bytes in the response (a 31-character sheet name in 3-byte UTF-8, the longest address,
 * a colour, 'comment'), so 20,000 stay under 5 MB whatever the record holds.
 */
const FIRST_READ_ROWS = 20_000;

/**
 * The record's version, written with every change to it: a copy of the record kept in memory since our
 * last change (keepRecord) is used while the version still matches, so a change of a few rows does not
 * read 100,000 entries again. Another computer's change, or a record the user replaced, has another.
 */
const VERSION_CELL = 'B1';

interface Kept {
  version: string;
  marks: RecordedMark[];
  nextRow: number;
}

let kept: Kept | null = null;

/** Queues a new version into `record` (with the change it goes with); keep the record under it once that change is synced. */
export function newVersion(record: Excel.Worksheet): string {
  const version = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const cell = untracked(record.getRange(VERSION_CELL));
  cell.numberFormat = [['@']];
  cell.values = [[version]];
  return version;
}

/** The record as it stands after our synced change under `version`: its entries and the row after them. */
export function keepRecord(version: string, marks: RecordedMark[], nextRow: number): void {
  kept = { version, marks, nextRow };
}

/** Forget the kept copy: call before changing the record (a change that fails part-way leaves none). */
export function forgetRecord(): void {
  kept = null;
}

/** A mark read back from the record, with its 0-based row there. */
export interface RecordedMark extends CellMark {
  recordRow: number;
}

export interface OpenRecord {
  /** Our record sheet (signature checked). */
  sheet: Excel.Worksheet;
  /** Every mark in it, blanked entries left out. */
  marks: RecordedMark[];
  /** The first row (0-based) after its last entry. */
  nextRow: number;
  /** Every sheet name in the workbook. */
  taken: string[];
}

/**
 * Finds our marks record by its signature and reads it: two syncs, plus one per ~100,000 entries past
 * the first 20,000, or two in all when the copy kept since our last change is still its version. The
 * record's first rows are read with the signature look (when nothing is kept), from hidden sheets named
 * as our record is; a user's sheet of that name is only read, never written, and its rows are dropped.
 */
export async function openRecord(context: Excel.RequestContext): Promise<OpenRecord | null> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  await context.sync();
  const taken = sheets.items.map((s) => s.name);
  const hidden = sheets.items.filter((s) => s.visibility !== 'Visible');
  if (hidden.length === 0) return null;
  const probes = hidden.map((sheet) => {
    const named = recordNamed(sheet.name);
    return {
      sheet,
      signature: untracked(sheet.getRange(`${MARKS_RECORD.signatureAddress}:${VERSION_CELL}`)).load('values'),
      used: named ? sheet.getUsedRangeOrNullObject(true).load('rowCount') : null,
      head: named && kept === null ? untracked(sheet.getRangeByIndexes(RECORD_FIRST_ROW, 0, FIRST_READ_ROWS, 4)).load('values') : null,
    };
  });
  await context.sync();
  const found = probes.find((p) => p.signature.values[0][0] === MARKS_RECORD.signature);
  if (found === undefined) return null;
  const version = String(found.signature.values[0][1] ?? '');
  if (kept !== null && version !== '' && kept.version === version) return { sheet: found.sheet, taken, marks: kept.marks, nextRow: kept.nextRow };
  const marks: RecordedMark[] = [];
  if (found.used === null || found.head === null) {
    // Our record under another name (a user's sheet took ours): its size first. Or a kept copy out of date.
    let used = found.used;
    if (used === null) {
      used = found.sheet.getUsedRangeOrNullObject(true).load('rowCount');
      await context.sync();
    }
    return { sheet: found.sheet, taken, ...(await readRows(context, found.sheet, entries(used), 0, 0, marks)) };
  }
  const total = entries(found.used);
  const head = Math.min(total, FIRST_READ_ROWS);
  const widest = collect(found.head.values.slice(0, head), RECORD_FIRST_ROW, marks);
  return { sheet: found.sheet, taken, ...(await readRows(context, found.sheet, total, head, widest, marks)) };
}

const entries = (used: Excel.Range) => (used.isNullObject ? 0 : Math.max(0, used.rowCount - RECORD_FIRST_ROW));

/** Reads record entries `from`…`total` (0-based), in reads sized by the widest row seen so far (one sync each). */
async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  total: number,
  from: number,
  widest: number,
  marks: RecordedMark[],
): Promise<{ marks: RecordedMark[]; nextRow: number }> {
  for (let start = from; start < total;) {
    // Rows of twice the widest seen per request, or the first read's count before any is seen.
    const perRead = widest === 0 ? FIRST_READ_ROWS : Math.max(FIRST_READ_ROWS, Math.floor(CHUNK_BUDGET_BYTES / (2 * widest)));
    const count = Math.min(perRead, total - start);
    const rows = untracked(sheet.getRangeByIndexes(RECORD_FIRST_ROW + start, 0, count, 4)).load('values');
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized read (DESIGN §7), never per row
    await context.sync();
    widest = Math.max(widest, collect(rows.values, RECORD_FIRST_ROW + start, marks));
    start += count;
  }
  return { marks, nextRow: RECORD_FIRST_ROW + total };
}

/** Adds the marks of record `rows` (the first at 0-based row `firstRow`) to `marks`; returns the widest row's JSON bytes. */
function collect(rows: unknown[][], firstRow: number, marks: RecordedMark[]): number {
  let widest = 0;
  rows.forEach((row, i) => {
    widest = Math.max(widest, jsonBytes(row));
    const mark = markOf(row);
    if (mark.address !== '') marks.push({ ...mark, recordRow: firstRow + i });
  });
  return widest;
}

/** 'Import Marks', 'Import Marks (2)', …: the names addHelperSheet gives the record. */
function recordNamed(name: string): boolean {
  return MARKS_RECORD.names.some((n) => name.toLowerCase() === n.toLowerCase() || new RegExp(`^${n} \\(\\d+\\)$`, 'i').test(name));
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
