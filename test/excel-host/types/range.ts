import { checkRect, fullAddress, intersect, MAX_COLS, MAX_ROWS, Rect } from '../model/a1';
import { invalidArgument, officeError } from '../model/errors';
import { GridProp, readGrid, writeNumberFormat, writeValues } from '../model/range-data';
import { Exec } from '../exec';
import { HostType, ref, Ref } from '../host-type';
import { hyperlinkScalar } from './range-link';
import { rangeEdits } from './range-edits';
import { rowEdits, sortOf } from './row-moves';
import { getCellProperties } from './cell-properties';
import { liveSheet, rangeArg, RangeTarget } from './range-target';
import { rangeFormatType } from './range-format';
import { dataValidationType } from './data-validation';
import { rangeAreasOf } from './range-areas';
import { worksheetType } from './worksheet';
import { englishFormula, localFormula } from '../model/locale';

function hiddenState(set: Set<number>, start: number, count: number): boolean | null {
  let hidden = 0;
  if (count > set.size) {
    for (const i of set) if (i >= start && i < start + count) hidden++;
  } else for (let i = start; i < start + count; i++) if (set.has(i)) hidden++;
  return hidden === 0 ? false : hidden === count ? true : null;
}

const grid = (prop: GridProp) => ({
  get: ({ sheet, rect }: RangeTarget, x: Exec) => {
    x.read(rect.rows * rect.cols, `Range.${prop}`);
    return readGrid(sheet, rect, prop);
  },
});
const writable = (prop: GridProp, write: typeof writeValues) => ({
  ...grid(prop),
  set: ({ sheet, rect }: RangeTarget, v: unknown) => write(sheet, rect, v, `Range.${prop}`),
});
const hiddenFlag = (which: 'rowHidden' | 'columnHidden') => ({
  get: ({ sheet: s, rect: r }: RangeTarget) => (which === 'rowHidden' ? hiddenState(s.hiddenRows, r.row, r.rows) : hiddenState(s.hiddenCols, r.col, r.cols)),
  set: ({ sheet: s, rect: r }: RangeTarget, v: unknown) => {
    if (typeof v !== 'boolean') throw invalidArgument('Expected true or false.', `Range.${which}`);
    const [set, start, count] = which === 'rowHidden' ? [s.hiddenRows, r.row, r.rows] : [s.hiddenCols, r.col, r.cols];
    for (let i = start; i < start + count; i++)
      if (v) set.add(i);
      else set.delete(i);
  },
});

const range = (t: RangeTarget, where: string, rect: Rect | null): Ref<RangeTarget> | null =>
  rect === null ? null : ref(rangeType, { sheet: t.sheet, rect: checkRect(rect, `Range.${where}`) });
const num = (v: unknown, fallback: number) => (v === undefined || v === null ? fallback : Number(v));
const other = (t: RangeTarget, arg: unknown, where: string, x: Exec): Rect => {
  const o = rangeArg(
    arg,
    where,
    () => t.sheet,
    (n) => x.model.get(n, where),
  );
  if (o.sheet !== t.sheet) throw invalidArgument('The ranges are on different worksheets.', where);
  return o.rect;
};
const used = (t: RangeTarget, valuesOnly: unknown) => {
  const u = t.sheet.usedRect(!!valuesOnly);
  return u && intersect(u, t.rect);
};

/** Excel.Range: a rectangle of one sheet. Grid reads count toward the request's cell limit. */
export const rangeType: HostType<RangeTarget> = {
  name: 'Range',
  check: (t, where) => void liveSheet(t.sheet, where),
  defaults: [
    'address',
    'addressLocal',
    'cellCount',
    'rowCount',
    'columnCount',
    'rowIndex',
    'columnIndex',
    'values',
    'text',
    'numberFormat',
    'valueTypes',
    'formulas',
    'hidden',
    'rowHidden',
    'columnHidden',
    'isEntireColumn',
    'isEntireRow',
    'style',
  ],
  scalars: {
    address: { get: (t) => fullAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t) => fullAddress(t.sheet.name, t.rect) },
    cellCount: { get: (t) => t.rect.rows * t.rect.cols },
    rowCount: { get: (t) => t.rect.rows },
    columnCount: { get: (t) => t.rect.cols },
    rowIndex: { get: (t) => t.rect.row },
    columnIndex: { get: (t) => t.rect.col },
    isEntireColumn: { get: (t) => t.rect.rows === MAX_ROWS },
    isEntireRow: { get: (t) => t.rect.cols === MAX_COLS },
    style: { get: () => 'Normal' },
    values: writable('values', writeValues),
    formulas: writable('formulas', writeValues),
    // "in the user's language and number-formatting locale": separators only; function names stay English here.
    formulasLocal: {
      get: (t: RangeTarget, x: Exec) =>
        (grid('formulas').get(t, x) as unknown[][]).map((row) =>
          row.map((f) => (typeof f === 'string' && f.startsWith('=') ? localFormula(f, t.sheet.locale) : f)),
        ),
      set: ({ sheet, rect }: RangeTarget, v: unknown) =>
        writeValues(
          sheet,
          rect,
          Array.isArray(v)
            ? v.map((row) => (Array.isArray(row) ? row.map((f) => (typeof f === 'string' && f.startsWith('=') ? englishFormula(f, sheet.locale) : f)) : row))
            : v,
          'Range.formulasLocal',
        ),
    },
    numberFormat: writable('numberFormat', writeNumberFormat),
    text: grid('text'),
    valueTypes: grid('valueTypes'),
    rowHidden: hiddenFlag('rowHidden'),
    columnHidden: hiddenFlag('columnHidden'),
    hidden: { get: ({ sheet: s, rect: r }) => hiddenState(s.hiddenRows, r.row, r.rows) === true || hiddenState(s.hiddenCols, r.col, r.cols) === true },
    hyperlink: hyperlinkScalar,
  },
  navs: {
    format: (t) => ref(rangeFormatType, t),
    dataValidation: (t) => ref(dataValidationType, t),
    worksheet: (t) => ref(worksheetType, t.sheet),
    sort: (t) => sortOf(t),
  },
  methods: {
    getCell: (t, [row, col]) => range(t, 'getCell', { row: t.rect.row + num(row, 0), col: t.rect.col + num(col, 0), rows: 1, cols: 1 }),
    getOffsetRange: (t, [dr, dc]) => range(t, 'getOffsetRange', { ...t.rect, row: t.rect.row + num(dr, 0), col: t.rect.col + num(dc, 0) }),
    getResizedRange: (t, [dr, dc]) => range(t, 'getResizedRange', { ...t.rect, rows: t.rect.rows + num(dr, 0), cols: t.rect.cols + num(dc, 0) }),
    getAbsoluteResizedRange: (t, [rows, cols]) => range(t, 'getAbsoluteResizedRange', { ...t.rect, rows: num(rows, 0), cols: num(cols, 0) }),
    getRow: (t, [i]) => {
      if (num(i, -1) < 0 || num(i, -1) >= t.rect.rows) throw invalidArgument(`Row ${i} is outside the range.`, 'Range.getRow');
      return range(t, 'getRow', { ...t.rect, row: t.rect.row + num(i, 0), rows: 1 });
    },
    getColumn: (t, [i]) => {
      if (num(i, -1) < 0 || num(i, -1) >= t.rect.cols) throw invalidArgument(`Column ${i} is outside the range.`, 'Range.getColumn');
      return range(t, 'getColumn', { ...t.rect, col: t.rect.col + num(i, 0), cols: 1 });
    },
    getRowsAbove: (t, [n]) => range(t, 'getRowsAbove', { ...t.rect, row: t.rect.row - num(n, 1), rows: num(n, 1) }),
    getRowsBelow: (t, [n]) => range(t, 'getRowsBelow', { ...t.rect, row: t.rect.row + t.rect.rows, rows: num(n, 1) }),
    getColumnsBefore: (t, [n]) => range(t, 'getColumnsBefore', { ...t.rect, col: t.rect.col - num(n, 1), cols: num(n, 1) }),
    getColumnsAfter: (t, [n]) => range(t, 'getColumnsAfter', { ...t.rect, col: t.rect.col + t.rect.cols, cols: num(n, 1) }),
    getEntireColumn: (t) => range(t, 'getEntireColumn', { ...t.rect, row: 0, rows: MAX_ROWS }),
    getEntireRow: (t) => range(t, 'getEntireRow', { ...t.rect, col: 0, cols: MAX_COLS }),
    getLastCell: (t) => range(t, 'getLastCell', { row: t.rect.row + t.rect.rows - 1, col: t.rect.col + t.rect.cols - 1, rows: 1, cols: 1 }),
    getLastRow: (t) => range(t, 'getLastRow', { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 }),
    getLastColumn: (t) => range(t, 'getLastColumn', { ...t.rect, col: t.rect.col + t.rect.cols - 1, cols: 1 }),
    getIntersection: (t, [o], x) => {
      const r = intersect(t.rect, other(t, o, 'Range.getIntersection', x));
      if (!r) throw invalidArgument('The ranges do not intersect.', 'Range.getIntersection');
      return range(t, 'getIntersection', r);
    },
    getIntersectionOrNullObject: (t, [o], x) => range(t, 'getIntersectionOrNullObject', intersect(t.rect, other(t, o, 'Range.getIntersectionOrNullObject', x))),
    getBoundingRect: (t, [o], x) => {
      const a = t.rect,
        b = other(t, o, 'Range.getBoundingRect', x);
      const row = Math.min(a.row, b.row),
        col = Math.min(a.col, b.col);
      return range(t, 'getBoundingRect', {
        row,
        col,
        rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
        cols: Math.max(a.col + a.cols, b.col + b.cols) - col,
      });
    },
    getUsedRange: (t, [valuesOnly]) => {
      const r = used(t, valuesOnly);
      if (!r) throw officeError('ItemNotFound', 'The range has no used cells.', 'Range.getUsedRange');
      return range(t, 'getUsedRange', r);
    },
    getUsedRangeOrNullObject: (t, [valuesOnly]) => range(t, 'getUsedRangeOrNullObject', used(t, valuesOnly)),
    getMergedAreasOrNullObject: (t) => rangeAreasOf(t),
    // The library sends this before writing a large array in slices of ~1,500 cells.
    _ValidateArraySize: (t, [rows, cols]) => {
      if (rows !== t.rect.rows || cols !== t.rect.cols)
        throw invalidArgument(
          `The number of rows or columns in the input array (${rows}x${cols}) doesn't match the size or dimensions of the range (${t.rect.rows}x${t.rect.cols}).`,
          'Range._ValidateArraySize',
        );
      return null;
    },
    ...rangeEdits,
    ...rowEdits,
    getCellProperties,
  },
};
