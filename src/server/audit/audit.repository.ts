import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';

/** One recorded action on a firm: who (`actor`), what (`action` and its `detail`), and when. */
export interface AuditEvent {
  firmId: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

export interface StoredAuditEvent extends AuditEvent {
  createdAt: Date;
}

/** Records an action; inside the action's own transaction, so the record and the change stand or fall together. */
export async function recordAuditEvent(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({ firm_id: event.firmId, actor: event.actor, action: event.action, detail: JSON.stringify(event.detail) })
    .execute();
}

/** A firm's recorded actions, oldest first. */
export async function listAuditEvents(db: Kysely<Database>, firmId: string): Promise<StoredAuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['firm_id', 'actor', 'action', 'detail', 'created_at'])
    .where('firm_id', '=', firmId)
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

/** A firm's newest recorded actions first, at most `limit` (the admin's activity list). */
export async function listRecentAuditEvents(db: Kysely<Database>, firmId: string, limit: number): Promise<StoredAuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['firm_id', 'actor', 'action', 'detail', 'created_at'])
    .where('firm_id', '=', firmId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

function toEvent(row: { firm_id: string; actor: string; action: string; detail: unknown; created_at: Date }): StoredAuditEvent {
  return { firmId: row.firm_id, actor: row.actor, action: row.action, detail: row.detail as Record<string, unknown>, createdAt: new Date(row.created_at) };
}
