import { invalidArgument, notModelled } from '../model/errors';
import { styleTargets, uniform } from '../model/range-data';
import { Cell } from '../model/sheet-model';
import { HostType, ref, Scalar } from '../host-type';
import { normalizeColor } from './color';
import { liveSheet, RangeTarget } from './range-target';

const cells = (t: RangeTarget, where: string) => styleTargets(liveSheet(t.sheet, where), t.rect);
const STANDARD_WIDTH = 48,
  STANDARD_HEIGHT = 15;

/** A style flag read as one value for the range, or null when the cells differ (as Excel answers). */
function cellStyle<K extends 'bold' | 'italic'>(key: K, type: string): Scalar<RangeTarget> {
  return {
    get: (t) => uniform(t.sheet, t.rect, (c) => c?.[key] ?? false),
    set: (t, v) => {
      if (typeof v !== 'boolean') throw invalidArgument('Expected true or false.', `${type}.${key}`);
      for (const c of cells(t, `${type}.${key}`)) c[key] = v;
    },
  };
}

// A colour read over many cells is null unless every cell has it: "Properties return null when a range
// contains multiple different values (like different font colors)" (learn.microsoft.com/office/dev/
// add-ins/excel/excel-add-ins-blank-null-values). Marking relies on it (src/excel/cell-marks.ts).
function colour(key: 'fill' | 'color', type: string, blank: string): Scalar<RangeTarget> {
  return {
    get: (t) => uniform(t.sheet, t.rect, (c: Cell | undefined) => c?.[key] ?? blank),
    set: (t, v) => {
      const c = normalizeColor(v, `${type}.color`);
      for (const cell of cells(t, `${type}.color`)) cell[key] = c;
    },
  };
}

const fixed = (member: string, value: unknown): Scalar<RangeTarget> => ({
  get: () => value,
  set: () => {
    throw notModelled(member);
  },
});

export const rangeFillType: HostType<RangeTarget> = {
  name: 'RangeFill',
  scalars: { color: colour('fill', 'RangeFill', '#FFFFFF') },
  methods: {
    clear: (t) => {
      for (const c of cells(t, 'RangeFill.clear')) delete c.fill;
      return null;
    },
  },
};

export const rangeFontType: HostType<RangeTarget> = {
  name: 'RangeFont',
  scalars: {
    bold: cellStyle('bold', 'RangeFont'),
    italic: cellStyle('italic', 'RangeFont'),
    color: colour('color', 'RangeFont', '#000000'),
    name: fixed('RangeFont.name (set)', 'Aptos Narrow'),
    size: fixed('RangeFont.size (set)', 11),
  },
};

/** range.format: widths, heights, autofit (recorded per column; the width itself is not computed). */
export const rangeFormatType: HostType<RangeTarget> = {
  name: 'RangeFormat',
  defaults: ['columnWidth', 'rowHeight'],
  scalars: {
    columnWidth: {
      get: ({ sheet: s, rect: r }) => {
        const w = s.columnWidths.get(r.col) ?? STANDARD_WIDTH;
        for (let c = r.col; c < r.col + Math.min(r.cols, 1000); c++) if ((s.columnWidths.get(c) ?? STANDARD_WIDTH) !== w) return null;
        return w;
      },
      set: ({ sheet: s, rect: r }, v) => {
        if (typeof v !== 'number' || !(v >= 0)) throw invalidArgument('Expected a non-negative number.', 'RangeFormat.columnWidth');
        for (let c = r.col; c < r.col + r.cols; c++) {
          s.columnWidths.set(c, v);
          s.autofitted.delete(c);
        }
      },
    },
    rowHeight: {
      get: ({ sheet: s, rect: r }) => s.rowHeights.get(r.row) ?? STANDARD_HEIGHT,
      set: ({ sheet: s, rect: r }, v) => {
        if (typeof v !== 'number' || !(v >= 0)) throw invalidArgument('Expected a non-negative number.', 'RangeFormat.rowHeight');
        for (let i = r.row; i < r.row + Math.min(r.rows, 100000); i++) s.rowHeights.set(i, v);
      },
    },
  },
  navs: { fill: (t) => ref(rangeFillType, t), font: (t) => ref(rangeFontType, t) },
  methods: {
    autofitColumns: ({ sheet: s, rect: r }) => {
      for (let c = r.col; c < r.col + Math.min(r.cols, 16384); c++) s.autofitted.add(c);
      return null;
    },
    autofitRows: () => null,
  },
};
