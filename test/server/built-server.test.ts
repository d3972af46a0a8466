// What `npm run serve` runs: the build (dist/node/server/main.js) as a process of its own, on PGlite and on
// PostgreSQL. A file the build forgot, or a start that fails quietly, fails here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StorageKind } from '../../src/server/storage/database';
import { freePort, killAllServerProcesses, runBuiltServerToExit, SERVER_ADMIN_TOKEN, serverEnv, startBuiltServer } from '../support/built-server';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/throwaway-database';
import { DIALECTS } from './dialects';

const OWNER = 'owner@built.test';
const OFFICE = 'Main';

async function call<T>(url: string, method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const row = (n: number, isOffline: 'Yes' | 'No') => ({
  row: n + 1,
  taxClientId: `B-${n}`,
  firstName: `First${n}`,
  lastName: 'Built',
  ownerEmail: OWNER,
  officeLocation: OFFICE,
  isOffline,
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'built-server-'));
});
afterAll(async () => {
  await killAllServerProcesses();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(DIALECTS)('the built server on %s', (kind: StorageKind) => {
  let database: ThrowawayDatabase | undefined;
  const where = () => (kind === 'postgres' ? { databaseUrl: database!.url } : { dataDir: path.join(dir, 'data') });
  beforeAll(async () => {
    if (kind === 'postgres') database = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'built');
  });
  afterAll(() => database?.drop());

  it('starts, answers health, imports, stops on SIGTERM with 0, and keeps what it answered across a restart', async () => {
    const server = await startBuiltServer(where());
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(await health.json()).toEqual({ status: 'ok', storage: kind });

    const firm = await call<{ token: string }>(server.url, 'POST', '/admin/firms', SERVER_ADMIN_TOKEN, {
      name: 'Built CPA',
      offlineClientsEnabled: true,
      owners: [OWNER],
      offices: [OFFICE],
    });
    expect(firm.status).toBe(201);
    const token = firm.body.token;
    const created = await call<{ id: string }>(server.url, 'POST', '/imports', token, {});
    expect(created.status).toBe(201);
    const batch = await call<{ results: { outcome: string; status: string }[] }>(server.url, 'PUT', `/imports/${created.body.id}/batches/1`, token, {
      rows: [row(1, 'No'), row(2, 'Yes')],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r) => [r.outcome, r.status])).toEqual([
      ['imported', 'Missing Info'],
      ['imported', 'Offline'],
    ]);
    await server.stop();
    expect(await server.exit).toBe(0);

    const again = await startBuiltServer(where());
    const clients = await call<{ clients: { taxClientId: string; kind: string }[] }>(again.url, 'GET', '/clients?limit=10', token);
    expect(clients.body.clients.map((c) => `${c.kind}:${c.taxClientId}`).sort()).toEqual(['offline:B-2', 'standard:B-1']);
    await again.stop();
  });
});

describe('a start that fails says why and exits non-zero, without a stack trace', () => {
  const noStack = (output: string) => expect(output).not.toMatch(/^\s+at /m);

  it('a database that cannot be reached', async () => {
    const closed = await freePort();
    const { code, output } = await runBuiltServerToExit(serverEnv(await freePort(), { databaseUrl: `postgres://nobody@127.0.0.1:${closed}/none` }));
    expect(code).toBe(1);
    expect(output).toMatch(/^Not started: the database could not be opened and migrated: .*ECONNREFUSED/m);
    noStack(output);
  });

  it('a PGlite data folder that is a file', async () => {
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const { code, output } = await runBuiltServerToExit(serverEnv(await freePort(), { dataDir: file }));
    expect(code).toBe(1);
    expect(output).toMatch(/^Not started: /m);
    noStack(output);
  });

  it('a port already taken', async () => {
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    const { code, output } = await runBuiltServerToExit(serverEnv(port, { dataDir: path.join(dir, 'second') }));
    await new Promise((resolve) => taken.close(resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/^Not started: it could not listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/m);
    noStack(output);
  });

  it('a setting that is wrong', async () => {
    const { code, output } = await runBuiltServerToExit({ ...serverEnv(await freePort(), { dataDir: path.join(dir, 'x') }), ADMIN_TOKEN: 'short' });
    expect(code).toBe(1);
    expect(output).toMatch(/^Not started: ADMIN_TOKEN must be at least 32 characters/m);
    noStack(output);
  });

  it('no PUBLIC_ORIGIN on an address others can reach (invitation links would have no known origin)', async () => {
    const { PUBLIC_ORIGIN: _origin, ...env } = serverEnv(await freePort(), { dataDir: path.join(dir, 'y') });
    // Refused before anything listens, so no port of 0.0.0.0 is ever opened here.
    const { code, output } = await runBuiltServerToExit({ ...env, HOST: '0.0.0.0' });
    expect(code).toBe(1);
    expect(output).toMatch(/^Not started: PUBLIC_ORIGIN must be set when the server listens on 0\.0\.0\.0/m);
    noStack(output);
  });
});

describe('npm run serve out of the box', () => {
  it('starts on the default loopback HOST without PUBLIC_ORIGIN, on PGlite', async () => {
    const server = await startBuiltServer({ dataDir: path.join(dir, 'plain'), env: { PUBLIC_ORIGIN: '' } });
    expect(await (await fetch(`${server.url}/api/v1/health`)).json()).toEqual({ status: 'ok', storage: 'pglite' });
    await server.stop();
    expect(await server.exit).toBe(0);
  });
});
