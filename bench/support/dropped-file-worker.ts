// The dropped-file reader's worker for the bench: the pane's worker code (answerReaderRequest) on a
// Node worker thread, reporting this thread's heap at each progress message (the browser worker's cost).
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { answerReaderRequest, type ReaderRequest } from '../../src/taskpane/xlsx/reader-protocol';

const heap = () => {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
};

parentPort!.on('message', (request: ReaderRequest) => {
  let peak = heap();
  void answerReaderRequest(request, (message) => {
    peak = Math.max(peak, heap());
    parentPort!.postMessage({ message, peakHeapBytes: peak });
  });
});
