import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../storage/schema';

// DESIGN §9: an ID never ends Connected + Offline, whatever the interleaving of Is Offline = Yes
// batches and invitation accepts. Row locks cannot do it: a batch may decide on an ID whose standard
// profile does not exist yet (nothing to lock), and an accept cannot see an offline row another
// transaction has inserted but not committed, so it would leave that row Offline. One transaction
// lock per firm closes both gaps: batches that may create offline profiles hold it shared (they never
// wait for each other), an accept holds it exclusively. So an accept either commits before the
// batch reads its facts (the batch sees Connected and rejects the row) or starts after the batch
// committed (its update sees the offline row and makes it Duplicate). An accept waits at most for
// the offline batches in flight; a batch at most for the accepts in flight.
const OFFLINE_RULE = 0x0ff1;

/** Takes the firm's offline-rule lock until the transaction ends; call it before reading any profile. */
export async function lockOfflineRule(trx: Kysely<Database>, firmId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  await sql`select ${offlineRuleLock(firmId, mode)}`.execute(trx);
}

/** The lock as an SQL expression, to take it within another statement (imports/batch.repository.ts). */
export function offlineRuleLock(firmId: string, mode: 'shared' | 'exclusive'): RawBuilder<unknown> {
  const lock = mode === 'shared' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  return sql`${lock}(${OFFLINE_RULE}::int, hashtext(${firmId}))`;
}
