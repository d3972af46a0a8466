import { Rect, intersect, MAX_ROWS } from './a1';
import { CellValue } from './number-format';
import { EN_US, HostLocale } from './locale';

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}
export interface ListRule {
  list: { inCellDropDown: boolean; source: string };
}
export interface ValidationState {
  rule: ListRule | Record<string, unknown>;
  errorAlert: { style: string; showAlert: boolean; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}
/** One stored cell. `v === ''` and no formula means empty value. */
export interface Cell {
  v: CellValue;
  f?: string;
  err?: boolean;
  nf?: string;
  t?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  link?: Hyperlink;
}
export interface Annotation {
  kind: 'note' | 'comment';
  id: string;
  content: string;
  resolved: boolean;
}

const hasValue = (c: Cell) => c.v !== '' || c.f !== undefined;
const hasAnything = (c: Cell) =>
  hasValue(c) || c.nf !== undefined || c.fill !== undefined || c.bold !== undefined || c.italic !== undefined || c.color !== undefined || c.link !== undefined;

/** A worksheet's state. Cells are sparse: a Map of row arrays, so 1.1M cells stay cheap. */
export class SheetModel {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  deleted = false;
  readonly rows = new Map<number, (Cell | undefined)[]>();
  readonly columnFormats = new Map<number, string>(); // number format of whole columns
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly autofitted = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  merges: Rect[] = [];
  frozenRows = 0;
  frozenCols = 0;
  showGridlines = true;
  tabColor = '';
  /** Later entries win; a `null` state is a cleared area. */
  validations: { rect: Rect; state: ValidationState | null }[] = [];
  readonly annotations = new Map<string, Annotation>();
  /** Change handlers registered on this sheet (`_RegisterDataChangedEvent` minus `_Unregister…`); events go out while above 0. */
  changeListeners = 0;
  /** Sort handlers registered on this sheet (`_RegisterRowSortedEvent`, Worksheet.onRowSorted, ExcelApi 1.10). */
  sortListeners = 0;
  /** Rows the last request inserted, deleted or sorted, for the events sent after it (events.ts). */
  readonly rowEvents: { kind: 'RowInserted' | 'RowDeleted' | 'RowSorted'; rect: Rect }[] = [];
  /** Areas whose values the current request changed, sent as change events once it is answered (events.ts). */
  readonly changes: Rect[] = [];
  /** The workbook's regional settings (WorkbookModel.locale), for typing and showing numbers. */
  locale: HostLocale = EN_US;
  /** Worksheet protection (types/protection.ts); null when unprotected. */
  protection: { password: string; options: Record<string, boolean> } | null = null;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.rows.get(row)?.[col];
  }

  /** The stored cell, storing `fresh` (an empty one by default) where there is none. */
  ensure(row: number, col: number, fresh?: Cell): Cell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = []));
    return (r[col] ??= fresh ?? { v: '' });
  }

  numberFormatAt(row: number, col: number): string {
    return this.cell(row, col)?.nf ?? this.columnFormats.get(col) ?? 'General';
  }

  /** Cells of `rect` that exist, without materialising the empty ones. */
  *existing(rect: Rect): Generator<[number, number, Cell]> {
    for (const r of this.rowList(rect)) {
      const arr = this.rows.get(r);
      if (!arr) continue;
      for (let c = rect.col; c < Math.min(rect.col + rect.cols, arr.length); c++) if (arr[c]) yield [r, c, arr[c]!];
    }
  }

  /** The stored cells of `rect` in sheet order, as `existing`, without a tuple per cell; stops when `visit` returns true. */
  someExisting(rect: Rect, visit: (cell: Cell) => boolean): boolean {
    for (const r of this.rowList(rect)) {
      const arr = this.rows.get(r);
      if (!arr) continue;
      for (let c = rect.col; c < Math.min(rect.col + rect.cols, arr.length); c++) if (arr[c] && visit(arr[c]!)) return true;
    }
    return false;
  }

  /** Rows of `rect` that may hold cells, ascending. */
  private rowList(rect: Rect): number[] {
    const r1 = rect.row + rect.rows;
    return rect.rows <= this.rows.size
      ? Array.from({ length: rect.rows }, (_, i) => rect.row + i)
      : [...this.rows.keys()].filter((r) => r >= rect.row && r < r1).sort((a, b) => a - b);
  }

  /** Excel's used range: cells with a value or (unless valuesOnly) a format. Null when blank. */
  usedRect(valuesOnly = false): Rect | null {
    let r0 = Infinity,
      r1 = -1,
      c0 = Infinity,
      c1 = -1;
    const keep = valuesOnly ? hasValue : hasAnything;
    for (const [r, arr] of this.rows) {
      for (let c = 0; c < arr.length; c++) {
        const cell = arr[c];
        if (!cell || !keep(cell)) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Excel keeps only the top-left value of merged cells. */
  merge(rect: Rect): void {
    for (const [r, c, cell] of this.existing(rect)) if (r !== rect.row || c !== rect.col) emptyValue(cell);
    this.merges.push(rect);
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols);
  }

  validationAt(row: number, col: number): ValidationState | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const v = this.validations[i];
      if (intersect(v.rect, { row, col, rows: 1, cols: 1 })) return v.state;
    }
    return null;
  }

  isEntireColumns = (rect: Rect) => rect.row === 0 && rect.rows === MAX_ROWS;
}

/** Removes a property from a cell; `delete` of an absent one is a slow runtime call, paid 600,000 times in one large write. */
export function drop(cell: Cell, key: keyof Cell): void {
  if (key in cell) delete cell[key];
}

/** Empties a cell's value and formula, keeping its formats. */
export function emptyValue(cell: Cell): void {
  cell.v = '';
  drop(cell, 'f');
  drop(cell, 'err');
  drop(cell, 't');
}

export const annotationKey = (row: number, col: number) => `${row}:${col}`;
