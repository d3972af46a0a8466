// The PGlite thread (storage/pglite-thread.ts): PGlite runs its WebAssembly Postgres on the thread that
// calls it, so the server keeps it on a worker thread of its own and asks it queries by message. Plain
// JavaScript because a worker runs whatever Node runs, outside ts-jest, tsx and webpack alike.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require('@electric-sql/pglite');

/**
 * bytea (type 17) to and from Postgres's hex text with Node's Buffer. PGlite's own conversion goes one byte at a
 * time through Array.from/parseInt: a 17 KB batch document took about 9 ms to send and as long to read back, where
 * Buffer takes well under a millisecond, and every PUT stores one. Arrays of bytea use these for their elements.
 */
const BYTEA = 17;
const byteaHex = {
  serializers: {
    [BYTEA]: (value) => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    },
  },
  // A Uint8Array of its own (not a view of Buffer's shared pool), as PGlite returns it.
  parsers: { [BYTEA]: (text) => new Uint8Array(Buffer.from(text.slice(2), 'hex')) },
};

const pglite = new PGlite(workerData.dataDir, byteaHex);
pglite.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: plainError(error) }),
);

/** The error as plain data: Postgres's fields (code, detail, constraint…) survive the message. */
function plainError(error) {
  const plain = { message: error && error.message ? String(error.message) : String(error) };
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number') plain[key] = value;
    }
  }
  return plain;
}

parentPort.on('message', async (message) => {
  if (message.close) {
    await pglite.close().catch(() => undefined);
    parentPort.postMessage({ id: message.id, closed: true });
    return;
  }
  try {
    const result = await pglite.query(message.sql, message.parameters);
    parentPort.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows, command: result.command });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: plainError(error) });
  }
});
