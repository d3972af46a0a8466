import { CancelledError } from '../../api';
import { rowComment } from '../../domain';
import { FileTemplateError } from './read-limits';
import type { ReaderMessage } from './reader-protocol';
import { createReaderWorker } from './reader-worker';
import type { FileTemplate, ReadProgress } from './template-reader';

export { FileTemplateError } from './read-limits';
export type { FileTemplate, ReadProgress } from './template-reader';

export interface ReadFileOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Aborting stops the worker at once; the promise rejects with CancelledError. */
  signal?: AbortSignal;
  /**
   * Cells the file cannot tell (a formula with no saved result): `refuse` (default) rejects the file
   * with those rows' comments; `return` hands them back in `issues` for the caller's report.
   */
  unreadable?: 'refuse' | 'return';
}

/** Rows named in the refusal message; the rest are counted. */
const NAMED_ROWS = 5;

/**
 * Reads a saved template (.xlsx) in a Web Worker, as the text Excel would show (DESIGN §3, §8):
 * `{ rows, sheetName, issues }`. Rejects with FileTemplateError (a sentence for the user) or
 * CancelledError.
 */
export function readTemplateFile(bytes: ArrayBuffer, options: ReadFileOptions = {}): Promise<FileTemplate> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new CancelledError());
  return new Promise<FileTemplate>((resolve, reject) => {
    const worker = createReaderWorker();
    const settle = (outcome: () => void) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => settle(() => reject(new CancelledError()));
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<ReaderMessage>) => {
      const message = event.data;
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'failed') settle(() => reject(new FileTemplateError(message.message, message.missing)));
      else
        settle(() =>
          options.unreadable === 'return' || message.template.issues.length === 0 ? resolve(message.template) : reject(unreadableRows(message.template)),
        );
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      settle(() => reject(new FileTemplateError('The file could not be read in this pane. Open it in Excel and import from the sheet instead.')));
    };
    // A copy goes to the worker, so the pane keeps the file for a later resume.
    const copy = bytes.slice(0);
    worker.postMessage({ bytes: copy }, [copy]);
  });
}

function unreadableRows({ sheetName, issues }: FileTemplate): FileTemplateError {
  const rows = [...new Set(issues.map((i) => i.row))];
  const named = rows.slice(0, NAMED_ROWS).map((row) => `row ${row}: ${rowComment(issues.filter((i) => i.row === row))}`);
  const more = rows.length > NAMED_ROWS ? `; and ${rows.length - NAMED_ROWS} more rows` : '';
  return new FileTemplateError(
    `Some cells of sheet "${sheetName}" hold formulas whose results were not saved, so what Excel would show is unknown (${named.join('; ')}${more}). Open the file in Excel, save it, and drop it again.`,
  );
}
