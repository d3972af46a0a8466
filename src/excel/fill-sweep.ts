import { utf8Length } from './chunking';
import { probeListSeparator, untracked } from './lean-requests';
import { MARK_FILL, NOTE_PREFIX, SCRATCH_CELL, sameColour } from './mark-requests';

/** Cells per getCellProperties read: about 42 response bytes each (`{"format":{"fill":{"color":"#FFFFFF"}}}`), 1.3 MB. */
const SWEEP_CELLS = 30_000;
/** Rows a block's fill is first read for at once: one colour answers the whole block; a mixed one goes to getCellProperties. */
const BLOCK_ROWS = 1_000;
/** Response bytes a page of notes may take: with a sweep's 1.3 MB, under Excel on the web's 5 MB. */
const NOTES_PAGE_BYTES = 3_400_000;
/** A note's answer beyond its text: `{"Content":""},`. */
const NOTE_RESPONSE_BYTES = 16;
/**
 * Notes in the first page; later pages are sized by the longest note seen. Notes are read only when
 * there are as many as our record names, so a page is mostly ours (~50 bytes of text each).
 */
const FIRST_NOTES_PAGE = 40_000;

/** A cell as one number: its 0-based column and 1-based row. */
export const cellKey = (row: number, column: number) => column * 2 ** 21 + row;
export const keyRow = (key: number) => key % 2 ** 21;
export const keyColumn = (key: number) => Math.floor(key / 2 ** 21);

interface Block {
  column: number;
  /** 0-based first row and row count. */
  start: number;
  count: number;
}

/** Blocks of `columns`, rows `from`…`to` (0-based, `to` excluded), of BLOCK_ROWS rows. */
function blocksOf(columns: readonly number[], from: number, to: number): Block[] {
  const blocks: Block[] = [];
  for (const column of columns) for (let start = from; start < to; start += BLOCK_ROWS) blocks.push({ column, start, count: Math.min(BLOCK_ROWS, to - start) });
  return blocks;
}

export interface Swept {
  /** Cells (cellKey) holding our fill. */
  found: Set<number>;
  /** Notes on the sheet (0 without notes). */
  noteCount: number;
  /** The sheet's notes are all ours, exactly `ourNotes` of them. */
  allOurs: boolean;
}

/**
 * Cells holding our fill in `columns`, rows 1…`lastRow` and on down to the sheet's last used row; the
 * sheet's note count; and whether its notes are all ours (by their prefix), read in pages alongside
 * when there are as many as `ourNotes`. Fills are read a block at a time: a range reads one colour only
 * when all its cells share it ("Properties return null when a range contains multiple different values",
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values), so only mixed blocks are
 * read cell by cell (Range.getCellProperties, ExcelApi 1.9), SWEEP_CELLS a sync. The first sync also
 * learns the list separator (on `record`, our sheet) and the used range.
 */
export async function sweepFills(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  record: Excel.Worksheet,
  columns: readonly number[],
  lastRow: number,
  notes: boolean,
  ourNotes: number,
): Promise<Swept> {
  let blocks = blocksOf(columns, 0, lastRow);
  const mixed: Block[] = [];
  const learn = probeListSeparator(record.getRange(SCRATCH_CELL));
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
  const count = notes ? sheet.notes.getCount() : null;
  const found = new Set<number>();
  // The first page is read at once, in case the count agrees; dropped when it does not.
  let allOurs = ourNotes > 0;
  let notesRead = 0;
  let page = FIRST_NOTES_PAGE;
  for (let first = true; first || blocks.length > 0 || mixed.length > 0 || (allOurs && notesRead < ourNotes); first = false) {
    const fills = blocks.map((block) => ({
      block,
      fill: untracked(sheet.getRangeByIndexes(block.start, block.column, block.count, 1)).format.fill.load('color'),
    }));
    blocks = [];
    const reads: { block: Block; cells: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
    for (let cells = 0; mixed.length > 0 && cells + mixed[0].count <= SWEEP_CELLS;) {
      const block = mixed.shift()!;
      cells += block.count;
      reads.push({
        block,
        cells: untracked(sheet.getRangeByIndexes(block.start, block.column, block.count, 1)).getCellProperties({ format: { fill: { color: true } } }),
      });
    }
    const want = allOurs ? Math.min(page, ourNotes - notesRead) : 0;
    const items = want > 0 ? sheet.notes.load({ content: true, $skip: notesRead, $top: want }) : null;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized read (DESIGN §7), never per cell
    await context.sync();
    if (first) {
      learn?.();
      // Rows below the last mark that values reach (rows inserted above moved marks down).
      if (!used.isNullObject) blocks = blocksOf(columns, lastRow, used.rowIndex + used.rowCount);
      if (count === null || count.value !== ourNotes) allOurs = false;
    }
    for (const { block, fill } of fills) {
      if (fill.color === null) mixed.push(block);
      else if (sameColour(fill.color, MARK_FILL)) for (let i = 1; i <= block.count; i++) found.add(cellKey(block.start + i, block.column));
    }
    for (const { block, cells } of reads)
      cells.value.forEach((row, i) => {
        if (sameColour(row[0].format?.fill?.color, MARK_FILL)) found.add(cellKey(block.start + i + 1, block.column));
      });
    if (items !== null && allOurs) {
      let longest = 0;
      for (const note of items.items) {
        longest = Math.max(longest, utf8Length(note.content));
        if (!note.content.startsWith(NOTE_PREFIX)) allOurs = false;
      }
      notesRead += items.items.length;
      if (items.items.length < want) allOurs = false;
      page = Math.max(1, Math.floor(NOTES_PAGE_BYTES / (longest + NOTE_RESPONSE_BYTES)));
    }
  }
  return { found, noteCount: count?.value ?? 0, allOurs };
}
