import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';

export interface CodeRecipient {
  userId: string;
  firmId: string;
  firmName: string;
  email: string;
  /** Codes issued to this user in the last window (see sign-in-code.service.ts). */
  recentCodes: number;
}

/** Every firm user with this address (any case), with the firm's name and how many codes they were sent since `since`. */
export async function findCodeRecipients(db: Kysely<Database>, email: string, since: Date): Promise<CodeRecipient[]> {
  const { rows } = await sql<{ user_id: string; firm_id: string; firm_name: string; email: string; recent: number }>`
    select u.id as user_id, u.firm_id, f.name as firm_name, u.email,
      (select count(*)::int from sign_in_codes c where c.user_id = u.id and c.created_at > ${since}) as recent
    from firm_users u join firms f on f.id = u.firm_id
    where lower(u.email) = lower(${email})`.execute(db);
  return rows.map((r) => ({ userId: r.user_id, firmId: r.firm_id, firmName: r.firm_name, email: r.email, recentCodes: r.recent }));
}

/** Stores a new code for the user and retires their older ones (only the newest code works). */
export async function insertCode(db: Kysely<Database>, userId: string, hashFor: (id: string) => string, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sign_in_codes')
    .set({ expires_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .execute();
  const id = randomUUID();
  await db
    .insertInto('sign_in_codes')
    .values({ id, user_id: userId, code_hash: hashFor(id), expires_at: expiresAt, used_at: null })
    .execute();
}

export interface LiveCode {
  id: string;
  codeHash: string;
  userId: string;
  firmId: string;
}

/** The live (unused, unexpired, attempts left) codes of users with this address, locked until the transaction ends. */
export async function lockLiveCodes(db: Kysely<Database>, email: string, maxAttempts: number): Promise<LiveCode[]> {
  const { rows } = await sql<{ id: string; code_hash: string; user_id: string; firm_id: string }>`
    select c.id, c.code_hash, c.user_id, u.firm_id
    from sign_in_codes c join firm_users u on u.id = c.user_id
    where lower(u.email) = lower(${email}) and c.used_at is null and c.expires_at > now() and c.attempts < ${maxAttempts}
    for update of c`.execute(db);
  return rows.map((r) => ({ id: r.id, codeHash: r.code_hash, userId: r.user_id, firmId: r.firm_id }));
}

export async function markCodeUsed(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('sign_in_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function countFailedAttempt(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('sign_in_codes')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', 'in', ids)
    .execute();
}
