import { fullAddress } from '../model/a1';
import { invalidArgument, notModelled } from '../model/errors';
import { deleteRows, insertRows, isWholeRows, sortRows } from '../model/row-moves';
import { Exec } from '../exec';
import { HostType, ref } from '../host-type';
import { liveSheet, RangeTarget } from './range-target';
import { rangeType } from './range';

type Method = (t: RangeTarget, args: unknown[], x: Exec) => unknown;

/**
 * Range.insert / Range.delete (ExcelApi 1.1): "Inserts a cell or a range of cells into the worksheet in
 * place of this range, and shifts the other cells to make space. Returns a new Range object at the now
 * blank space." The host models whole rows (`getEntireRow()`), shifting down or up.
 */
export const rowEdits: Record<string, Method> = {
  insert: (t, [shift], x) => {
    const s = liveSheet(t.sheet, 'Range.insert');
    if (shift !== 'Down' || !isWholeRows(t.rect)) throw notModelled('Range.insert (other than whole rows, Down)');
    insertRows(s, x.model.tables, t.rect.row, t.rect.rows);
    s.rowEvents.push({ kind: 'RowInserted', rect: t.rect });
    return ref(rangeType, { sheet: s, rect: t.rect });
  },
  delete: (t, [shift], x) => {
    const s = liveSheet(t.sheet, 'Range.delete');
    if (shift !== 'Up' || !isWholeRows(t.rect)) throw notModelled('Range.delete (other than whole rows, Up)');
    deleteRows(s, x.model.tables, t.rect.row, t.rect.rows);
    s.rowEvents.push({ kind: 'RowDeleted', rect: t.rect });
    x.model.tables = x.model.tables.filter((tb) => !tb.deleted);
    return null;
  },
};

interface SortField {
  key?: unknown;
  ascending?: unknown;
}

/** Range.sort (ExcelApi 1.2): RangeSort.apply(fields, matchCase, hasHeaders, orientation), by rows. */
export const rangeSortType: HostType<RangeTarget> = {
  name: 'RangeSort',
  methods: {
    apply: (t, [fields, matchCase, hasHeaders, orientation]) => {
      const where = 'RangeSort.apply';
      const s = liveSheet(t.sheet, where);
      if (orientation !== undefined && orientation !== null && orientation !== 'Rows') throw notModelled('RangeSort.apply (by columns)');
      if (!Array.isArray(fields) || fields.length === 0) throw invalidArgument('Give at least one sort field.', where);
      const keys = (fields as SortField[]).map((f) => {
        const column = Number(f.key);
        if (!Number.isInteger(column) || column < 0 || column >= t.rect.cols)
          throw invalidArgument(`Sort key ${String(f.key)} is outside ${fullAddress(s.name, t.rect)}.`, where);
        return { column, ascending: f.ascending !== false };
      });
      const rect = hasHeaders ? { ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 } : t.rect;
      sortRows(s, rect, keys, matchCase === true, where);
      s.rowEvents.push({ kind: 'RowSorted', rect });
      return null;
    },
  },
};

export const sortOf = (t: RangeTarget) => ref(rangeSortType, t);
