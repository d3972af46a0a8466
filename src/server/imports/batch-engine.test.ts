// The batch engine through the route, as the add-in uses it: batches name the one before them (`after`)
// and travel several at a time, replays race their original, a firm change races a waiting batch.
import { sql } from 'kysely';
import {
  build,
  clientRow,
  createFirm,
  listAllClients,
  putBatch,
  startImport,
  until,
  ADMIN_TOKEN,
  OFFICE,
  type TestApp,
  type TestFirm,
} from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

jest.setTimeout(60_000);

// Waiting batches in these tests always get the batch before them: they may wait as long as a loaded machine needs.
// Only the test of the 503 itself uses a short wait, on an app of its own.
const ORDER_WAIT_MS = 30_000;
const SHORT_ORDER_WAIT_MS = 400;

describe.each(DIALECTS)('the batch engine on %s', (dialect) => {
  let t: TestApp;
  let quick: TestApp;
  let firm: TestFirm;
  beforeAll(async () => {
    [t, quick] = await Promise.all([
      build(dialect, { batches: { orderWaitMs: ORDER_WAIT_MS, waitingPerImport: 4, waitingPerFirm: 100 } }),
      build(dialect, { batches: { orderWaitMs: SHORT_ORDER_WAIT_MS, waitingPerImport: 4, waitingPerFirm: 100 } }),
    ]);
    firm = await createFirm(t.app, { offices: [OFFICE, 'Branch'] });
  });
  afterAll(() => Promise.all([t?.close(), quick?.close()]));

  /** Stored batches of the import not applied yet. */
  const pending = async (importId: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from import_batches where import_id = ${importId} and results is null`.execute(t.storage.db)).rows[0]
        .n,
    );
  const counts = async (importId: string, on: TestApp = t, by: TestFirm = firm) =>
    (await on.app.inject({ method: 'GET', url: `/api/v1/imports/${importId}`, headers: by.auth })).json().counts;
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => clientRow(from + i));

  it('answers a replay racing its original in flight with the same answer, applying the rows once', async () => {
    const id = await startImport(t.app, firm);
    const [original, replay] = await Promise.all([putBatch(t.app, firm, id, 1, rows(100, 20)), putBatch(t.app, firm, id, 1, rows(100, 20))]);
    expect(original.statusCode).toBe(200);
    expect(replay.json()).toEqual(original.json());
    expect(original.json().results.every((r: { outcome: string }) => r.outcome === 'imported')).toBe(true);
    expect(await counts(id)).toEqual({ rows: 20, imported: 20, rejected: 0 });
  });

  it('answers a replay racing its original while both wait to ride in the group of the batch before them', async () => {
    const id = await startImport(t.app, firm);
    // Batches 2 and 3 wait for batch 1; a replay of batch 2 with other rows races its original.
    const second = putBatch(t.app, firm, id, 2, rows(210, 10), 1);
    const third = putBatch(t.app, firm, id, 3, rows(220, 10), 2);
    await until(() => pending(id), 2);
    const replay = putBatch(t.app, firm, id, 2, rows(290, 10), 1);
    const first = await putBatch(t.app, firm, id, 1, rows(200, 10));
    const answers = await Promise.all([second, third, replay]);
    expect([first, ...answers].map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers[2].json()).toEqual(answers[0].json());
    expect(answers[0].json().results.map((r: { taxClientId: string }) => r.taxClientId)).toEqual(rows(210, 10).map((r) => r.taxClientId));
    expect(await counts(id)).toEqual({ rows: 30, imported: 30, rejected: 0 });
    const ids = (await listAllClients(t.app, firm)).map((c) => c.taxClientId);
    expect(ids.filter((c) => c >= 'C00290' && c < 'C00300')).toEqual([]);
  });

  it('answers 503 in bounded time when the batch before never comes, and applies the stored rows once it does', async () => {
    const firm = await createFirm(quick.app);
    const id = await startImport(quick.app, firm);
    const early = await putBatch(quick.app, firm, id, 2, rows(310, 5), 1);
    expect(early.statusCode).toBe(503);
    expect(early.json().detail).toBe('Batch 1 of this import has not arrived yet; send it before batch 2');
    expect((await putBatch(quick.app, firm, id, 1, rows(300, 5))).statusCode).toBe(200);
    const again = await putBatch(quick.app, firm, id, 2, rows(390, 5), 1);
    expect(again.statusCode).toBe(200);
    expect(again.json().results.map((r: { taxClientId: string }) => r.taxClientId)).toEqual(rows(310, 5).map((r) => r.taxClientId));
    expect(await counts(id, quick, firm)).toEqual({ rows: 10, imported: 10, rejected: 0 });
  });

  it('refuses a batch that would wait beyond the cap with 503 and Retry-After; the batch they wait for still goes in', async () => {
    const id = await startImport(t.app, firm);
    const waiting = [2, 3, 4, 5].map((seq) => putBatch(t.app, firm, id, seq, rows(400 + seq * 10, 2), seq - 1));
    await until(() => pending(id), 4);
    const refused = await putBatch(t.app, firm, id, 6, rows(460, 2), 5);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect(await pending(id)).toBe(4);
    expect((await putBatch(t.app, firm, id, 1, rows(410, 2))).statusCode).toBe(200);
    expect((await Promise.all(waiting)).map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await putBatch(t.app, firm, id, 6, rows(460, 2), 5)).statusCode).toBe(200);
    expect(await counts(id)).toEqual({ rows: 12, imported: 12, rejected: 0 });
  });

  it('decides a waiting batch against the firm as it is when applied: a PATCH removing an office never leaves a client with it', async () => {
    const patch = (offices: string[]) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/admin/firms/${firm.id}`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { offices } });
    const inUse: string[] = []; // branches a client kept (the PATCH lost its race): they cannot be removed
    for (let round = 0; round < 4; round++) {
      const branch = `Branch ${round}`;
      expect((await patch([OFFICE, ...inUse, branch])).statusCode).toBe(200);
      const id = await startImport(t.app, firm);
      const base = 500 + round * 10;
      // Authenticated (the firm as cached, with the branch) and waiting for batch 1 when the PATCH comes.
      const waiting = putBatch(t.app, firm, id, 2, [clientRow(base + 1, { officeLocation: branch })], 1);
      await until(() => pending(id), 1);
      let first: ReturnType<typeof putBatch>;
      let removed;
      if (round === 0) {
        removed = await patch([OFFICE, ...inUse]);
        first = putBatch(t.app, firm, id, 1, [clientRow(base)]);
      } else {
        // The PATCH races batch 1's transaction, which applies batch 2 with it.
        first = putBatch(t.app, firm, id, 1, [clientRow(base)]);
        await new Promise((resolve) => setTimeout(resolve, round * 3));
        removed = await patch([OFFICE, ...inUse]);
      }
      const [, answer] = await Promise.all([first, waiting]);
      expect(answer.statusCode).toBe(200);
      const row = answer.json().results[0];
      const clients = (await listAllClients(t.app, firm)).filter((c) => c.taxClientId === clientRow(base + 1).taxClientId);
      if (removed.statusCode === 200) {
        expect(row.outcome).toBe('rejected');
        expect(row.comment).toMatch(/Office/);
        expect(clients).toEqual([]);
      } else {
        // The batch committed first: the PATCH saw the client and refused to remove the office.
        expect(removed.statusCode).toBe(409);
        expect(row.outcome).toBe('imported');
        expect(clients).toHaveLength(1);
        inUse.push(branch);
      }
      if (round === 0) expect(removed.statusCode).toBe(200);
    }
  });
});
