import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';

export async function insertSession(db: Kysely<Database>, session: { firmId: string; userId: string; method: string }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('sessions').values({ id, firm_id: session.firmId, user_id: session.userId, method: session.method }).execute();
  return id;
}

/** Stores a session's new access and refresh tokens (their hashes) with their expiry. */
export async function insertTokenPair(
  db: Kysely<Database>,
  sessionId: string,
  pair: { accessHash: string; accessExpiresAt: Date; refreshHash: string; refreshExpiresAt: Date },
): Promise<void> {
  await db
    .insertInto('session_tokens')
    .values([
      { token_hash: pair.accessHash, session_id: sessionId, kind: 'access', expires_at: pair.accessExpiresAt, used_at: null },
      { token_hash: pair.refreshHash, session_id: sessionId, kind: 'refresh', expires_at: pair.refreshExpiresAt, used_at: null },
    ])
    .execute();
}

export interface ClaimedRefresh {
  sessionId: string;
  firmId: string;
  userId: string;
  /** Already used once: a copy is being replayed. */
  used: boolean;
  expired: boolean;
  revoked: boolean;
}

/** The refresh token's row and its session, locked until the transaction ends (two refreshes with one token take turns). */
export async function lockRefreshToken(db: Kysely<Database>, refreshHash: string): Promise<ClaimedRefresh | null> {
  const { rows } = await sql<{ session_id: string; firm_id: string; user_id: string; used: boolean; expired: boolean; revoked: boolean }>`
    select t.session_id, s.firm_id, s.user_id, t.used_at is not null as used, t.expires_at <= now() as expired, s.revoked_at is not null as revoked
    from session_tokens t join sessions s on s.id = t.session_id
    where t.token_hash = ${refreshHash} and t.kind = 'refresh'
    for update of t, s`.execute(db);
  const row = rows[0];
  return row ? { sessionId: row.session_id, firmId: row.firm_id, userId: row.user_id, used: row.used, expired: row.expired, revoked: row.revoked } : null;
}

export async function markRefreshUsed(db: Kysely<Database>, refreshHash: string): Promise<void> {
  await db
    .updateTable('session_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', refreshHash)
    .execute();
}

/** Ends a session: every access and refresh token of it stops at once. */
export async function revokeSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of one user of the firm; how many were live. */
export async function revokeUserSessions(db: Kysely<Database>, firmId: string, userId: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('firm_id', '=', firmId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
