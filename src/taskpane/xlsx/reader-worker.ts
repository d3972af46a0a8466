/** Starts the reader's worker; webpack bundles xlsx-reader.worker.ts as its own chunk from this line. */
export function createReaderWorker(): Worker {
  return new Worker(new URL('./xlsx-reader.worker.ts', import.meta.url), { name: 'xlsx-reader' });
}
