import { sql, type Kysely } from 'kysely';
import type { ImportJob } from '../../domain/api-types';
import type { Database } from '../storage/schema';

export interface ImportRecord extends ImportJob {
  sendInvitations: boolean;
  source: string;
  createdBy: string;
}

const COLUMNS = [
  'id',
  'status',
  'source',
  'send_invitations',
  'row_count',
  'imported_count',
  'rejected_count',
  'created_at',
  'completed_at',
  'created_by',
] as const;

type Row = {
  id: string;
  status: 'open' | 'completed';
  source: string;
  send_invitations: boolean;
  row_count: number;
  imported_count: number;
  rejected_count: number;
  created_at: Date;
  completed_at: Date | null;
  created_by: string;
};

function toRecord(r: Row): ImportRecord {
  return {
    id: r.id,
    status: r.status,
    source: r.source,
    sendInvitations: r.send_invitations,
    counts: { rows: r.row_count, imported: r.imported_count, rejected: r.rejected_count },
    createdAt: new Date(r.created_at).toISOString(),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    createdBy: r.created_by,
  };
}

export async function insertImport(
  db: Kysely<Database>,
  firmId: string,
  job: { id: string; source: string; sendInvitations: boolean; createdBy: string },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      id: job.id,
      firm_id: firmId,
      source: job.source,
      send_invitations: job.sendInvitations,
      status: 'open',
      completed_at: null,
      created_by: job.createdBy,
    })
    .execute();
}

export async function findImport(db: Kysely<Database>, firmId: string, id: string): Promise<ImportRecord | null> {
  const row = await db.selectFrom('imports').select(COLUMNS).where('firm_id', '=', firmId).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Marks the import completed (once; later calls keep the first completion time). */
export async function completeImport(db: Kysely<Database>, firmId: string, id: string): Promise<ImportRecord | null> {
  await sql`update imports set status = 'completed', completed_at = coalesce(completed_at, now())
    where firm_id = ${firmId} and id = ${id}`.execute(db);
  return findImport(db, firmId, id);
}

/** Position in the newest-first history: creation time in microseconds and the id, as `<micros>.<id>`. */
export interface HistoryCursor {
  micros: string;
  id: string;
}

/** One page of the firm's imports, newest first, after `before` (the previous page's last entry). */
export async function listImports(
  db: Kysely<Database>,
  firmId: string,
  limit: number,
  before?: HistoryCursor,
): Promise<{ imports: ImportRecord[]; next: HistoryCursor | null }> {
  // Keyset on (created_at, id) in whole microseconds: a JavaScript Date would round them to milliseconds.
  const micros = sql<string>`(extract(epoch from created_at) * 1000000)::bigint`;
  let query = db
    .selectFrom('imports')
    .select(COLUMNS)
    .select(sql<string>`${micros}::text`.as('micros'))
    .where('firm_id', '=', firmId);
  if (before) query = query.where(sql<boolean>`(${micros}, id) < (${before.micros}::bigint, ${before.id})`);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { imports: page.map(toRecord), next: rows.length > limit ? { micros: last.micros, id: last.id } : null };
}
