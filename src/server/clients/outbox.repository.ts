import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';

export interface OutboxMessage {
  to: string;
  subject: string;
  body: string;
}

/** Queues e-mails in one statement; a separate sender (not part of this service) delivers them. */
export async function queueMessages(db: Kysely<Database>, firmId: string, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await sql`insert into outbox (firm_id, to_email, subject, body)
    select ${firmId}, * from unnest(${messages.map((m) => m.to)}::text[], ${messages.map((m) => m.subject)}::text[],
      ${messages.map((m) => m.body)}::text[])`.execute(db);
}
