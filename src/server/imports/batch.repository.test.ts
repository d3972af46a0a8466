// The import's lock and what a batch reads after it, on PostgreSQL with two transactions at once
// (PGlite is one connection: nothing interleaves there).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { onPostgres, openTestStorage, type TestStorage } from '../../../test/server/dialects';
import type { Database } from '../storage/schema';
import { lockImport, readFacts, readPending } from './batch.repository';

/** Resolves when `promise` has settled, or with 'pending' after `ms`. */
const settledWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => 'settled' as const), new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);

onPostgres('a batch queued behind another on the import lock (PostgreSQL)', () => {
  let storage: TestStorage;
  let db: Kysely<Database>;
  const firmId = randomUUID();
  const importId = randomUUID();
  beforeAll(async () => {
    storage = await openTestStorage('postgres');
    db = storage.db;
    await sql`insert into firms (id, name, owners, offices, users) values (${firmId}, 'Lock test', '{}', '{}', '{}')`.execute(db);
    await sql`insert into imports (id, firm_id, source, send_invitations, status) values (${importId}, ${firmId}, 'test', false, 'open')`.execute(db);
    // Batch 1 and batch 2 (which follows it) stored, neither applied yet.
    await sql`insert into import_batches (import_id, seq, follows, rows) values (${importId}, 1, null, '[]'), (${importId}, 2, 1, '[]')`.execute(db);
  });
  afterAll(() => storage.close());

  it('waits for the one before it and then reads it as stored, with the profiles it created', async () => {
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: () => void;
    const firstHasLock = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = db.transaction().execute(async (trx) => {
      await lockImport(trx, firmId, importId);
      firstLocked();
      await sql`update import_batches set results = '[]' where import_id = ${importId} and seq = 1`.execute(trx);
      await sql`insert into clients (firm_id, import_id, import_row, tax_client_id, kind, status, first_name, last_name, owner_email, office_location)
        values (${firmId}, ${importId}, 2, 'A-1', 'standard', 'Not Invited', 'Ann', 'Lee', 'o@x.test', 'Main')`.execute(trx);
      await firstMayCommit;
    });
    await firstHasLock;
    const second = db.transaction().execute(async (trx) => {
      const locked = await lockImport(trx, firmId, importId);
      return { locked, found: await readPending(trx, importId, 2, [2]), facts: await readFacts(trx, firmId, importId, ['A-1', 'B-2']) };
    });
    expect(await settledWithin(second, 300)).toBe('pending'); // queued on the import's lock
    releaseFirst();
    await first;
    const { locked, found, facts } = await second;
    expect(locked).toMatchObject({ status: 'open', sendInvitations: false, firm: { id: firmId, name: 'Lock test' } });
    // Read in statements after the lock: batch 1 is applied and its profile is there (a read in the
    // locking statement itself would still see the import as it was before batch 1 committed).
    expect(found.answer).toBeNull();
    expect(found.pending).toEqual([{ seq: 2, follows: 1, ready: true, rows: null }]);
    expect(facts.profiles.get('A-1')).toEqual({ standard: 'Not Invited', offline: null });
    expect(facts.seenBefore.get('A-1')).toBe(2);
    expect(facts.profiles.has('B-2')).toBe(false);
  });
});
