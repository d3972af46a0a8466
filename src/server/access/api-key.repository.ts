import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';

export interface ApiKeyView {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function insertApiKey(db: Kysely<Database>, key: { firmId: string; name: string; keyHash: string; createdBy: string }): Promise<ApiKeyView> {
  const row = await db
    .insertInto('api_keys')
    .values({ id: randomUUID(), firm_id: key.firmId, name: key.name, key_hash: key.keyHash, created_by: key.createdBy })
    .returning(['id', 'name', 'created_by', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
  return toView(row);
}

/** The firm's keys still in force, oldest first. */
export async function listApiKeys(db: Kysely<Database>, firmId: string): Promise<ApiKeyView[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'created_by', 'created_at', 'last_used_at'])
    .where('firm_id', '=', firmId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/** Revokes one key of the firm; false when the firm has no such key in force. */
export async function revokeApiKey(db: Kysely<Database>, firmId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('firm_id', '=', firmId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every key of the firm (the operator's token rotation). */
export async function revokeAllApiKeys(db: Kysely<Database>, firmId: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('firm_id', '=', firmId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Stamps the key's last use (the list shows it to the minute; see LAST_USE_STEP_MS). */
export async function touchApiKey(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** A key's last use is written at most once a minute: a batch run must not write the key row per batch. */
export const LAST_USE_STEP_MS = 60_000;

function toView(row: { id: string; name: string; created_by: string; created_at: Date; last_used_at: Date | null }): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  };
}
