// `npm run bench:server`: import 10k and 100k rows through the HTTP API (a real server on 127.0.0.1,
// batches of 1,000, six in flight as the add-in sends them, each naming the batch it follows) and, in
// the same run, a bare INSERT … SELECT FROM unnest(…) of the same rows into the same clients table;
// prints rows/s and the ratio (DESIGN §8: API ≥ 0.6 of bare).
// Fairness: both sides start on a warmed-up server and database; the bare rate is the mean of one run
// just before and one just after the API run (the table grows in between); request bodies are built
// before the clock starts, and the API's time includes reading and checking every answer.
// `-- --million` adds the growth runs (long): 1,000,000 rows into one firm, rates per 100,000, and
// 100,000 rows into a firm that already has 1,000,000 clients beside 100,000 into an empty one;
// `-- --only=postgres` (or pglite) measures one database; IN_FLIGHT=3 sends three batches at a time instead of six.
import os from 'node:os';
import type { ClientRow } from '../src/domain/api-types';
import { startServer, type RunningServer } from '../src/server/start-server';
import { bareInsert, rate } from './support/bare-insert';
import { pgliteDatabase, postgresDatabase, postgresServerUrl, type BenchDatabase } from './support/bench-databases';
import { addServerTiming } from './support/time-split';

const SIZES = [10_000, 100_000];
const BATCH = 1000;
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 6);
const ADMIN = 'bench-admin-token-0123456789';
const MILLION = process.argv.includes('--million');
/** `--only=postgres` or `--only=pglite`: measure one database. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

function rows(count: number, tag: string, from = 0): ClientRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      row: i + 2,
      taxClientId: `${tag}-${i}`,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      email: `c${i}.${tag}@example.com`,
      mobile: '+1 555 010 ' + String(i % 10000).padStart(4, '0'),
      ownerEmail: 'owner@bench.test',
      officeLocation: 'Main',
      isOffline: 'No',
    };
  });
}

async function call<T>(server: RunningServer, method: string, url: string, token: string, body?: unknown, timing?: Record<string, number>) {
  const res = await fetch(server.url + url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  if (timing) addServerTiming(timing, res.headers.get('server-timing'));
  return res.json() as Promise<T>;
}

async function newFirm(server: RunningServer): Promise<{ id: string; token: string }> {
  return call<{ id: string; token: string }>(server, 'POST', '/api/v1/admin/firms', ADMIN, { name: 'Bench', owners: ['owner@bench.test'], offices: ['Main'] });
}

interface ApiRun {
  ms: number;
  /** Wall ms of each consecutive `segment` batches. */
  segments: number[];
  server: Record<string, number>;
}

/** Imports `batches` bodies (built by `body(i)`) into a new import of `firm`, IN_FLIGHT at a time. */
async function viaApi(server: RunningServer, firm: { token: string }, batches: number, body: (i: number) => string, segment = batches): Promise<ApiRun> {
  const prepared = batches * BATCH <= 100_000 ? Array.from({ length: batches }, (_, i) => body(i)) : null;
  const server_: Record<string, number> = {};
  const segments: number[] = [];
  const started = performance.now();
  let segmentStart = started;
  let answered = 0;
  const job = await call<{ id: string }>(server, 'POST', '/api/v1/imports', firm.token, { source: 'bench' });
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batches) {
        const i = next++;
        const seq = i + 1;
        const url = `/api/v1/imports/${job.id}/batches/${seq}${seq > 1 ? `?after=${seq - 1}` : ''}`;
        const { results } = await call<{ results: { outcome: string }[] }>(server, 'PUT', url, firm.token, prepared ? prepared[i] : body(i), server_);
        if (results.some((r: { outcome: string }) => r.outcome !== 'imported')) throw new Error('bench rows were rejected');
        if (++answered % segment === 0) {
          const now = performance.now();
          segments.push(now - segmentStart);
          segmentStart = now;
        }
      }
    }),
  );
  await call<unknown>(server, 'POST', `/api/v1/imports/${job.id}/complete`, firm.token);
  return { ms: performance.now() - started, segments, server: server_ };
}

const bodyOf = (tag: string) => (i: number) => JSON.stringify({ rows: rows(BATCH, tag, i * BATCH) });
const phases = (server: Record<string, number>) =>
  Object.entries(server)
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(', ');

async function bareOf(server: RunningServer, count: number, tag: string): Promise<number> {
  const firm = await newFirm(server);
  let ms = 0;
  for (let from = 0; from < count; from += 100_000) ms += await bareInsert(server.app.db, firm.id, rows(Math.min(100_000, count - from), tag, from));
  return ms;
}

async function benchDatabase(db: BenchDatabase): Promise<void> {
  const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: db.databaseUrl, dataDir: db.dataDir, adminToken: ADMIN, development: false });
  server.app.log.level = 'warn';
  try {
    // Warm-up: JIT, prepared plans and the database's caches, on both paths, before any clock runs.
    await viaApi(server, await newFirm(server), 3, bodyOf('warm-api'));
    await bareOf(server, 3 * BATCH, 'warm-bare');
    for (const size of SIZES) {
      const bareBefore = await bareOf(server, size, `bare${size}a`);
      const api = await viaApi(server, await newFirm(server), size / BATCH, bodyOf(`api${size}`));
      const bareMs = (bareBefore + (await bareOf(server, size, `bare${size}b`))) / 2;
      const apiRate = rate(size, api.ms);
      const bareRate = rate(size, bareMs);
      console.log(
        `${db.label.padEnd(8)} ${String(size).padStart(7)} rows  API ${String(apiRate).padStart(7)} rows/s (${(api.ms / 1000).toFixed(1)} s)  ` +
          `bare unnest ×${BATCH} (mean of before/after) ${String(bareRate).padStart(7)} rows/s  ratio ${(apiRate / bareRate).toFixed(2)} (budget ≥ 0.6)`,
      );
      console.log(`         server phases (ms, summed over batches): ${phases(api.server)}`);
    }
    if (MILLION) await growth(server, db.label);
  } finally {
    await server.close();
    await db.dispose();
  }
}

/** How cost grows with rows (1,000,000 into one firm) and with the firm's existing clients. */
async function growth(server: RunningServer, label: string): Promise<void> {
  const million = await viaApi(server, await newFirm(server), 1000, bodyOf('m'), 100);
  console.log(
    `${label.padEnd(8)} 1,000,000 rows into one firm: ${(million.ms / 1000).toFixed(1)} s, ${rate(1_000_000, million.ms)} rows/s; ` +
      `rows/s per 100,000: ${million.segments.map((ms) => rate(100_000, ms)).join(', ')}`,
  );
  console.log(`         server phases (ms, summed over batches): ${phases(million.server)}`);

  const empty = await viaApi(server, await newFirm(server), 100, bodyOf('e'));
  const big = await newFirm(server);
  const seedMs = await (async () => {
    let ms = 0;
    for (let from = 0; from < 1_000_000; from += 100_000) ms += await bareInsert(server.app.db, big.id, rows(100_000, 'seed', from));
    return ms;
  })();
  const full = await viaApi(server, big, 100, bodyOf('f'));
  console.log(
    `${label.padEnd(8)} 100,000 rows into a firm with 1,000,000 clients: ${rate(100_000, full.ms)} rows/s (${(full.ms / 1000).toFixed(1)} s) ` +
      `vs into an empty firm ${rate(100_000, empty.ms)} rows/s (${(empty.ms / 1000).toFixed(1)} s); seeding the 1,000,000 by bare insert took ${(seedMs / 1000).toFixed(1)} s`,
  );
  console.log(`         server phases, full firm (ms): ${phases(full.server)}`);
  console.log(`         server phases, empty firm (ms): ${phases(empty.server)}`);
}

async function main(): Promise<void> {
  console.log(
    `Server import bench: batches of ${BATCH}, ${IN_FLIGHT} in flight, HTTP on 127.0.0.1 (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
  );
  if (ONLY !== 'postgres') await benchDatabase(pgliteDatabase());
  const url = postgresServerUrl();
  if (ONLY === 'pglite') return;
  if (url) await benchDatabase(await postgresDatabase(url));
  else console.log('postgres skipped: set TEST_DATABASE_URL or DATABASE_URL (or run via scripts/with-postgres.sh)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
