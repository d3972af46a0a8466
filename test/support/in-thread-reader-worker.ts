import { answerReaderRequest, type ReaderMessage, type ReaderRequest } from '../../src/taskpane/xlsx/reader-protocol';

/**
 * Jest's stand-in for src/taskpane/xlsx/reader-worker.ts (jest.config.js maps it): the worker's own
 * code and message protocol, run on this thread a task later, since Node's jest has no Web Worker.
 * Messages arrive asynchronously and stop at terminate(), as from a real worker.
 */
export function createReaderWorker(): Worker {
  let terminated = false;
  const worker = {
    onmessage: null as ((event: MessageEvent<ReaderMessage>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage(request: ReaderRequest) {
      setTimeout(() => {
        if (terminated) return;
        void answerReaderRequest(request, (message) => {
          setTimeout(() => {
            if (!terminated) worker.onmessage?.({ data: message } as MessageEvent<ReaderMessage>);
          });
        });
      });
    },
    terminate() {
      terminated = true;
    },
  };
  return worker as unknown as Worker;
}
