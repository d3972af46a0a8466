// DESIGN §1, §9: two API servers (the built server, as `npm run serve` runs it) on one PostgreSQL behind a
// round-robin balancer. One import's batches alternate between them, six in flight, each naming the one
// before it; every batch is applied in file order (a Tax Client ID repeated from the batch before is a
// duplicate naming its first row), and none waits on what only the other server's memory knows (no 503).
import { clientRow, inFlight } from '../../../test/server/build';
import { onPostgres } from '../../../test/server/dialects';
import { killAllServerProcesses, SERVER_ADMIN_TOKEN, startBuiltServer, type ServerProcess } from '../../../test/support/built-server';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../../test/support/throwaway-database';
import type { ClientRow } from '../../domain/api-types';

jest.setTimeout(180_000);

const BATCHES = 40;
const ROWS = 50;

onPostgres('two built servers on one PostgreSQL', () => {
  let database: ThrowawayDatabase;
  let servers: ServerProcess[];
  let auth: Record<string, string>;
  beforeAll(async () => {
    database = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'two_servers');
    // Both servers seal invitation links with one key, as servers behind one balancer must.
    const env = { INVITATION_KEY: 'two-servers-invitation-key-0123456789abcdef', RATE_LIMIT_PER_ADDRESS: '1000000' };
    // One after the other: the first runs the migrations.
    servers = [await startBuiltServer({ databaseUrl: database.url, env })];
    servers.push(await startBuiltServer({ databaseUrl: database.url, env }));
    const res = await call(
      servers[0],
      'POST',
      '/admin/firms',
      { authorization: `Bearer ${SERVER_ADMIN_TOKEN}` },
      {
        name: 'Two servers',
        owners: ['owner@firm.test'],
        offices: ['Main Office'],
      },
    );
    auth = { authorization: `Bearer ${(await res.json()).token}` };
  });
  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await killAllServerProcesses();
    await database?.drop();
  });

  const call = (server: ServerProcess, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('applies an import whose batches alternate between them in file order, without a 503', async () => {
    const id = (await (await call(servers[0], 'POST', '/imports', auth, {})).json()).id as string;
    // Batch k: rows k*ROWS…, and last a repeat of the first ID of batch k-1.
    const batch = (seq: number): ClientRow[] => {
      const rows = Array.from({ length: ROWS - 1 }, (_, i) => clientRow(seq * ROWS + i));
      return seq === 1 ? rows : [...rows, clientRow((seq - 1) * ROWS, { row: 100_000 + seq, email: `repeat${seq}@example.com` })];
    };
    const statuses: number[] = [];
    const answers = new Map<number, { outcome: string; comment: string }[]>();
    await inFlight(
      Array.from({ length: BATCHES }, (_, i) => i + 1),
      6,
      async (seq) => {
        const res = await call(servers[seq % 2], 'PUT', `/imports/${id}/batches/${seq}${seq > 1 ? `?after=${seq - 1}` : ''}`, auth, { rows: batch(seq) });
        statuses.push(res.status);
        answers.set(seq, (await res.json()).results);
      },
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    for (let seq = 1; seq <= BATCHES; seq++) {
      const results = answers.get(seq)!;
      expect(results.slice(0, ROWS - 1).every((r) => r.outcome === 'imported')).toBe(true);
      if (seq > 1) expect(results[ROWS - 1].comment).toBe(`This Tax Client ID appears more than once in the file (first on row ${(seq - 1) * ROWS + 1})`);
    }
    const job = await (await call(servers[1], 'GET', `/imports/${id}`, auth)).json();
    expect(job.counts).toEqual({ rows: BATCHES * ROWS - 1, imported: BATCHES * (ROWS - 1), rejected: BATCHES - 1 });
  });
});
