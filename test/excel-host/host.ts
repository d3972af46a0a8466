import { parseA1, rectA1 } from './model/a1';
import { writeValues } from './model/range-data';
import { sendChanged, sendRowSorted } from './events';
import { deleteRows, insertRows, sortRows } from './model/row-moves';
import { seedSheet, SeedCell } from './model/seed';
import { WorkbookModel } from './model/workbook-model';
import { answer, HostState } from './answer';
import { officeLibrary, registerHost } from './library';
import { sheetHandle, SheetHandle } from './sheet-handle';
import { HostStats, newStats } from './stats';
import { EN_US, HostLocale } from './model/locale';

export interface ExcelHostOptions {
  maxRequestBytes?: number; // default 5 MB, Excel on the web's request limit
  maxResponseBytes?: number; // default 5 MB, the same limit on what comes back
  maxReadCells?: number; // default 5,000,000 cells read in one request
  /** Regional settings (EN_US, DE_DE from model/locale.ts); en-US unless said. */
  locale?: HostLocale;
  /** 'web' (the default) or 'desktop': desktop Excel takes only the locale's list separator between areas. */
  platform?: 'web' | 'desktop';
}

/** An in-memory workbook answering Microsoft's own Excel library, plus what tests need to set it up and look inside. */
export interface ExcelHost {
  /** A RequestContext of the real library whose requests this host answers; it tracks objects as inside Excel.run. */
  context: Excel.RequestContext;
  /** Excel.run of the real library on a fresh context of this host (RunOptions such as delayForCellEdit pass through). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T>;
  stats: HostStats;
  resetStats(): void;
  addSheet(name: string, rows?: SeedCell[][], options?: { startRow?: number; startColumn?: number; activate?: boolean }): SheetHandle;
  sheetNames(): string[];
  activeSheetName(): string;
  sheet(name: string): SheetHandle;
  /** The next request fails with this Office error code, applying nothing. */
  failNextSync(code: string, message?: string): void;
  /** Request number `n` (1-based, counted from now) fails with `code`, applying nothing. */
  failSync(n: number, code: string, message?: string): void;
  /** Request number `n` (counted from now) is never answered: its sync() never settles. */
  hangSync(n: number): void;
  /** Request number `n` (counted from now) is slow but works: Excel applies it, and answers only once the returned function is called. */
  holdSync(n: number): () => void;
  /**
   * The user starts editing a cell: until endCellEdit(), every request fails with
   * InvalidOperationInCellEditMode, or waits for the edit to end when sent with delayForCellEdit.
   */
  beginCellEdit(): void;
  endCellEdit(): void;
  /** The selected cell range of the active sheet, e.g. 'A1'. */
  selectedAddress(): string | null;
  /** Every Office.js member the requests used so far, as `Type.member`. */
  membersUsed(): string[];
  /**
   * The user types or pastes `rows` into the sheet from `address` (its top-left cell) on: Excel's typing rules,
   * then one Worksheet.onChanged event for the area, delivered through the library's event path (events.ts).
   */
  edit(sheetName: string, address: string, rows: (string | number | boolean)[][]): void;
  /**
   * The user inserts (`'insert'`) or deletes (`'delete'`) whole rows (`'3:4'`), or sorts the rows of a block
   * (`'A2:K20'`, by its 0-based columns `keys`): the cells move as Range.insert/delete/sort move them, then
   * Worksheet.onChanged (RowInserted, RowDeleted) or Worksheet.onRowSorted, from the user (triggerSource Unknown).
   */
  moveRows(sheetName: string, how: 'insert' | 'delete', rows: string): void;
  sortRows(sheetName: string, address: string, keys: { column: number; ascending: boolean }[]): void;
}

const MB5 = 5 * 1024 * 1024;
let hosts = 0;

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const { Excel: xl } = officeLibrary();
  const state: HostState = {
    model: new WorkbookModel(`h${++hosts}-`),
    limits: {
      maxRequestBytes: options.maxRequestBytes ?? MB5,
      maxResponseBytes: options.maxResponseBytes ?? MB5,
      maxReadCells: options.maxReadCells ?? 5_000_000,
    },
    stats: newStats(),
    members: new Set(),
    references: new Map(),
    injections: new Map(),
    cellEdit: false,
    editWaiters: [],
  };
  const url = registerHost((request) => answer(state, request));
  const model = state.model;
  model.locale = options.locale ?? EN_US;
  model.platform = options.platform ?? 'web';
  const inject = (n: number, injection: Parameters<HostState['injections']['set']>[1]) => state.injections.set(state.stats.syncs + n, injection);
  // As inside Excel.run: Ranges are tracked, so product code may keep one across syncs.
  const context = new xl.RequestContext(url) as Excel.RequestContext & { _autoCleanup: boolean };
  context._autoCleanup = true;
  return {
    context,
    // Excel.run takes the host's URL as its session, as it would take a RequestUrlAndHeaderInfo.
    run: (batch, runOptions = {}) => xl.run({ ...runOptions, session: url } as Excel.RunOptions, batch),
    get stats() {
      return state.stats;
    },
    resetStats() {
      // Injections count requests: keep the pending ones pointing at the same future request.
      const shifted = [...state.injections].map(([n, i]) => [n - state.stats.syncs, i] as const);
      state.stats = newStats();
      state.injections = new Map(shifted.filter(([n]) => n > 0));
    },
    addSheet(name, rows = [], opts = {}) {
      const s = model.addSheet(name, 'ExcelHost.addSheet');
      seedSheet(s, rows, opts.startRow ?? 0, opts.startColumn ?? 0);
      if (opts.activate) model.active = s;
      return sheetHandle(model, s);
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    activeSheetName: () => model.active?.name ?? '',
    sheet(name) {
      const s = model.find(name);
      if (!s) throw new Error(`No sheet named '${name}'`);
      return sheetHandle(model, s);
    },
    failNextSync(code, message = `Injected failure ${code}`) {
      inject(1, { kind: 'fail', code, message });
    },
    failSync(n, code, message = `Injected failure ${code}`) {
      inject(n, { kind: 'fail', code, message });
    },
    hangSync(n) {
      inject(n, { kind: 'hang' });
    },
    holdSync(n) {
      let release!: () => void;
      inject(n, { kind: 'hold', released: new Promise<void>((resolve) => (release = resolve)) });
      return () => release();
    },
    beginCellEdit() {
      state.cellEdit = true;
    },
    endCellEdit() {
      state.cellEdit = false;
      for (const resume of state.editWaiters.splice(0)) resume();
    },
    selectedAddress() {
      const sel = model.selection;
      return sel && sel.sheet === model.active ? rectA1(sel.rect) : model.active ? 'A1' : null;
    },
    membersUsed: () => [...state.members].sort(),
    edit(sheetName, address, rows) {
      const s = model.get(sheetName, 'ExcelHost.edit');
      const at = parseA1(address).rect;
      const rect = { row: at.row, col: at.col, rows: rows.length, cols: Math.max(0, ...rows.map((r) => r.length)) };
      const before = rect.rows * rect.cols === 1 ? (s.cell(rect.row, rect.col)?.v ?? '') : undefined;
      writeValues(s, rect, rows, 'ExcelHost.edit');
      s.changes.length = 0;
      const single = before === undefined ? undefined : { before, after: s.cell(rect.row, rect.col)?.v ?? '' };
      sendChanged(s, rect, 'Unknown', single);
    },
    moveRows(sheetName, how, rows) {
      const s = model.get(sheetName, 'ExcelHost.moveRows');
      const { rect } = parseA1(rows);
      if (how === 'insert') insertRows(s, model.tables, rect.row, rect.rows);
      else deleteRows(s, model.tables, rect.row, rect.rows);
      model.tables = model.tables.filter((t) => !t.deleted);
      sendChanged(s, rect, 'Unknown', undefined, how === 'insert' ? 'RowInserted' : 'RowDeleted');
    },
    sortRows(sheetName, address, keys) {
      const s = model.get(sheetName, 'ExcelHost.sortRows');
      const { rect } = parseA1(address);
      sortRows(s, rect, keys, false, 'ExcelHost.sortRows');
      sendRowSorted(s, rect);
    },
  };
}
