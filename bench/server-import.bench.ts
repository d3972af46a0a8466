// `npm run bench:server`: import 10k and 100k rows through the HTTP API (a real server on 127.0.0.1,
// batches of 1,000 sent one after another) and, in the same run, a bare INSERT … SELECT FROM unnest(…)
// of the same rows into the same clients table; prints rows/s and the ratio (§8 budget: API ≥ 1/3 of bare).
// Fairness: both sides start on a warmed-up server and database; the bare rate is the mean of one run
// just before and one just after the API run (the table grows in between); each side's client-side
// encoding (request JSON, parameter arrays) is prepared before its clock starts, and the API's time
// includes reading and checking every answer.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { ClientRow } from '../src/domain/api-types';
import { startServer, type RunningServer } from '../src/server/start-server';

const SIZES = [10_000, 100_000];
const BATCH = 1000;
const ADMIN = 'bench-admin-token';

function rows(count: number, tag: string): ClientRow[] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2, taxClientId: `${tag}-${i}`, firstName: `First${i}`, lastName: `Last${i}`, email: `c${i}.${tag}@example.com`,
    mobile: '+1 555 010 ' + String(i % 10000).padStart(4, '0'), ownerEmail: 'owner@bench.test', officeLocation: 'Main', isOffline: 'No',
  }));
}

async function call(server: RunningServer, method: string, url: string, token: string, body?: unknown) {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

async function newFirm(server: RunningServer): Promise<{ id: string; token: string }> {
  return call(server, 'POST', '/api/v1/admin/firms', ADMIN, { name: 'Bench', owners: ['owner@bench.test'], offices: ['Main'] });
}

async function viaApi(server: RunningServer, data: ClientRow[]): Promise<number> {
  const firm = await newFirm(server);
  const bodies: string[] = [];
  for (let i = 0; i < data.length; i += BATCH) bodies.push(JSON.stringify({ rows: data.slice(i, i + BATCH) }));
  const started = performance.now();
  const job = await call(server, 'POST', '/api/v1/imports', firm.token, { source: 'bench' });
  for (let seq = 0; seq < bodies.length; seq++) {
    const { results } = await call(server, 'PUT', `/api/v1/imports/${job.id}/batches/${seq}`, firm.token, bodies[seq]);
    if (results.some((r: { outcome: string }) => r.outcome !== 'imported')) throw new Error('bench rows were rejected');
  }
  await call(server, 'POST', `/api/v1/imports/${job.id}/complete`, firm.token);
  return performance.now() - started;
}

async function bare(server: RunningServer, data: ClientRow[], batch: number): Promise<number> {
  const firm = await newFirm(server);
  const db = server.app.db;
  const statements = [];
  for (let i = 0; i < data.length; i += batch) {
    const part = data.slice(i, i + batch);
    const col = (f: (r: ClientRow) => string | undefined) => part.map((r) => f(r) ?? '');
    statements.push(sql`insert into clients (firm_id, tax_client_id, kind, status, first_name, last_name, email, mobile,
        spouse_first_name, spouse_last_name, spouse_email, owner_email, office_location)
      select ${firm.id}, t, 'standard', 'Not Invited', f, l, e, m, '', '', '', o, off
      from unnest(${col((r) => r.taxClientId)}::text[], ${col((r) => r.firstName)}::text[], ${col((r) => r.lastName)}::text[],
        ${col((r) => r.email)}::text[], ${col((r) => r.mobile)}::text[], ${col((r) => r.ownerEmail)}::text[],
        ${col((r) => r.officeLocation)}::text[]) as u(t, f, l, e, m, o, off)`);
  }
  const started = performance.now();
  for (const statement of statements) await statement.execute(db);
  return performance.now() - started;
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));

async function benchDialect(label: string, databaseUrl: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl, dataDir, adminToken: ADMIN, development: false });
  server.app.log.level = 'warn';
  try {
    // Warm-up: JIT, prepared plans and the database's caches, on both paths, before any clock runs.
    await viaApi(server, rows(3 * BATCH, 'warm-api'));
    await bare(server, rows(3 * BATCH, 'warm-bare'), BATCH);
    for (const size of SIZES) {
      const bareBefore = await bare(server, rows(size, `bare${size}a`), BATCH);
      const apiMs = await viaApi(server, rows(size, `api${size}`));
      const bareMs = (bareBefore + (await bare(server, rows(size, `bare${size}b`), BATCH))) / 2;
      const oneMs = await bare(server, rows(size, `one${size}`), size);
      const api = rate(size, apiMs);
      const b = rate(size, bareMs);
      console.log(`${label.padEnd(8)} ${String(size).padStart(7)} rows  API ${String(api).padStart(7)} rows/s (${(apiMs / 1000).toFixed(1)} s)  ` +
        `bare unnest ×${BATCH} (mean of before/after) ${String(b).padStart(7)} rows/s  ratio ${(api / b).toFixed(2)} (budget ≥ 0.33)  ` +
        `[one ${size}-row statement: ${rate(size, oneMs)} rows/s, ratio ${(api / rate(size, oneMs)).toFixed(2)}]`);
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Server import bench: batches of ${BATCH}, sequential, HTTP on 127.0.0.1 (node ${process.version}, ${os.cpus().length} cores)`);
  await benchDialect('pglite', undefined);
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) await benchDialect('postgres', url);
  else console.log('postgres skipped: set TEST_DATABASE_URL or DATABASE_URL (or run via scripts/with-postgres.sh)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
