import { useCallback, useRef, useState } from 'react';
import { CancelledError, plainMessage, runImport, type ImportProgress, type ImportState, type PortalClient } from '../../api';
import type { SettingsStore } from '../services/settings-store';
import type { WorkbookPort } from '../workbook/workbook-port';
import { withHeldBack } from './held-back';
import type { Reporter } from './use-error-bar';
import { describeSource, RESUME_SETTING, stoppedResult, type ImportPhase, type ImportResult, type ImportSource, type SavedResume } from './import-result';

export interface ImportDeps {
  workbook: WorkbookPort;
  client: PortalClient | null;
  settings: SettingsStore;
  reporter: Reporter;
  saveFile(name: string, bytes: ArrayBuffer, type: string): void;
  /** Ask the portal to invite new standard clients (the Import view's check box). */
  sendInvitations: boolean;
}

export interface Importer {
  phase: ImportPhase;
  progress: ImportProgress | null;
  result: ImportResult | null;
  /** The interrupted import that Resume picks up, if any. */
  resumable: SavedResume | null;
  /** True from the moment an import starts until it ends (read at once, for the ribbon's answer). */
  isRunning(): boolean;
  start(source: ImportSource): Promise<void>;
  resume(source: ImportSource): Promise<void>;
  cancel(): void;
  downloadReport(importId: string): Promise<void>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The one owner of an import: rows from a source → checks → batches (progress, cancel, resume) → exception sheet → result. */
export function useImport({ workbook, client, settings, reporter, saveFile, sendInvitations }: ImportDeps): Importer {
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [resumable, setResumable] = useState<SavedResume | null>(() => settings.read<SavedResume>(RESUME_SETTING));
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (source: ImportSource, mode: 'new' | 'resume') => {
      if (controller.current) return; // one import at a time
      if (!client) return reporter.fail(new Error('Connect to the portal before importing.'));
      const saved = mode === 'resume' ? settings.read<SavedResume>(RESUME_SETTING) : null;
      if (mode === 'resume' && saved?.source !== source.key)
        return reporter.fail(new Error(`There is no interrupted import of ${describeSource(source.key)} to resume.`));
      const abort = (controller.current = new AbortController());
      reporter.clear();
      setResult(null);
      setProgress(null);
      let state: ImportState | null = saved?.state ?? null;
      let rowsTotal = 0;
      let marked: number | null = null;
      let key = source.key;
      try {
        setPhase('reading');
        const read = await source.read(abort.signal);
        const heldBack = read.heldBack ?? [];
        rowsTotal = read.rows.length + heldBack.length;
        marked = read.marked ?? null;
        key = read.key ?? key;
        if (rowsTotal === 0) throw new Error('The template has no client rows to import.');
        if (read.rows.length === 0) throw new Error(`No row can be imported: row ${heldBack[0].row}: ${heldBack[0].comment}.`);
        setPhase('importing');
        const sent = await runImport(client, {
          rows: read.rows,
          source: key,
          sendInvitations,
          resume: state,
          signal: abort.signal,
          onProgress: setProgress,
          onState: (next) => {
            state = next;
            const keep = { source: key, state: next };
            settings.write(RESUME_SETTING, keep);
            setResumable(next.completed ? null : keep);
          },
        });
        settings.remove(RESUME_SETTING);
        const outcome = withHeldBack(sent, heldBack);
        const done: ImportResult = {
          importId: outcome.importId,
          source: key,
          rowsTotal,
          counts: outcome.counts,
          completed: true,
          marked,
          sheetName: null,
        };
        setResult(done);
        setPhase('writing');
        try {
          const sheet = await workbook.writeExceptions(outcome.report, read.link);
          setResult({ ...done, sheetName: sheet.sheetName });
        } catch (error) {
          // The import is complete in the portal: the counts and the download stay; only the sheet is missing.
          reporter.fail(
            new Error(`The import finished, but the exception sheet could not be written: ${plainMessage(error)} Download the exception report instead.`),
          );
        }
        setPhase('done');
      } catch (error) {
        setResult(stoppedResult(state, key, rowsTotal, marked));
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
    [client, workbook, settings, reporter, sendInvitations],
  );

  return {
    phase,
    progress,
    result,
    resumable,
    isRunning: () => controller.current !== null,
    start: (source) => run(source, 'new'),
    resume: (source) => run(source, 'resume'),
    cancel: () => controller.current?.abort(),
    downloadReport: async (importId) => {
      if (!client) return reporter.fail(new Error('Connect to the portal to download the report.'));
      try {
        saveFile(`import-exceptions-${importId}.xlsx`, await client.reportXlsx(importId), XLSX_TYPE);
      } catch (error) {
        reporter.fail(error);
      }
    },
  };
}
