import { ExcelError, officeCodeOf, toExcelError } from './excel-error';

/** Excel.run's shape: production passes `Excel.run`, tests pass the fake's `run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface RequirementSet {
  name: string;
  version: string;
  /** What needs it, in words for the user: "dropdowns (data validation)". */
  purpose: string;
}

/** Everything the add-in does needs ExcelApi 1.8 (data validation; getRangeByIndexes is 1.7). */
export const BASE_REQUIREMENT: RequirementSet = { name: 'ExcelApi', version: '1.8', purpose: 'dropdowns (data validation)' };
/** Cell notes on invalid cells; without them cells are only coloured. */
export const NOTES_REQUIREMENT: RequirementSet = { name: 'ExcelApi', version: '1.18', purpose: 'notes on invalid cells' };

export interface ExcelDoorDeps {
  run: ExcelRun;
  isSetSupported: (name: string, version: string) => boolean;
  /** Waits between cell-edit retries; tests pass an instant one. */
  sleep?: (ms: number) => Promise<void>;
  /** Delays before each retry while a cell is edited; its length bounds the retries. */
  retryDelaysMs?: readonly number[];
}

export interface RunOptions {
  /** Requirement sets beyond BASE_REQUIREMENT. */
  requires?: readonly RequirementSet[];
}

export interface ExcelDoor {
  /**
   * Runs a batch in Excel. The batch is run again from the start when Excel rejects it because a
   * cell is being edited, so a batch must tolerate a re-run (Excel applies nothing of a rejected sync).
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  supports(requirement: RequirementSet): boolean;
}

// Users typically finish a cell edit within seconds: about 15 s in total before giving up.
const DEFAULT_DELAYS = [250, 500, 1000, 2000, 4000, 8000];

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The single door to Excel.run (STYLE habit 3): requirement checks, cell-edit retry, typed errors. */
export function createExcelDoor(deps: ExcelDoorDeps): ExcelDoor {
  const sleep = deps.sleep ?? realSleep;
  const delays = deps.retryDelaysMs ?? DEFAULT_DELAYS;
  const supports = (r: RequirementSet) => deps.isSetSupported(r.name, r.version);

  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const missing = [BASE_REQUIREMENT, ...(options.requires ?? [])].filter((r) => !supports(r));
    if (missing.length > 0) {
      const names = missing.map((r) => `${r.name} ${r.version} (for ${r.purpose})`).join(', ');
      throw new ExcelError('requirement-missing', `This version of Excel is too old for the add-in: it lacks ${names}. Update Excel or use Excel on the web.`);
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await deps.run(batch);
      } catch (error) {
        if (officeCodeOf(error) !== 'InvalidOperationInCellEditMode' || attempt >= delays.length) throw toExcelError(error);
        await sleep(delays[attempt]);
      }
    }
  }

  return { run, supports };
}
