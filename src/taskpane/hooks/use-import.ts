import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { CancelledError, plainMessage, runImport, type ImportProgress, type PortalClient } from '../../api';
import type { SettingsStore } from '../services/settings-store';
import type { WorkbookPort } from '../workbook/workbook-port';
import { BusyError, type ActionGate } from './action-gate';
import type { Reporter } from './use-error-bar';
import { describeSource, RESUME_SETTING, type ImportPhase, type ImportResult, type ImportSource, type SavedResume } from './import-result';
import { ImportStore, isRunning } from './import-store';

export interface ImportDeps {
  workbook: WorkbookPort;
  client: PortalClient | null;
  settings: SettingsStore;
  reporter: Reporter;
  saveFile(name: string, bytes: ArrayBuffer, type: string): void;
  /** Ask the portal to invite new standard clients (the Import view's check box). */
  sendInvitations: boolean;
  /** One workbook action at a time: an import waits for no other, and holds the gate until it ends. */
  gate: ActionGate;
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
export function useImport({ workbook, client, settings, reporter, saveFile, sendInvitations, gate }: ImportDeps): Importer {
  const [store] = useState(() => new ImportStore(settings.read<SavedResume>(RESUME_SETTING)));
  const machine = useSyncExternalStore(store.subscribe, store.read);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (source: ImportSource, mode: 'new' | 'resume') => {
      if (!client) return reporter.fail(new Error('Connect to the portal before importing.'));
      const saved = mode === 'resume' ? settings.read<SavedResume>(RESUME_SETTING) : null;
      if (mode === 'resume' && saved?.source !== source.key)
        return reporter.fail(new Error(`There is no interrupted import of ${describeSource(source.key)} to resume.`));
      const other = gate.current();
      if (other !== null && !isRunning(store.read())) return reporter.say({ intent: 'warning', text: new BusyError(other).message });
      if (store.dispatch({ type: 'start', source: source.key, portal: saved?.state ?? null }).refused !== null) {
        return reporter.say({ intent: 'warning', text: 'An import is already running: wait for it to finish, or cancel it, then try again.' });
      }
      const leave = gate.enter('Importing clients');
      const abort = (controller.current = new AbortController());
      reporter.clear();
      try {
        const read = await source.read(abort.signal);
        const rowsTotal = read.rows.length;
        const key = read.key ?? source.key;
        store.dispatch({ type: 'read', source: key, rowsTotal, marked: read.marked ?? null });
        if (rowsTotal === 0) throw new Error('The template has no client rows to import.');
        // Nothing could be imported: say why at once rather than open an import of rejections.
        const first = read.rows[0];
        if (read.rows.every((row) => row.heldBack !== undefined)) throw new Error(`No row can be imported: row ${first.row}: ${first.heldBack}.`);
        const outcome = await runImport(client, {
          rows: read.rows,
          source: key,
          sendInvitations,
          resume: saved?.state ?? null,
          signal: abort.signal,
          onProgress: (progress) => store.dispatch({ type: 'progress', progress }),
          onState: (state) => {
            settings.write(RESUME_SETTING, { source: key, state });
            store.dispatch({ type: 'portal', state });
          },
        });
        settings.remove(RESUME_SETTING);
        store.dispatch({ type: 'sent', importId: outcome.importId, counts: outcome.counts });
        let sheetName: string | null = null;
        try {
          const written = await workbook.writeExceptions({ importId: outcome.importId, rows: outcome.report }, read.link);
          sheetName = written.sheetName;
          if (written.moved)
            reporter.say({
              intent: 'warning',
              text: `Rows of the template moved while the import ran: on ${sheetName}, each Row links to the row that holds its Tax Client ID now.`,
            });
        } catch (error) {
          // The import is complete in the portal: the counts and the download stay; only the sheet is missing.
          reporter.fail(
            new Error(`The import finished, but the exception sheet could not be written: ${plainMessage(error)} Download the exception report instead.`),
          );
        }
        store.dispatch({ type: 'written', sheetName });
      } catch (error) {
        const cancelled = error instanceof CancelledError;
        store.dispatch({ type: 'stopped', cancelled });
        if (cancelled) {
          reporter.say({ intent: 'warning', text: 'Import cancelled. Rows already sent stay imported; Resume import sends the rest without duplicates.' });
        } else {
          reporter.fail(error);
        }
      } finally {
        controller.current = null;
        leave();
      }
    },
    [client, workbook, settings, reporter, sendInvitations, store, gate],
  );

  return {
    phase: machine.phase,
    progress: machine.progress,
    result: machine.result,
    resumable: machine.resumable,
    isRunning: () => isRunning(store.read()),
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
