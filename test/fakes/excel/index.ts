/**
 * A strict in-memory Excel for tests, the bench and the browser e2e build (browser-safe: no Node
 * APIs). It follows Office.js where adapters can go wrong: properties need load() + sync(),
 * writes apply at sync, request/response size limits, Excel's typing of written strings.
 */
import { FakeRequestContext } from './context';
import { officeError } from './errors';
import { Engine, FakeStats, newStats } from './request';
import { FakeSheetHandle, sheetHandle } from './sheet-handle';
import { seedSheet, SeedCell } from './seed';
import { rectA1 } from './a1';

export type { CellInit, SeedCell } from './seed';
export type { FakeStats } from './request';
export type { FakeSheetHandle, FakeCellView } from './sheet-handle';
export { FakeOfficeError } from './errors';

export interface FakeExcelOptions {
  maxRequestBytes?: number;   // default 5 MB, Excel on the web's request limit
  maxResponseBytes?: number;  // default 5 MB, the same limit on what loads bring back
  maxReadCells?: number;      // default 5,000,000 cells read in one request
}

export interface FakeExcel {
  context: Excel.RequestContext;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  stats: FakeStats;
  resetStats(): void;
  addSheet(name: string, rows?: SeedCell[][], options?: { startRow?: number; startColumn?: number; activate?: boolean }): FakeSheetHandle;
  sheetNames(): string[];
  activeSheetName(): string;
  sheet(name: string): FakeSheetHandle;
  failNextSync(code: string, message?: string): void;
  /** Extra: the selected cell range of the active sheet, e.g. 'A1'. */
  selectedAddress(): string | null;
}

const MB5 = 5 * 1024 * 1024;

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const engine = new Engine({
    maxRequestBytes: options.maxRequestBytes ?? MB5,
    maxResponseBytes: options.maxResponseBytes ?? MB5,
    maxReadCells: options.maxReadCells ?? 5_000_000,
  });
  const model = engine.model;
  const context = new FakeRequestContext(engine);
  const asExcel = (c: FakeRequestContext) => c as unknown as Excel.RequestContext;
  return {
    context: asExcel(context),
    /** Like Excel.run: a fresh context, a final sync of anything still queued, then the context is closed. */
    async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = new FakeRequestContext(engine);
      try {
        const pending = batch(asExcel(ctx));
        if (!pending || typeof (pending as Promise<T>).then !== 'function')
          throw officeError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise.');
        const result = await pending;
        if (ctx._pending > 0) await ctx.sync();
        return result;
      } finally {
        ctx._close();
      }
    },
    get stats() { return engine.stats; },
    resetStats() { engine.stats = newStats(); },
    addSheet(name, rows = [], opts = {}) {
      const s = model.addSheet(name, 'FakeExcel.addSheet');
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
    failNextSync(code, message = `Injected failure ${code}`) { engine.injected.push({ code, message }); },
    selectedAddress() {
      const sel = model.selection;
      return sel && sel.sheet === model.active ? rectA1(sel.rect) : model.active ? 'A1' : null;
    },
  };
}
