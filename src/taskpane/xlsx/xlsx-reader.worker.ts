// The dropped-file reader's Web Worker: parsing a large workbook here keeps the pane responsive.
import { answerReaderRequest, type ReaderMessage, type ReaderRequest } from './reader-protocol';

// The pane's TypeScript settings carry the DOM types, not the worker's; this is the part of
// DedicatedWorkerGlobalScope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderMessage): void;
};

scope.onmessage = (event) => void answerReaderRequest(event.data, (message) => scope.postMessage(message));
