// Statements pipelined on one connection (pipeline.ts): each still runs after the one before has ended, a
// failure rolls the whole transaction back, and the connection is clean for whoever uses it next.
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { DIALECTS, onPostgres, openTestStorage, type TestStorage } from '../../../test/server/dialects';
import { inPipelinedTransaction } from './pipeline';
import { pglitePool } from './pglite-pool';
import type { PGliteLike } from './pglite-thread';
import type { Database } from './schema';

async function newFirm(db: Kysely<Database>): Promise<string> {
  const id = randomUUID();
  await sql`insert into firms (id, name, owners, offices, users) values (${id}, 'Pipeline test', '{}', '{}', '{}')`.execute(db);
  return id;
}
const importsOf = async (db: Kysely<Database>, firmId: string) =>
  (await sql<{ source: string }>`select source from imports where firm_id = ${firmId} order by source`.execute(db)).rows.map((r) => r.source);
const addImport = (firmId: string, source: string) =>
  sql`insert into imports (id, firm_id, source, send_invitations, status) values (${randomUUID()}, ${firmId}, ${source}, false, 'open')`;

describe.each(DIALECTS)('a pipelined transaction on %s', (dialect) => {
  let storage: TestStorage;
  let db: Kysely<Database>;
  beforeAll(async () => {
    storage = await openTestStorage(dialect);
    db = storage.db;
  });
  afterAll(() => storage.close());

  it('commits statements sent together, COMMIT beside the last, and answers each', async () => {
    const firmId = await newFirm(db);
    const counted = await inPipelinedTransaction(db, async (p) => {
      const first = p.run(addImport(firmId, 'a'));
      const second = p.run(addImport(firmId, 'b'));
      const count = p.run(sql<{ n: number }>`select count(*)::int as n from imports where firm_id = ${firmId}`);
      await Promise.all([first, second, count, p.commit()]);
      return (await count).rows[0].n;
    });
    expect(counted).toBe(2); // the read ran after both inserts had ended
    expect(await importsOf(db, firmId)).toEqual(['a', 'b']);
  });

  it('rolls everything back when a statement fails with COMMIT already behind it, and leaves the connection clean', async () => {
    const firmId = await newFirm(db);
    const failing = inPipelinedTransaction(db, async (p) => {
      const ok = p.run(addImport(firmId, 'kept?'));
      const bad = p.run(sql`insert into imports (id, firm_id, source) values ('dup', ${firmId}, 'x'), ('dup', ${firmId}, 'y')`);
      await Promise.all([ok, bad, p.commit()]);
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' }); // the statement's own error
    expect(await importsOf(db, firmId)).toEqual([]);
    // The next transaction (on PGlite, the same connection) starts clean.
    await inPipelinedTransaction(db, async (p) => {
      await p.run(addImport(firmId, 'next'));
    });
    expect(await importsOf(db, firmId)).toEqual(['next']);
  });

  it('rolls back when the work fails before it commits', async () => {
    const firmId = await newFirm(db);
    const failing = inPipelinedTransaction(db, async (p) => {
      await p.run(addImport(firmId, 'dropped'));
      throw new Error('decided against it');
    });
    await expect(failing).rejects.toThrow('decided against it');
    expect(await importsOf(db, firmId)).toEqual([]);
  });

  it('hands the connection on at COMMIT: a transaction started meanwhile sees what the first committed', async () => {
    const firmId = await newFirm(db);
    const first = inPipelinedTransaction(db, async (p) => {
      await Promise.all([p.run(addImport(firmId, 'first')), p.commit()]);
    });
    const second = inPipelinedTransaction(db, async (p) => (await p.run(sql<{ source: string }>`select source from imports where firm_id = ${firmId}`)).rows);
    await first;
    expect(await second).toEqual([{ source: 'first' }]);
  });
});

onPostgres('a read pipelined behind a lock (PostgreSQL)', () => {
  let storage: TestStorage;
  let db: Kysely<Database>;
  beforeAll(async () => {
    storage = await openTestStorage('postgres');
    db = storage.db;
  });
  afterAll(() => storage.close());

  it('sees what the lock holder committed, though it was sent before the lock was granted', async () => {
    const firmId = await newFirm(db);
    const importId = randomUUID();
    await sql`insert into imports (id, firm_id, source, send_invitations, status) values (${importId}, ${firmId}, 'held', false, 'open')`.execute(db);
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction().execute(async (trx) => {
      await sql`select 1 from imports where id = ${importId} for update`.execute(trx);
      await trx.executeQuery(addImport(firmId, 'committed by the holder').compile(trx));
      locked();
      await held;
    });
    await lockTaken;
    const reader = inPipelinedTransaction(db, async (p) => {
      const lock = p.run(sql`select 1 from imports where id = ${importId} for update`);
      const read = p.run(sql<{ source: string }>`select source from imports where firm_id = ${firmId} order by source`);
      await lock;
      return (await read).rows.map((r) => r.source);
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the reader's statements are at the server, waiting on the lock
    letGo();
    await holder;
    expect(await reader).toEqual(['committed by the holder', 'held']);
  });
});

// PGlite is one connection: what the pool hands on at COMMIT is seen in the order statements reach it.
// The database here records each statement and holds COMMIT's answer until the test lets it go.
describe('a pipelined transaction on the one PGlite connection', () => {
  it('gives the connection to the next transaction once COMMIT is sent, before its answer comes back', async () => {
    const sent: string[] = [];
    let answerCommit!: () => void;
    const commitAnswered = new Promise<void>((resolve) => (answerCommit = resolve));
    const recording: PGliteLike = {
      async query<R>(text: string) {
        sent.push(text.trim().split(/\s+/)[0]);
        if (text === 'commit' && sent.filter((s) => s === 'commit').length === 1) await commitAnswered;
        return { rows: [] as R[], command: text === 'commit' ? 'COMMIT' : 'SELECT' };
      },
      close: async () => undefined,
    };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(recording) }) });
    const first = inPipelinedTransaction(db, async (p) => {
      await Promise.all([p.run(sql`insert into imports default values`), p.commit()]);
    });
    const second = inPipelinedTransaction(db, async (p) => p.run(sql`select 1`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The first COMMIT has not been answered, yet the second transaction's statements are on the connection.
    expect(sent).toEqual(['begin', 'insert', 'commit', 'begin', 'select', 'commit']);
    answerCommit();
    await Promise.all([first, second]);
    await db.destroy();
  });
});
