import type { ImportState } from '../../api';
import type { ClientRow, ImportCounts } from '../../domain';
import type { ExceptionSource } from '../../excel';

export type ImportPhase = 'idle' | 'reading' | 'importing' | 'writing' | 'done' | 'cancelled' | 'failed';

/** The rows an import sends, as a source hands them over. */
export interface ImportRows {
  /** Every row of the source, in row order; a row the source could not read carries `heldBack` (the portal rejects it with that comment). */
  rows: ClientRow[];
  /** Where exception rows link back to; null when the rows are not in this workbook (a dropped file). */
  link: ExceptionSource | null;
  /** Cells marked invalid in the sheet before sending (the sheet source checks first, as Check does). */
  marked?: number;
  /** The source's key as found when read (the sheet's name may be known only then). */
  key?: string;
}

/** Where an import's rows come from: the template in this workbook, or a dropped file. */
export interface ImportSource {
  /** `sheet:Clients` or `file:clients.xlsx`: sent as the import's source; a saved resume applies only to the same key. */
  key: string;
  /** `signal` aborts with the import's Cancel (reading a large file can take a while). */
  read(signal: AbortSignal): Promise<ImportRows>;
}

/** What the pane shows about the last import, finished or stopped part-way. */
export interface ImportResult {
  importId: string;
  source: string;
  /** Rows in the source. */
  rowsTotal: number;
  /** What the portal recorded: all rows once completed, else the batches answered so far. */
  counts: ImportCounts;
  completed: boolean;
  /** Invalid cells marked before sending; null for a dropped file. */
  marked: number | null;
  /** The exception sheet written, or null (not written, or writing it failed). */
  sheetName: string | null;
}

/** An interrupted import, kept in the settings so Resume can pick it up. */
export interface SavedResume {
  source: string;
  state: ImportState;
}

export const RESUME_SETTING = 'resume';

/** The result to show when an import stopped after `state` (null: it stopped before the portal heard of it). */
export function stoppedResult(state: ImportState | null, source: string, rowsTotal: number, marked: number | null): ImportResult | null {
  if (!state) return null;
  return {
    importId: state.importId,
    source,
    rowsTotal,
    counts: state.counts ?? { rows: 0, imported: 0, rejected: 0 },
    completed: state.completed,
    marked,
    sheetName: null,
  };
}

/** `sheet:Clients` → `the sheet Clients`, for sentences. */
export function describeSource(key: string | null): string {
  if (!key) return 'an unnamed source';
  const [kind, ...rest] = key.split(':');
  const name = rest.join(':');
  return kind === 'file' ? `the file ${name}` : kind === 'sheet' ? `the sheet ${name}` : key;
}
