import { useCallback, useRef, useState } from 'react';
import { canResume, CancelledError, runImport, type ImportProgress, type ImportState } from '../../api';
import type { ClientRow } from '../../domain';
import type { ExceptionSource } from '../../excel';
import type { PaneServices } from '../services/pane-services';
import type { SettingsStore } from '../services/settings-store';
import type { WorkbookPort } from '../workbook/workbook-port';
import type { Connection } from './use-connection';
import type { Reporter } from './use-error-bar';

export type ImportPhase = 'idle' | 'reading' | 'importing' | 'writing' | 'done' | 'cancelled' | 'failed';

export interface ImportSummary {
  importId: string;
  rows: number;
  imported: number;
  rejected: number;
  sheetName: string;
  source: string;
}

/** What one import needs: where the rows come from and where exception rows link back to. */
export interface ImportJobSpec {
  /** `sheet:Clients` or `file:clients.xlsx`; a saved resume only applies to the same source. */
  source: string;
  /** `link` null when the rows are not in this workbook (a dropped file): Row shows plain numbers. */
  rows: () => Promise<{ rows: ClientRow[]; link: ExceptionSource | null }>;
}

interface SavedResume {
  source: string;
  state: ImportState;
}

export interface ImportRunner {
  phase: ImportPhase;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  /** The source of an interrupted import that can be resumed, if any. */
  resumableSource: string | null;
  run(job: ImportJobSpec, mode: 'new' | 'resume'): Promise<void>;
  cancel(): void;
  downloadReport(): Promise<void>;
}

const RESUME_KEY = 'resume';

/** Runs an import end to end: rows → batches (progress, cancel, resume) → exception sheet → summary. */
export function useImportRunner(workbook: WorkbookPort, connection: Connection, services: PaneServices, settings: SettingsStore, reporter: Reporter): ImportRunner {
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [resumable, setResumable] = useState<SavedResume | null>(() => settings.read<SavedResume>(RESUME_KEY));
  const controller = useRef<AbortController | null>(null);
  const { client } = connection;

  const run = useCallback(
    async (job: ImportJobSpec, mode: 'new' | 'resume') => {
      if (controller.current) return; // one import at a time
      if (!client) return reporter.fail(new Error('Connect to the portal before importing.'));
      const abort = (controller.current = new AbortController());
      reporter.clear();
      setSummary(null);
      setProgress(null);
      let resumeFrom: ImportState | null = null;
      try {
        setPhase('reading');
        const { rows, link } = await job.rows();
        if (rows.length === 0) throw new Error('The template has no client rows to import.');
        if (mode === 'resume') {
          const saved = settings.read<SavedResume>(RESUME_KEY);
          if (!saved || saved.source !== job.source || !canResume(saved.state, rows)) {
            throw new Error('The rows changed since the import was interrupted, so it cannot be resumed. Start a new import.');
          }
          resumeFrom = saved.state;
        }
        setPhase('importing');
        const outcome = await runImport(client, {
          rows,
          source: job.source,
          resume: resumeFrom,
          signal: abort.signal,
          onProgress: setProgress,
          onState: (state) => {
            const saved = { source: job.source, state };
            settings.write(RESUME_KEY, saved);
            setResumable(state.completed ? null : saved);
          },
        });
        setPhase('writing');
        const sheet = await workbook.writeExceptions(outcome.report, link);
        settings.remove(RESUME_KEY);
        setResumable(null);
        setSummary({ importId: outcome.importId, rows: outcome.counts.rows, imported: outcome.counts.imported, rejected: outcome.counts.rejected, sheetName: sheet.sheetName, source: job.source });
        setPhase('done');
      } catch (error) {
        if (error instanceof CancelledError) {
          setPhase('cancelled');
          reporter.say({ intent: 'warning', text: 'Import cancelled. Rows already sent stay imported; Resume import sends the rest without duplicates.' });
        } else {
          setPhase('failed');
          reporter.fail(error);
        }
      } finally {
        controller.current = null;
      }
    },
    [client, workbook, settings, reporter],
  );

  return {
    phase,
    progress,
    summary,
    resumableSource: resumable?.source ?? null,
    run,
    cancel: () => controller.current?.abort(),
    downloadReport: async () => {
      if (!client || !summary) return;
      try {
        const bytes = await client.reportXlsx(summary.importId);
        services.saveFile(`import-exceptions-${summary.importId}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      } catch (error) {
        reporter.fail(error);
      }
    },
  };
}
