import { ExcelError, officeCodeOf, toExcelError } from './excel-error';
import { realTimer, watchSyncs, type SlowListener, type StartTimer } from './sync-watchdog';

/** Excel.run's shape: production passes `(batch, options) => Excel.run(options, batch)`, tests the Excel host's `run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;

export interface RequirementSet {
  name: string;
  version: string;
  /** What needs it, in words for the user: "dropdowns (data validation)". */
  purpose: string;
}

/** Everything the add-in does needs ExcelApi 1.8 (data validation; getRangeByIndexes is 1.7). */
export const BASE_REQUIREMENT: RequirementSet = { name: 'ExcelApi', version: '1.8', purpose: 'dropdowns (data validation)' };
/**
 * Excel.run({ delayForCellEdit: true }) waits for the user to leave a cell instead of failing
 * (Excel.RunOptions in the ExcelApi reference). Office.js itself sends the flag only where the host
 * has the DelayForCellEdit set (onBeforeExcelRun in excel-web-16.00.debug.js); the door asks too, and
 * keeps retrying where the host lacks it.
 */
export const DELAY_FOR_CELL_EDIT: RequirementSet = { name: 'DelayForCellEdit', version: '1.1', purpose: 'waiting while a cell is edited' };
/** Cell notes on invalid cells; without them cells are only coloured. */
export const NOTES_REQUIREMENT: RequirementSet = { name: 'ExcelApi', version: '1.18', purpose: 'notes on invalid cells' };
/** Worksheet.getRanges: fills many separate cells in one operation (marks, rejected rows); without it, one range per cell. */
export const AREAS_REQUIREMENT: RequirementSet = { name: 'ExcelApi', version: '1.9', purpose: 'filling many separate cells at once' };
/** Optional: without it, a sort is checked at the next edit or Check (Worksheet.onRowSorted). */
export const SORT_EVENTS_REQUIREMENT: RequirementSet = { name: 'ExcelApi', version: '1.10', purpose: 'checking the template again after a sort' };

export interface ExcelDoorDeps {
  run: ExcelRun;
  isSetSupported: (name: string, version: string) => boolean;
  /** Waits between cell-edit retries; tests pass an instant one. */
  sleep?: (ms: number) => Promise<void>;
  /** Delays before each retry while a cell is edited; its length bounds the retries. */
  retryDelaysMs?: readonly number[];
  /** Timer for the 60 s watchdog on each context.sync(); tests pass one they fire themselves. */
  startTimer?: StartTimer;
}

export interface RunOptions {
  /** Requirement sets beyond BASE_REQUIREMENT. */
  requires?: readonly RequirementSet[];
  /** What the batch does, for the watchdog's message: "writing the exception sheet". */
  step?: string;
}

export interface ExcelDoor {
  /**
   * Runs a batch in Excel, with a watchdog on each of its syncs. Where Excel cannot delay a batch
   * while a cell is edited, a rejected batch is run again from the start: earlier syncs of it were
   * applied, so every multi-sync batch must be safe to run again (no second sheet, no double marks).
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  supports(requirement: RequirementSet): boolean;
  /** Hears of a sync Excel has not answered for 60 s (what to tell the user), and null once it answers; returns the unsubscribe. */
  onSlow(listener: SlowListener): () => void;
}

// Users typically finish a cell edit within seconds: about 15 s in total before giving up.
const DEFAULT_DELAYS = [250, 500, 1000, 2000, 4000, 8000];

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The single door to Excel.run (STYLE habit 3): requirement checks, cell-edit retry, typed errors. */
export function createExcelDoor(deps: ExcelDoorDeps): ExcelDoor {
  const sleep = deps.sleep ?? realSleep;
  const delays = deps.retryDelaysMs ?? DEFAULT_DELAYS;
  const supports = (r: RequirementSet) => deps.isSetSupported(r.name, r.version);
  const startTimer = deps.startTimer ?? realTimer;
  const slowListeners = new Set<SlowListener>();
  const slow: SlowListener = (notice) => {
    for (const listener of slowListeners) listener(notice);
  };

  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const missing = [BASE_REQUIREMENT, ...(options.requires ?? [])].filter((r) => !supports(r));
    if (missing.length > 0) {
      const names = missing.map((r) => `${r.name} ${r.version} (for ${r.purpose})`).join(', ');
      throw new ExcelError('requirement-missing', `This version of Excel is too old for the add-in: it lacks ${names}. Update Excel or use Excel on the web.`);
    }
    const runOptions: Excel.RunOptions = supports(DELAY_FOR_CELL_EDIT) ? { delayForCellEdit: true } : {};
    const step = options.step ?? 'working in the workbook';
    for (let attempt = 0; ; attempt += 1) {
      let stall: (error: ExcelError) => void = () => undefined;
      const stalled = new Promise<never>((_, reject) => (stall = reject));
      let stopWatch = () => undefined as void;
      const watched = (context: Excel.RequestContext) => {
        stopWatch = watchSyncs(context, step, startTimer, stall, slow);
        return batch(context);
      };
      try {
        // A stalled sync may leave Excel.run pending for good: the race answers the user regardless.
        return await Promise.race([deps.run(watched, runOptions), stalled]);
      } catch (error) {
        if (officeCodeOf(error) !== 'InvalidOperationInCellEditMode' || attempt >= delays.length) throw toExcelError(error);
        await sleep(delays[attempt]);
      } finally {
        stopWatch();
      }
    }
  }

  return {
    run,
    supports,
    onSlow: (listener) => {
      slowListeners.add(listener);
      return () => void slowListeners.delete(listener);
    },
  };
}
