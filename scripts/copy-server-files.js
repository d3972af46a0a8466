// `npm run build:server`, after tsc: copies what the built server loads at run time but tsc does not emit
// (tsc copies no .cjs/.js files). Today that is the PGlite worker thread's file (storage/pglite-thread.ts).
// The built-server tests (test/support/built-server.ts) fail when a file listed here is missing.
'use strict';
const { copyFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const FILES = ['server/storage/pglite-worker.cjs'];

for (const file of FILES) {
  const target = path.join(ROOT, 'dist/node', file);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(ROOT, 'src', file), target);
}
