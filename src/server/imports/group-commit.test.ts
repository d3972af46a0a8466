// Group commit (batch-engine.ts): a batch waiting in memory for the one before it is carried into that
// one's transaction. Driven at the engine, where the test decides what waits: batch 1 is marked as on its
// way (as while its body is still being parsed), the later batches are sent and wait, then batch 1 comes.
import { build, clientRow, createFirm, importRows, listAllClients, startImport, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';
import type { ClientRow } from '../../domain/api-types';
import { COMMENTS } from '../../domain/import-decision';
import { findFirmById, type FirmRecord } from '../firms/firm.repository';
import { createSealer } from '../security/sealing';
import { sql } from 'kysely';
import { newBatchOrder, orderKey, submitBatch, type BatchAnswer, type ImportBatchOrder } from './batch-engine';

describe.each(DIALECTS)('batches carried along by the batch before them on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let record: FirmRecord;
  const sealer = createSealer();
  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app);
    record = (await findFirmById(t.storage.db, firm.id))!;
  });
  afterAll(() => t.close());

  const submit = (order: ImportBatchOrder, importId: string, seq: number, rows: ClientRow[], laps: string[] = [], by = record) =>
    submitBatch(t.storage.db, {
      firm: by,
      importId,
      seq,
      after: seq > 1 ? seq - 1 : null,
      rows,
      origin: 'https://portal.test',
      sealer,
      order,
      lap: (phase) => laps.push(phase),
    });

  /** Resolves once a batch waits to follow batch `seq` (it parks itself after packing its rows on the thread pool). */
  async function riderBehind(order: ImportBatchOrder, importId: string, seq: number): Promise<void> {
    for (let tries = 0; !order.hasRider(importId, seq); tries++) {
      if (tries > 500) throw new Error(`no batch waits behind batch ${seq}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Sends `later` (batches 2…) while batch 1 is on its way, then batch 1; returns every answer and the phases each went through. */
  async function sendBehindFirst(importId: string, first: ClientRow[], later: ClientRow[][]) {
    const order = newBatchOrder();
    const key = orderKey({ firm: record, importId });
    order.begin(key, 1); // batch 1 is on its way
    const laps = [first, ...later].map(() => [] as string[]);
    const answers: Promise<BatchAnswer>[] = [];
    for (const [i, rows] of later.entries()) {
      answers.push(submit(order, importId, i + 2, rows, laps[i + 1]));
      await riderBehind(order, key, i + 1);
    }
    answers.unshift(submit(order, importId, 1, first, laps[0]));
    const settled = await Promise.allSettled(answers);
    order.settled(key, 1);
    return { settled, laps };
  }
  const comments = (answer: PromiseSettledResult<BatchAnswer>) => (answer.status === 'fulfilled' ? answer.value.results.map((r) => r.comment) : answer.reason);
  const counts = async (importId: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importId}`, headers: firm.auth })).json().counts;

  it('applies the batches waiting behind one in its transaction, in file order, each with its own answer and replay', async () => {
    const id = await startImport(t.app, firm);
    const { settled, laps } = await sendBehindFirst(
      id,
      [clientRow(401)],
      [
        [clientRow(402), clientRow(401, { row: 700, email: 'x401@example.com' })],
        [clientRow(403), clientRow(402, { row: 800, email: 'x402@example.com' })],
      ],
    );
    expect(laps.map((l) => l.includes('ride'))).toEqual([false, true, true]); // one transaction: batch 1's
    expect(laps[0].filter((phase) => phase === 'write')).toHaveLength(1);
    expect(settled.map(comments)).toEqual([
      [''],
      ['', 'This Tax Client ID appears more than once in the file (first on row 402)'],
      ['', 'This Tax Client ID appears more than once in the file (first on row 403)'],
    ]);
    expect(await counts(id)).toEqual({ rows: 5, imported: 3, rejected: 2 });
    // Each carried batch is stored under its own seq: a replay answers the same and changes nothing.
    const replay = await submit(newBatchOrder(), id, 3, [clientRow(999)]);
    expect(replay.replayed).toBe(true);
    expect(replay.results).toEqual((settled[2] as PromiseFulfilledResult<BatchAnswer>).value.results);
    expect(await counts(id)).toEqual({ rows: 5, imported: 3, rejected: 2 });
  });

  it('lets the carried batches go when the group hits a unique index; each is then applied alone', async () => {
    // An address a client of the firm has already: the group's one write fails on the email index.
    await importRows(t.app, firm, [clientRow(420, { email: 'taken@example.com' })]);
    const id = await startImport(t.app, firm);
    const { settled, laps } = await sendBehindFirst(id, [clientRow(421)], [[clientRow(422)], [clientRow(423, { email: 'TAKEN@example.com' }), clientRow(424)]]);
    expect(laps.map((l) => l.includes('released'))).toEqual([false, true, true]);
    expect(settled.map(comments)).toEqual([[''], [''], [COMMENTS.emailUsedByClient, '']]);
    expect(await counts(id)).toEqual({ rows: 4, imported: 3, rejected: 1 });
    const ids = (await listAllClients(t.app, firm)).map((c) => c.taxClientId);
    expect(ids.filter((c) => c > 'C00420' && c < 'C00430').sort()).toEqual(['C00421', 'C00422', 'C00424']);
  });

  it('lets the carried batches go when the batch carrying them is a replay; each is then applied alone', async () => {
    const id = await startImport(t.app, firm);
    const first = await submit(newBatchOrder(), id, 1, [clientRow(441)]);
    const { settled, laps } = await sendBehindFirst(
      id,
      [clientRow(999)],
      [[clientRow(442)], [clientRow(443), clientRow(441, { row: 900, email: 'x441@example.com' })]],
    );
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect((settled[0] as PromiseFulfilledResult<BatchAnswer>).value).toMatchObject({ replayed: true, results: first.results });
    expect(laps.slice(1).map((l) => l.includes('released'))).toEqual([true, true]);
    expect(settled.slice(1).map(comments)).toEqual([[''], ['', 'This Tax Client ID appears more than once in the file (first on row 442)']]);
    expect(await counts(id)).toEqual({ rows: 4, imported: 3, rejected: 1 });
  });

  it("never carries another firm's batch sent to this import's id", async () => {
    const other = await createFirm(t.app);
    const otherRecord = (await findFirmById(t.storage.db, other.id))!;
    const id = await startImport(t.app, firm);
    const order = newBatchOrder();
    // The intruder waits behind batch 1 under its own firm's key; firm A's batch 1 neither carries nor wakes it.
    const intruderKey = orderKey({ firm: otherRecord, importId: id });
    order.begin(intruderKey, 1);
    const intruder = submit(order, id, 2, [clientRow(432)], [], otherRecord);
    await riderBehind(order, intruderKey, 1);
    const first = await submit(order, id, 1, [clientRow(431)]);
    order.settled(intruderKey, 1);
    expect(first.results.map((r) => r.outcome)).toEqual(['imported']);
    await expect(intruder).rejects.toThrow('Import not found');
    expect(await counts(id)).toEqual({ rows: 1, imported: 1, rejected: 0 });
    expect(await listAllClients(t.app, other)).toEqual([]);
  });

  // Reading ahead: a batch whose predecessor has handed off (write and COMMIT sent) reads its facts at once,
  // adds that write's effects, and writes only if the import carries that write's token.
  const lastWrite = async (importId: string) =>
    (await sql<{ last_write: string }>`select last_write from imports where id = ${importId}`.execute(t.storage.db)).rows[0].last_write;

  it('reads ahead of a hand-off and writes when exactly the write it counted on committed, counting that write in', async () => {
    const id = await startImport(t.app, firm);
    const order = newBatchOrder();
    await submit(order, id, 1, [clientRow(451)]);
    // As if batch 1 were still committing: its token is the one on the import, its effects say C00777 was first on row 5.
    const effects = { token: await lastWrite(id), profiles: [], seen: new Map([['C00777', 5]]) };
    order.handOff(orderKey({ firm: record, importId: id }), 1, null, effects);
    const laps: string[] = [];
    const second = await submit(order, id, 2, [clientRow(451, { row: 600, email: 'x451@example.com' }), clientRow(777, { row: 601 }), clientRow(452)], laps);
    expect(laps).not.toContain('lock'); // read before the import's lock, not under it
    expect(laps).not.toContain('stale');
    expect(second.results.map((r) => r.comment)).toEqual([
      'This Tax Client ID appears more than once in the file (first on row 452)', // from the database
      'This Tax Client ID appears more than once in the file (first on row 5)', // from the hand-off
      '',
    ]);
    expect(await counts(id)).toEqual({ rows: 4, imported: 2, rejected: 2 });
  });

  it('writes nothing when the write it counted on did not commit, and reads again under the lock', async () => {
    const id = await startImport(t.app, firm);
    const order = newBatchOrder();
    await submit(order, id, 1, [clientRow(461)]);
    // A hand-off whose write never committed (its token is not on the import) and whose effects are wrong.
    order.handOff(orderKey({ firm: record, importId: id }), 1, null, { token: 'never-committed', profiles: [], seen: new Map([['C00462', 5]]) });
    const laps: string[] = [];
    const second = await submit(order, id, 2, [clientRow(462), clientRow(461, { row: 700, email: 'x461@example.com' })], laps);
    expect(laps).toContain('stale');
    expect(laps.slice(laps.indexOf('stale'))).toContain('lock'); // then the plain path, under the lock
    expect(second.results.map((r) => r.comment)).toEqual(['', 'This Tax Client ID appears more than once in the file (first on row 462)']);
    expect(await counts(id)).toEqual({ rows: 3, imported: 2, rejected: 1 });
    expect((await listAllClients(t.app, firm)).filter((c) => c.taxClientId === 'C00462')).toHaveLength(1);
  });
});
