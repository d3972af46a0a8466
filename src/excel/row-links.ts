import { taxClientIdOf } from '../domain';
import { rowsPerChunk } from './chunking';
import { cellText } from './cell-text';
import { untracked } from './lean-requests';

/** Where a report's rows are now on the sheet they were read from. */
export interface RowLinks {
  /**
   * True when some row no longer holds the Tax Client ID the import read there: rows were inserted,
   * deleted, sorted or retyped while the import ran (or since, for a report written later).
   */
  moved: boolean;
  /** The sheet row (1-based) each report row is on now, by its Tax Client ID; null where that ID is gone. */
  rows: (number | null)[];
}

/** A report row as the link needs it: the sheet row it was read from and the ID read there. */
export interface LinkedRow {
  row: number;
  taxClientId: string;
}

/**
 * Queues a look for the source sheet (answered by the caller's next sync); the returned function then
 * reads its ID column, about 4 MB a sync (the sheet's used rows learnt with the first), and finds each
 * row by its Tax Client ID. While every row still holds the ID read from it, each links to its own row,
 * as before. Once one does not, each links to the row holding its ID now (the k-th report row of an ID
 * to the k-th sheet row of it, for an ID that was a duplicate), or to nothing; a sheet renamed or
 * deleted meanwhile links nothing. IDs compare in their one form (as the row reader cleans them:
 * trimmed, NFKC, a long number shown in scientific notation by its value).
 */
export function queueRowLinks(
  context: Excel.RequestContext,
  source: { sheetName: string; linkColumn: number },
  rows: readonly LinkedRow[],
): () => Promise<RowLinks> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(source.sheetName).load('name');
  return async () => {
    if (sheet.isNullObject) return { moved: rows.some((r) => linkable(r.row)), rows: rows.map(() => null) };
    const used = untracked(sheet.getUsedRange(true)).load('rowIndex,rowCount');
    let last = rows.reduce((max, r) => (linkable(r.row) && r.row > max ? r.row : max), 1);
    const ids: string[] = [];
    // Text and value of one column: two cells' worth per row; the used rows come with the first chunk.
    const size = rowsPerChunk(2);
    let start = 0;
    do {
      const count = Math.max(1, Math.min(size, last - start));
      const cells = untracked(sheet.getRangeByIndexes(start, source.linkColumn, count, 1)).load('text,values');
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per row
      await context.sync();
      if (start === 0) last = Math.max(last, used.rowIndex + used.rowCount);
      cells.text.forEach((text, i) => ids.push(taxClientIdOf(cellText(cells.values[i][0], text[0]))));
      start += count;
    } while (start < last);
    return linkRows(ids, rows);
  };
}

const linkable = (row: number) => Number.isSafeInteger(row) && row >= 1;

/** `ids[i]` is the ID on sheet row i + 1. */
function linkRows(ids: readonly string[], rows: readonly LinkedRow[]): RowLinks {
  const idOf = (r: LinkedRow) => taxClientIdOf(r.taxClientId);
  const moved = rows.some((r) => linkable(r.row) && ids[r.row - 1] !== idOf(r));
  if (!moved) return { moved, rows: rows.map((r) => (linkable(r.row) ? r.row : null)) };
  const rowsOf = new Map<string, number[]>();
  ids.forEach((id, i) => {
    if (id === '') return;
    const list = rowsOf.get(id);
    if (list) list.push(i + 1);
    else rowsOf.set(id, [i + 1]);
  });
  const taken = new Map<string, number>();
  return {
    moved,
    rows: rows.map((r) => {
      const id = idOf(r);
      const k = taken.get(id) ?? 0;
      taken.set(id, k + 1);
      return rowsOf.get(id)?.[k] ?? null;
    }),
  };
}
