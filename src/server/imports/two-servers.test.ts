// DESIGN §1, §9: two API servers on one PostgreSQL behind a round-robin balancer. One import's batches
// alternate between them, six in flight, each naming the one before it; every batch is applied in file
// order (a Tax Client ID repeated from the batch before is a duplicate naming its first row), and none
// waits on what only the other server's memory knows (no 503).
import { buildApp } from '../app';
import { build, clientRow, createFirm, inFlight, putBatch, startImport, ADMIN_TOKEN, type TestApp, type TestFirm } from '../../../test/server/build';
import { onPostgres } from '../../../test/server/dialects';
import type { ClientRow } from '../../domain/api-types';
import { createSealer } from '../security/sealing';
import { openStorage, type Storage } from '../storage/database';
import type { FastifyInstance } from 'fastify';

jest.setTimeout(120_000);

const BATCHES = 40;
const ROWS = 50;

onPostgres('two servers on one PostgreSQL', () => {
  let one: TestApp;
  let otherStorage: Storage;
  let other: FastifyInstance;
  let firm: TestFirm;
  beforeAll(async () => {
    const sealer = createSealer();
    one = await build('postgres', { sealer });
    otherStorage = await openStorage({ databaseUrl: one.storage.url });
    other = await buildApp({
      db: otherStorage.db,
      storage: otherStorage.kind,
      listen: otherStorage.listen,
      adminToken: ADMIN_TOKEN,
      publicOrigin: 'https://portal.test',
      sealer,
      rateLimits: { perAddress: 1_000_000, failedAuthPerAddress: 1_000_000 },
    });
    await other.ready();
    firm = await createFirm(one.app);
  });
  afterAll(async () => {
    await other.close();
    await otherStorage.db.destroy();
    await one.close();
  });

  it('applies an import whose batches alternate between them in file order, without a 503', async () => {
    const id = await startImport(one.app, firm);
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
        const server = seq % 2 === 0 ? one.app : other;
        const res = await putBatch(server, firm, id, seq, batch(seq), seq > 1 ? seq - 1 : undefined);
        statuses.push(res.statusCode);
        answers.set(seq, res.json().results);
      },
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    for (let seq = 1; seq <= BATCHES; seq++) {
      const results = answers.get(seq)!;
      expect(results.slice(0, ROWS - 1).every((r) => r.outcome === 'imported')).toBe(true);
      if (seq > 1) expect(results[ROWS - 1].comment).toBe(`This Tax Client ID appears more than once in the file (first on row ${(seq - 1) * ROWS + 1})`);
    }
    const job = await other.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: firm.auth });
    const rows = BATCHES * ROWS - 1;
    expect(job.json().counts).toEqual({ rows, imported: BATCHES * (ROWS - 1), rejected: BATCHES - 1 });
  });
});
