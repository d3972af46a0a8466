import type { ClientRow, ImportCounts, ReportRow, RowResult } from '../domain/api-types';
import { CancelledError } from './api-errors';
import { planImport, rowsFingerprint } from './batch-plan';
import type { PortalClient } from './portal-client';

/** What a caller persists to resume an interrupted import: same import id, answered batches skipped. */
export interface ImportState {
  importId: string;
  /** Batch numbers (1-based) the portal has answered. */
  doneSeqs: number[];
  rowsTotal: number;
  /** Fingerprint of the rows submitted; a resume with other rows would mix two imports. */
  fingerprint: string;
  completed: boolean;
  /** What the answered batches recorded so far, so a stop part-way can say what was already imported. */
  counts: ImportCounts;
}

export interface ImportProgress {
  rowsDone: number;
  rowsTotal: number;
  batchesDone: number;
  batchesTotal: number;
}

export interface RunImportOptions {
  rows: readonly ClientRow[];
  sendInvitations?: boolean;
  source?: string;
  /** A state saved from an interrupted run of the same rows. */
  resume?: ImportState | null;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after every answered batch, so the caller can persist where it got to. */
  onState?: (state: ImportState) => void;
  /** Batches sent before the first is answered (default 3); the portal still applies them in order. */
  inFlight?: number;
}

const IN_FLIGHT = 3;

export interface ImportOutcome {
  importId: string;
  counts: ImportCounts;
  /** Every submitted row with its result, in row order, as the portal recorded it. */
  report: ReportRow[];
}

/** True when `state` belongs to an unfinished import of exactly these rows. */
export function canResume(state: ImportState | null | undefined, rows: readonly ClientRow[]): state is ImportState {
  return !!state && !state.completed && state.fingerprint === rowsFingerprint(rows);
}

/**
 * Submits rows in batches, several in flight, completes the import and returns the portal's report.
 * Each batch names the one before it (`after`), so the portal applies them in file order whatever
 * order they arrive in. On cancel or failure the last `onState` value resumes the import without duplicates.
 */
export async function runImport(client: PortalClient, options: RunImportOptions): Promise<ImportOutcome> {
  const { rows, signal } = options;
  const { batches, fingerprint } = planImport(rows);
  if (options.resume && !canResume(options.resume, rows)) {
    throw new Error('The template changed since the import was interrupted, so it cannot be resumed. Start a new import.');
  }
  let state: ImportState = options.resume
    ? { ...options.resume, doneSeqs: [...options.resume.doneSeqs], counts: options.resume.counts ?? NO_COUNTS }
    : {
        importId: (await client.createImport({ source: options.source, sendInvitations: options.sendInvitations }, signal)).id,
        doneSeqs: [],
        rowsTotal: rows.length,
        fingerprint,
        completed: false,
        counts: NO_COUNTS,
      };
  options.onState?.(state);

  const done = new Set(state.doneSeqs);
  const answers = new Map<number, RowResult[]>();
  const reportProgress = () => {
    const rowsDone = batches.reduce((sum, batch, i) => sum + (done.has(i + 1) ? batch.length : 0), 0);
    options.onProgress?.({ rowsDone, rowsTotal: rows.length, batchesDone: done.size, batchesTotal: batches.length });
  };
  reportProgress();

  // A failed batch stops the batches after it (they could only wait for it); those before it finish and count.
  const inFlight = new Map<number, AbortController>();
  const onCancel = () => inFlight.forEach((c) => c.abort());
  signal?.addEventListener('abort', onCancel);
  const failed = { seq: Infinity, error: undefined as unknown };
  const todo = batches.map((_, i) => i + 1).filter((seq) => !done.has(seq));
  const sender = async () => {
    while (failed.seq === Infinity && todo.length > 0 && !signal?.aborted) {
      const seq = todo.shift()!;
      const stop = new AbortController();
      inFlight.set(seq, stop);
      try {
        answers.set(seq, await client.putBatch(state.importId, seq, batches[seq - 1], stop.signal, seq > 1 ? seq - 1 : undefined));
      } catch (error) {
        if (seq < failed.seq) Object.assign(failed, { seq, error });
        inFlight.forEach((c, s) => s > seq && c.abort());
        return;
      } finally {
        inFlight.delete(seq);
      }
      done.add(seq);
      state = { ...state, doneSeqs: [...done].sort((a, b) => a - b), counts: addCounts(state.counts, answers.get(seq)!) };
      options.onState?.(state);
      reportProgress();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.inFlight ?? IN_FLIGHT) }, sender));
  } finally {
    signal?.removeEventListener('abort', onCancel);
  }
  if (signal?.aborted) throw new CancelledError();
  if (failed.seq !== Infinity) throw failed.error;

  if (signal?.aborted) throw new CancelledError();
  const completed = await client.completeImport(state.importId, signal);
  state = { ...state, completed: true, counts: completed.counts };
  options.onState?.(state);
  // Batch answers are what the portal recorded; only batches answered before a resume need the report download.
  const report = answers.size === batches.length ? joinAnswers(batches, answers) : await client.report(state.importId, signal);
  return { importId: state.importId, counts: completed.counts, report };
}

const NO_COUNTS: ImportCounts = { rows: 0, imported: 0, rejected: 0 };

function addCounts(counts: ImportCounts, results: readonly RowResult[]): ImportCounts {
  const imported = results.filter((r) => r.outcome === 'imported').length;
  return { rows: counts.rows + results.length, imported: counts.imported + imported, rejected: counts.rejected + results.length - imported };
}

function joinAnswers(batches: readonly (readonly ClientRow[])[], answers: ReadonlyMap<number, RowResult[]>): ReportRow[] {
  const report = batches.flatMap((batch, i) => {
    const results = answers.get(i + 1)!;
    // The portal answers in the order it was sent; look rows up by number only if it did not.
    const inOrder = results.length === batch.length && results.every((r, k) => r.row === batch[k].row);
    const byRow = inOrder ? null : new Map(results.map((result) => [result.row, result]));
    return batch.map((row, k) => ({ ...row, ...(byRow ? byRow.get(row.row)! : results[k]) }));
  });
  // Rows read from a sheet come in row order already; sort only when they do not.
  return report.every((r, k) => k === 0 || report[k - 1].row <= r.row) ? report : report.sort((a, b) => a.row - b.row);
}
