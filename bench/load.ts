// `npm run load`: one portal server (a child process on 127.0.0.1; PGlite in a temporary directory,
// or PostgreSQL when DATABASE_URL / TEST_DATABASE_URL is set) and 20 concurrent clients, each
// importing 1,000-row batches in a loop for 30 s. Prints throughput, batch latency p50/p99 and
// errors; exits 1 when any request failed or any row was not imported. Not part of `npm test`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClientRow, RowResult } from '../src/domain/api-types';
import { SERVER_ADMIN_TOKEN, freePort, startBuiltServer } from '../test/support/built-server';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 20);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const BATCH_ROWS = 1000;
const BATCHES_PER_IMPORT = 10;
/** A hard cap so a very fast machine still stops: 200 batches a client. */
const MAX_BATCHES_PER_CLIENT = 200;
const OWNER = 'owner@load.test';
const OFFICE = 'Main';

interface Tally {
  batches: number;
  rows: number;
  errors: number;
  latencies: number[];
  firstError?: string;
}

function batchRows(client: number, batch: number): ClientRow[] {
  return Array.from({ length: BATCH_ROWS }, (_, i) => {
    const n = batch * BATCH_ROWS + i;
    return {
      row: (n % 100_000) + 2,
      taxClientId: `L${client}-${n}`,
      firstName: `First${n}`,
      lastName: `Last${client}`,
      email: `c${client}.${n}@load.test`,
      mobile: '+1 555 010 0100',
      ownerEmail: OWNER,
      officeLocation: OFFICE,
      isOffline: n % 5 === 0 ? 'Yes' : 'No',
    };
  });
}

/** The fields of the portal's answers this run reads; a problem answer has none of them. */
interface Answer {
  id?: string;
  results?: RowResult[];
  counts?: { imported: number };
}

async function call(url: string, token: string, method: string, body?: unknown): Promise<{ status: number; json: Answer }> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, json: (await res.json()) as Answer };
}

async function runClient(base: string, token: string, client: number, deadline: number, tally: Tally): Promise<void> {
  const fail = (what: string) => {
    tally.errors++;
    tally.firstError ??= `client ${client}: ${what}`;
  };
  let importId = '';
  for (let b = 0; b < MAX_BATCHES_PER_CLIENT && performance.now() < deadline; b++) {
    try {
      const seq = (b % BATCHES_PER_IMPORT) + 1;
      if (seq === 1) {
        const created = await call(`${base}/api/v1/imports`, token, 'POST', { source: `load-${client}` });
        if (created.status !== 201) {
          fail(`create ${created.status}`);
          continue;
        }
        importId = created.json.id ?? '';
      }
      const rows = batchRows(client, b);
      const started = performance.now();
      const answer = await call(`${base}/api/v1/imports/${importId}/batches/${seq}`, token, 'PUT', { rows });
      tally.latencies.push(performance.now() - started);
      const results: RowResult[] = answer.json?.results ?? [];
      if (answer.status !== 200) fail(`batch ${answer.status} ${JSON.stringify(answer.json).slice(0, 200)}`);
      else if (results.length !== rows.length || results.some((r) => r.outcome !== 'imported'))
        fail(`batch had rows not imported: ${results.find((r) => r.outcome !== 'imported')?.comment}`);
      else {
        tally.batches++;
        tally.rows += rows.length;
      }
      if (seq === BATCHES_PER_IMPORT) {
        const done = await call(`${base}/api/v1/imports/${importId}/complete`, token, 'POST');
        if (done.status !== 200 || done.json.counts?.imported !== BATCH_ROWS * BATCHES_PER_IMPORT)
          fail(`complete ${done.status} ${JSON.stringify(done.json.counts)}`);
      }
    } catch (error) {
      fail(String(error));
    }
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : mkdtempSync(path.join(os.tmpdir(), 'load-pglite-'));
  const server = await startBuiltServer({ port: await freePort(), dataDir, databaseUrl });
  try {
    const firmRes = await fetch(`${server.url}/api/v1/admin/firms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVER_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Load Firm', offlineClientsEnabled: true, owners: [OWNER], offices: [OFFICE] }),
    });
    const firm = (await firmRes.json()) as { token: string };
    const storage = databaseUrl ? 'postgres' : 'pglite';
    console.log(
      `Load: ${CLIENTS} clients × ${BATCH_ROWS}-row batches for ${SECONDS} s against one server on 127.0.0.1 (${storage}; node ${process.version}, ${os.cpus().length} cores)`,
    );

    const tally: Tally = { batches: 0, rows: 0, errors: 0, latencies: [] };
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => runClient(server.url, firm.token, c, deadline, tally)));
    const seconds = (performance.now() - started) / 1000;

    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const figures = {
      storage,
      clients: CLIENTS,
      seconds: Number(seconds.toFixed(1)),
      batches: tally.batches,
      rows: tally.rows,
      rowsPerSecond: Math.round(tally.rows / seconds),
      batchesPerSecond: Number((tally.batches / seconds).toFixed(2)),
      p50Ms: Math.round(percentile(sorted, 50)),
      p99Ms: Math.round(percentile(sorted, 99)),
      maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
      errors: tally.errors,
    };
    console.log(
      `rows ${figures.rows}  batches ${figures.batches} in ${figures.seconds} s  →  ${figures.rowsPerSecond} rows/s, ${figures.batchesPerSecond} batches/s`,
    );
    console.log(
      `batch latency p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  max ${figures.maxMs} ms  errors ${figures.errors}${tally.firstError ? ` (first: ${tally.firstError})` : ''}`,
    );
    console.log(JSON.stringify(figures));
    if (tally.errors > 0 || tally.batches === 0) process.exitCode = 1;
  } finally {
    await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
