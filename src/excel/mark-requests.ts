import { jsonBytes } from './chunking';
import { areaBytes, fillRanges, formatAsText, untracked } from './lean-requests';
import type { HelperSheetKind } from './helper-sheets';

/** Fill of a cell with a problem; clearing restores only cells still in this colour. */
export const MARK_FILL = '#FFC8C8';
export const NOTE_PREFIX = 'Client Import:';

/**
 * Our hidden record of each mark: sheet, cell, its fill before (blank = none), and what we did
 * about a note ('note' = we added one, 'comment' = the cell holds a threaded comment, so we added
 * none). It lives in the workbook, so marks can be cleared after a reload or from another
 * computer, and the user's own fills come back. Row 1 holds the signature; records start at row 2.
 */
export const MARKS_RECORD: HelperSheetKind = {
  names: ['Import Marks'],
  signature: 'Client Import for Excel: marks record. Do not edit.',
  signatureAddress: 'A1',
};
export const RECORD_FIRST_ROW = 1;
/** A cell of the record clear of its four columns, for a formula put there a moment (probeListSeparator). */
export const SCRATCH_CELL = 'H1';

export type Annotation = 'note' | 'comment' | '';

/** One marked cell as written to (and read back from) the record. */
export interface CellMark {
  sheetName: string;
  address: string;
  /** Fill before we marked it; '' for none. */
  before: string;
  annotation: Annotation;
}

/**
 * Bytes one cell costs in a real request, measured on the bodies Microsoft's excel-web library
 * (@microsoft/office-js) sends, with object-path ids of seven digits as after 100,000 cells: each
 * cell is an object path per step (getRange → format → fill), an instantiate action per path, then
 * the action itself, about 650 bytes for a fill load, set or clear; a note look-up or add about 250
 * (plus the note's text), a look-up-and-delete about 350. A full marking request came to 1,157 bytes
 * a cell and a full clearing one to 1,096 (mark-requests.test.ts); rounded up from there.
 */
export const REQUEST_BYTES = { fill: 720, noteLookup: 280, noteAdd: 280, noteDelete: 400, recordRow: 40 } as const;

/** How marks go to Excel: fills in address lists (ExcelApi 1.9), and whether each cell is looked up first. */
export interface MarkRequests {
  areas: boolean;
  lookUp: boolean;
}

/** Bytes of the larger of the two requests (look-up, when there is one, then mark) that marking `mark` costs. */
export function markCost(mark: CellMark, noteText: string | null, notes: boolean, requests: MarkRequests): number {
  const lookUp = requests.lookUp ? REQUEST_BYTES.fill + (notes ? REQUEST_BYTES.noteLookup : 0) : 0;
  const write =
    (requests.areas ? areaBytes(mark.address) : REQUEST_BYTES.fill) +
    REQUEST_BYTES.recordRow +
    jsonBytes([mark.sheetName, mark.address, mark.before, mark.annotation]) +
    (noteText === null ? 0 : REQUEST_BYTES.noteAdd + jsonBytes(noteText));
  return Math.max(lookUp, write);
}

/** Bytes of the larger of the two requests (look-up, then restore) that clearing `mark` costs. */
export function clearCost(mark: CellMark): number {
  return REQUEST_BYTES.fill + (mark.annotation === 'note' ? REQUEST_BYTES.noteDelete : 0);
}

export interface CellProbe {
  /** The cell's fill, when asked for. */
  fill: Excel.RangeFill | null;
  /** The cell's note, when asked for; a null object when it has none. */
  note: Excel.Note | null;
}

/** Queues, per cell, a load of its fill (when `withFill`) and a look-up of its note (when `withNote(i)`). */
export function queueCellProbes(sheet: Excel.Worksheet, addresses: readonly string[], withFill: boolean, withNote: (i: number) => boolean): CellProbe[] {
  return addresses.map((address, i) => ({
    fill: withFill ? untracked(sheet.getRange(address)).format.fill.load('color') : null,
    note: withNote(i) ? sheet.notes.getItemOrNullObject(address) : null,
  }));
}

/**
 * Queues one chunk of marks: the record rows first, so that whatever of the fills and notes
 * after them Excel applies, the user's original fill is on record and can be restored; then the
 * fills; then our notes (`noteTexts[i]` null: no note for that cell).
 */
export function queueMarks(
  sheet: Excel.Worksheet,
  record: Excel.Worksheet,
  firstRecordRow: number,
  marks: readonly CellMark[],
  noteTexts: readonly (string | null)[],
  areas: boolean,
): void {
  if (marks.length === 0) return;
  const rows = marks.map((m) => [m.sheetName, m.address, m.before, m.annotation]);
  const at = untracked(record.getRangeByIndexes(firstRecordRow, 0, rows.length, 4));
  formatAsText(at);
  at.values = rows;
  fillRanges(
    sheet,
    marks.map((m) => m.address),
    MARK_FILL,
    areas,
  );
  marks.forEach((mark, i) => {
    const text = noteTexts[i];
    if (text !== null) sheet.notes.add(mark.address, text);
  });
}

/** The note we add: our prefix, then each problem on its own line. */
export function noteText(messages: readonly string[]): string {
  return `${NOTE_PREFIX}\n${messages.join('\n')}`;
}

export function sameColour(a: string | null | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}
