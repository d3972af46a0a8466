import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';

/** A queued e-mail claimed for one delivery attempt; `body` still sealed. */
export interface ClaimedMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  /** This attempt's number, from 1. */
  attempt: number;
}

/**
 * Claims up to `limit` due messages in one committed statement (state `sending`, attempt counted), so
 * no other worker or node takes them; SKIP LOCKED lets workers claim side by side without waiting.
 */
export async function claimDueMessages(db: Kysely<Database>, limit: number): Promise<ClaimedMessage[]> {
  const { rows } = await sql<{ id: string; to_email: string; subject: string; body: string; attempts: number }>`
    update outbox set state = 'sending', claimed_at = now(), attempts = attempts + 1
    where id in (select id from outbox where state = 'queued' and next_attempt_at <= now()
      order by id limit ${limit} for update skip locked)
    returning id::text as id, to_email, subject, body, attempts`.execute(db);
  return rows.map((r) => ({ id: r.id, to: r.to_email, subject: r.subject, body: r.body, attempt: r.attempts })).sort((a, b) => Number(a.id) - Number(b.id));
}

export async function markSent(db: Kysely<Database>, id: string): Promise<void> {
  await sql`update outbox set state = 'sent', sent_at = now(), last_error = null where id = ${id} and state = 'sending'`.execute(db);
}

/** Back in the queue, due after `delayMs`, with the reason kept for the record. */
export async function markRetry(db: Kysely<Database>, id: string, reason: string, delayMs: number): Promise<void> {
  await sql`update outbox set state = 'queued', last_error = ${reason},
    next_attempt_at = now() + make_interval(secs => ${delayMs / 1000}) where id = ${id} and state = 'sending'`.execute(db);
}

export async function markFailed(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await sql`update outbox set state = 'failed', last_error = ${reason} where id = ${id} and state = 'sending'`.execute(db);
}

/**
 * Messages left `sending` longer than the lease belong to a worker that died mid-attempt. It may have
 * handed the message to the SMTP server already, so they are failed, never sent again (at most once).
 */
export async function failInterrupted(db: Kysely<Database>, leaseMs: number, reason: string): Promise<number> {
  const { numAffectedRows } = await sql`update outbox set state = 'failed', last_error = ${reason}
    where state = 'sending' and claimed_at < now() - make_interval(secs => ${leaseMs / 1000})`.execute(db);
  return Number(numAffectedRows ?? 0);
}
