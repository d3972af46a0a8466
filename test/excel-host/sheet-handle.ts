import { parseA1, rectA1 } from './model/a1';
import { formatText } from './model/number-format';
import { readGrid } from './model/range-data';
import { SheetModel, annotationKey } from './model/sheet-model';
import { WorkbookModel } from './model/workbook-model';

export interface CellView {
  value: unknown;
  text: string;
  formula: string | null;
  numberFormat: string;
  valueType: Excel.RangeValueType;
  fill: string | null;
  fontBold: boolean;
  fontColor: string | null;
  hyperlink: { address?: string; documentReference?: string } | null;
  note: string | null;
  validation: {
    type: 'List';
    source: string;
    inCellDropDown: boolean;
    errorAlert?: { style: string; showAlert: boolean; title?: string; message?: string };
    prompt?: { showPrompt: boolean; title?: string; message?: string };
  } | null;
}

/** Test-side inspection of a sheet: no load/sync rules. */
export interface SheetHandle {
  name: string;
  cell(address: string): CellView;
  values(): unknown[][];
  texts(): string[][];
  usedAddress(): string | null;
  /** Hides sheet rows `first`..`last`, 1-based and inclusive (as Excel's row headers number them). */
  hideRows(first: number, last: number): void;
  merge(address: string): void;
  freezeRows(): number;
  tables(): { name: string; address: string; hasHeaders: boolean }[];
  /** Every used column (or every column of `columns`, 0-based first and count) has been autofitted. */
  columnWidthsFitted(columns?: { first: number; count: number }): boolean;
  visible: boolean;
  position: number;
  hiddenRows(): number[];
  /** Seeds what a user made by hand: a threaded comment or a note on one cell ('B2'). */
  annotate(address: string, kind: 'comment' | 'note', content: string): void;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

export function sheetHandle(model: WorkbookModel, s: SheetModel): SheetHandle {
  const used = () => s.usedRect(false);
  return {
    get name() {
      return s.name;
    },
    cell(address) {
      const { rect } = parseA1(address);
      const c = s.cell(rect.row, rect.col);
      const nf = s.numberFormatAt(rect.row, rect.col);
      const [[valueType]] = readGrid(s, { ...rect, rows: 1, cols: 1 }, 'valueTypes') as Excel.RangeValueType[][];
      const v = s.validationAt(rect.row, rect.col);
      const list = v && 'list' in v.rule ? (v.rule as { list: { source: string; inCellDropDown: boolean } }).list : null;
      return {
        value: c ? c.v : '',
        text: c ? (c.t ?? formatText(c.v, nf, c.err, s.locale)) : '',
        formula: c?.f ?? null,
        numberFormat: nf,
        valueType,
        fill: c?.fill ?? null,
        fontBold: c?.bold ?? false,
        fontColor: c?.color ?? null,
        hyperlink: c?.link ? { address: c.link.address, documentReference: c.link.documentReference } : null,
        note: s.annotations.get(annotationKey(rect.row, rect.col))?.content ?? null,
        validation:
          list && v
            ? { type: 'List', source: list.source, inCellDropDown: list.inCellDropDown, errorAlert: { ...v.errorAlert }, prompt: { ...v.prompt } }
            : null,
      };
    },
    values() {
      const u = used();
      return u ? readGrid(s, u, 'values') : [];
    },
    texts() {
      const u = used();
      return u ? (readGrid(s, u, 'text') as string[][]) : [];
    },
    usedAddress() {
      const u = used();
      return u ? rectA1(u) : null;
    },
    hideRows(first, last) {
      for (let r = first; r <= last; r++) s.hiddenRows.add(r - 1);
    },
    hiddenRows() {
      return [...s.hiddenRows].map((r) => r + 1).sort((a, b) => a - b);
    },
    merge(address) {
      s.merge(parseA1(address).rect);
    },
    freezeRows() {
      return s.frozenRows;
    },
    tables() {
      return model.tables.filter((t) => t.sheet === s).map((t) => ({ name: t.name, address: rectA1(t.rect), hasHeaders: t.hasHeaders }));
    },
    columnWidthsFitted(columns) {
      const u = columns ? { col: columns.first, cols: columns.count } : used();
      if (!u) return false;
      for (let c = u.col; c < u.col + u.cols; c++) if (!s.autofitted.has(c)) return false;
      return true;
    },
    get visible() {
      return s.visibility === 'Visible';
    },
    set visible(v: boolean) {
      s.visibility = v ? 'Visible' : 'Hidden';
    },
    get position() {
      return model.sheets.indexOf(s);
    },
    annotate(address, kind, content) {
      const { rect } = parseA1(address);
      s.annotations.set(annotationKey(rect.row, rect.col), { kind, id: model.nextId(`{${kind}-`), content, resolved: false });
    },
    get visibility() {
      return s.visibility;
    },
    set visibility(v) {
      s.visibility = v;
    },
  };
}
