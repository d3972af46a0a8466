import { sql, type Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import type { Database } from '../storage/schema';

export interface StoredBatch {
  seq: number;
  rows: ClientRow[];
  results: RowResult[];
}

// json columns come back parsed from pg and as text from some drivers; accept both.
const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export async function findBatch(db: Kysely<Database>, importId: string, seq: number): Promise<StoredBatch | null> {
  const row = await db.selectFrom('import_batches').select(['seq', 'rows', 'results'])
    .where('import_id', '=', importId).where('seq', '=', seq).executeTakeFirst();
  return row ? { seq: row.seq, rows: parse(row.rows), results: parse(row.results) } : null;
}

/** Stores the batch and its answer: the replay of a seq and the report are read from here. */
export async function insertBatch(db: Kysely<Database>, importId: string, batch: StoredBatch): Promise<void> {
  await sql`insert into import_batches (import_id, seq, rows, results)
    values (${importId}, ${batch.seq}, ${JSON.stringify(batch.rows)}::json, ${JSON.stringify(batch.results)}::json)`.execute(db);
}

export async function listBatches(db: Kysely<Database>, importId: string): Promise<StoredBatch[]> {
  const rows = await db.selectFrom('import_batches').select(['seq', 'rows', 'results'])
    .where('import_id', '=', importId).orderBy('seq').execute();
  return rows.map((r) => ({ seq: r.seq, rows: parse(r.rows), results: parse(r.results) }));
}

/** First sheet row of each Tax Client ID already seen in earlier batches of this import. */
export async function findSeenIds(db: Kysely<Database>, importId: string, taxClientIds: string[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ tax_client_id: string; first_row: number }>`
    select tax_client_id, first_row from import_seen_ids
    where import_id = ${importId} and tax_client_id = any(${taxClientIds}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.tax_client_id, r.first_row]));
}

/** Caller holds the import's lock and passes only IDs not seen before, so a plain insert is safe. */
export async function insertSeenIds(db: Kysely<Database>, importId: string, seen: Map<string, number>): Promise<void> {
  if (seen.size === 0) return;
  await sql`insert into import_seen_ids (import_id, tax_client_id, first_row)
    select ${importId}, * from unnest(${[...seen.keys()]}::text[], ${[...seen.values()]}::int[])`.execute(db);
}
