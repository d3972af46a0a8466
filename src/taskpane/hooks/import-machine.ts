import type { ImportCounts } from '../../domain';
import type { ImportProgress, ImportState } from '../../api';
import { stoppedResult, type ImportPhase, type ImportResult, type SavedResume } from './import-result';

/** One import's state in the pane: a plain value, changed only by `importReducer`. */
export interface ImportMachine {
  phase: ImportPhase;
  /** The source key of the import under way or last run. */
  source: string | null;
  /** Rows in the source (sent and held back), once read. */
  rowsTotal: number;
  /** Invalid cells marked before sending; null for a dropped file. */
  marked: number | null;
  progress: ImportProgress | null;
  /** The portal's record of the import so far (what a stop part-way reports). */
  portal: ImportState | null;
  result: ImportResult | null;
  /** The interrupted import that Resume picks up, if any. */
  resumable: SavedResume | null;
  /** A start asked for while an import was running (refused: one import at a time); cleared by the next start. */
  refused: string | null;
}

export type ImportEvent =
  /** Begin reading `source`, resuming `portal` when it is a saved state; refused while an import runs. */
  | { type: 'start'; source: string; portal: ImportState | null }
  /** The rows are read and sending begins. */
  | { type: 'read'; source: string; rowsTotal: number; marked: number | null }
  | { type: 'progress'; progress: ImportProgress }
  /** The portal answered a batch: its state, saved for Resume until the import completes. */
  | { type: 'portal'; state: ImportState }
  /** Every row is answered; the exception sheet is being written. */
  | { type: 'sent'; importId: string; counts: ImportCounts }
  /** The import is over; the sheet written, or null when writing it failed. */
  | { type: 'written'; sheetName: string | null }
  | { type: 'stopped'; cancelled: boolean };

export const RUNNING: readonly ImportPhase[] = ['reading', 'importing', 'writing'];

export const isRunning = (machine: ImportMachine) => RUNNING.includes(machine.phase);

export function initialImport(resumable: SavedResume | null): ImportMachine {
  return { phase: 'idle', source: null, rowsTotal: 0, marked: null, progress: null, portal: null, result: null, resumable, refused: null };
}

/**
 * The import's phases: idle → reading → importing → writing → done, or failed / cancelled from any
 * running phase; a new start from any phase that is not running. An event the phase does not expect
 * changes nothing (a late progress report after a stop is not news).
 */
export function importReducer(machine: ImportMachine, event: ImportEvent): ImportMachine {
  if (event.type === 'start') {
    if (isRunning(machine)) return { ...machine, refused: event.source };
    return { ...initialImport(machine.resumable), phase: 'reading', source: event.source, portal: event.portal };
  }
  if (!isRunning(machine)) return machine;
  switch (event.type) {
    case 'read':
      return machine.phase === 'reading' ? { ...machine, phase: 'importing', source: event.source, rowsTotal: event.rowsTotal, marked: event.marked } : machine;
    case 'progress':
      return machine.phase === 'importing' ? { ...machine, progress: event.progress } : machine;
    case 'portal': {
      if (machine.phase !== 'importing') return machine;
      const resumable = event.state.completed ? null : { source: machine.source ?? '', state: event.state };
      return { ...machine, portal: event.state, resumable };
    }
    case 'sent':
      if (machine.phase !== 'importing') return machine;
      return {
        ...machine,
        phase: 'writing',
        resumable: null,
        result: {
          importId: event.importId,
          source: machine.source ?? '',
          rowsTotal: machine.rowsTotal,
          counts: event.counts,
          completed: true,
          marked: machine.marked,
          sheetName: null,
        },
      };
    case 'written':
      return machine.phase === 'writing' && machine.result ? { ...machine, phase: 'done', result: { ...machine.result, sheetName: event.sheetName } } : machine;
    case 'stopped':
      return {
        ...machine,
        phase: event.cancelled ? 'cancelled' : 'failed',
        result: machine.result ?? stoppedResult(machine.portal, machine.source ?? '', machine.rowsTotal, machine.marked),
      };
  }
}
