import { CancelledError } from '../../api';
import { FileTemplateError } from './read-limits';
import type { RegionalSettings } from '../../domain';
import type { ReaderMessage, ReaderRequest } from './reader-protocol';
import { createReaderWorker } from './reader-worker';
import type { FileTemplate, ReadProgress } from './template-reader';

export { FileTemplateError } from './read-limits';
export type { FileTemplate, ReadProgress } from './template-reader';

export interface ReadFileOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Aborting stops the worker at once; the promise rejects with CancelledError. */
  signal?: AbortSignal;
  /** How the user's Excel shows numbers (en-US when not given). */
  regional?: RegionalSettings;
}

/**
 * Reads a saved template (.xlsx) in a Web Worker, as the text Excel would show (DESIGN §3, §8):
 * `{ rows, sheetName, issues }`, where `issues` names the cells the file cannot tell (a formula
 * whose result the file cannot vouch for) for the caller to report per row. Rejects with FileTemplateError (a sentence for the user) or
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
      else settle(() => resolve(message.template));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      settle(() => reject(new FileTemplateError('The file could not be read in this pane. Open it in Excel and import from the sheet instead.')));
    };
    // A copy goes to the worker, so the pane keeps the file for a later resume.
    const copy = bytes.slice(0);
    const request: ReaderRequest = { bytes: copy, regional: options.regional };
    worker.postMessage(request, [copy]);
  });
}
