import { sql, type Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import type { ExistingProfiles } from '../../domain/import-decision';
import { addProfile, insertProfilesStatement, type NewProfile } from '../clients/profile.repository';
import type { OutboxMessage } from '../clients/outbox.repository';
import { toFirmRecord, type FirmColumns, type FirmRecord } from '../firms/firm.repository';
import { intArray, textArray } from '../storage/pg-array';
import type { Database } from '../storage/schema';
import { decodeResults, decodeRows, unpackDocument } from './batch-document';

/** The channel a batch write notifies (payload: the import's id), so waiters on every server look again. */
export const BATCHES_APPLIED = 'import_batches_applied';

export interface StoredBatch {
  seq: number;
  rows: ClientRow[];
  results: RowResult[];
}

export interface Waiting {
  /** Most pending batches (stored, not applied, younger than `horizonMs`) an import, and a firm, may have. */
  perImport: number;
  perFirm: number;
  horizonMs: number;
}

export type Stored =
  | { state: 'missing' | 'completed' | 'full' | 'stored' | 'pending' }
  /** The seq was applied before: its first answer. */
  | { state: 'answered'; results: RowResult[] };

/**
 * Stores a PUT's rows as a pending batch of the firm's open import, in one statement: 'stored' when this
 * call stored them, 'pending' when the seq was stored before and is not applied yet (its first rows stay),
 * 'answered' with the first answer, 'missing' (no such import of the firm), 'completed', or 'full' when
 * the batch would wait (its predecessor is not applied) and the import or the firm already has as many
 * pending batches as `waiting` allows. A batch that can be applied at once is never refused: it may be
 * the one the others wait for.
 */
export async function storeBatch(
  db: Kysely<Database>,
  b: { firmId: string; importId: string; seq: number; follows: number | null; rows: Uint8Array; waiting: Waiting },
): Promise<Stored> {
  const { firmId, importId, seq, waiting } = b;
  const { rows } = await sql<{ status: string | null; rows: Uint8Array | null; results: Uint8Array | null; inserted: number; full: boolean }>`
    with imp as (select status from imports where id = ${importId} and firm_id = ${firmId}),
    old as (select rows, results from import_batches where import_id = ${importId} and seq = ${seq}),
    waiting as (select count(*) filter (where b.import_id = ${importId}) >= ${waiting.perImport} or count(*) >= ${waiting.perFirm} as full
      from import_batches b join imports i on i.id = b.import_id
      where b.results is null and i.firm_id = ${firmId} and b.created_at > now() - make_interval(secs => ${waiting.horizonMs / 1000})),
    ins as (insert into import_batches (import_id, seq, follows, rows)
      select ${importId}, ${seq}::int, ${b.follows}::int, ${b.rows}::bytea from imp, waiting
      where imp.status = 'open' and not exists (select 1 from old)
        and (not waiting.full or ${b.follows}::int is null or exists (select 1 from import_batches a
          where a.import_id = ${importId} and a.seq = ${b.follows}::int and a.results is not null))
      on conflict do nothing returning 1)
    select imp.status, old.rows, old.results, (select count(*) from ins)::int as inserted, waiting.full
      from (select 1) as one left join imp on true left join old on true cross join waiting`.execute(db);
  const r = rows[0];
  if (r.status === null) return { state: 'missing' };
  if (r.inserted > 0) return { state: 'stored' };
  if (r.rows !== null && r.results !== null)
    return { state: 'answered', results: decodeResults(unpackDocument(r.results), decodeRows(unpackDocument(r.rows))) };
  if (r.rows !== null) return { state: 'pending' };
  // Not stored: a completed import, a full wait, or a racing copy of the same seq stored it first.
  return { state: r.status !== 'open' ? 'completed' : r.full ? 'full' : 'pending' };
}

export interface LockedImport {
  status: 'open' | 'completed';
  sendInvitations: boolean;
  /** The firm as it is now, held FOR SHARE until the transaction ends: a firm change waits for the batch, or the batch for it. */
  firm: FirmRecord;
}

/**
 * Locks the import (FOR NO KEY UPDATE: its batches are applied one transaction at a time, while PUTs
 * still store theirs: the foreign key of a stored batch takes the import FOR KEY SHARE, which FOR UPDATE
 * would make wait for the whole transaction) and its firm (FOR SHARE). Null when the firm has no such import. Nothing else is read here: under READ COMMITTED a
 * statement that waited for a lock still reads other tables as they were when it started.
 */
export async function lockImport(trx: Kysely<Database>, firmId: string, importId: string): Promise<LockedImport | null> {
  const { rows } = await sql<FirmColumns & { status: 'open' | 'completed'; send_invitations: boolean }>`
    select i.status, i.send_invitations, f.id, f.name, f.offline_clients_enabled, f.owners, f.offices, f.users
    from imports i join firms f on f.id = i.firm_id where i.firm_id = ${firmId} and i.id = ${importId}
    for no key update of i for share of f`.execute(trx);
  const r = rows[0];
  return r ? { status: r.status, sendInvitations: r.send_invitations, firm: toFirmRecord(r) } : null;
}

export interface PendingBatch {
  seq: number;
  follows: number | null;
  /** Whether the batch it follows is applied (or it follows none). */
  ready: boolean;
  /** The stored rows; null for the seqs the caller said it knows. */
  rows: ClientRow[] | null;
}

/**
 * After lockImport: the import's pending batches in seq order, and the answer of `seq` if it is applied.
 * `known`: seqs whose rows the caller holds already (they are not sent back).
 */
export async function readPending(
  trx: Kysely<Database>,
  importId: string,
  seq: number,
  known: readonly number[],
): Promise<{ pending: PendingBatch[]; answer: RowResult[] | null }> {
  const { rows } = await sql<{ seq: number; follows: number | null; ready: boolean; rows: Uint8Array | null; results: Uint8Array | null }>`
    select b.seq, b.follows, b.results,
      case when b.seq = any(${intArray(known)}::int[]) and b.results is null then null else b.rows end as rows,
      b.follows is null or exists (select 1 from import_batches a where a.import_id = b.import_id and a.seq = b.follows and a.results is not null) as ready
    from import_batches b where b.import_id = ${importId} and (b.results is null or b.seq = ${seq}) order by b.seq`.execute(trx);
  let answer: RowResult[] | null = null;
  const pending: PendingBatch[] = [];
  for (const r of rows) {
    const submitted = r.rows && decodeRows(unpackDocument(r.rows));
    if (r.results !== null) answer = decodeResults(unpackDocument(r.results), submitted!);
    else pending.push({ seq: r.seq, follows: r.follows, ready: r.ready, rows: submitted });
  }
  return { pending, answer };
}

export interface StoredFacts {
  profiles: Map<string, ExistingProfiles>;
  /** First sheet row of each Tax Client ID seen in earlier batches of this import. */
  seenBefore: Map<string, number>;
}

/**
 * The facts of these Tax Client IDs: the firm's profiles, and which IDs earlier batches of this import
 * already had — as the profile they created (import_id, import_row) or a rejected first row. One index
 * probe per ID (LATERAL … LIMIT keeps the planner from joining): with `= any(array)` and stale statistics
 * PostgreSQL matched only firm_id and filtered every client of the firm, a cost that grew with each batch.
 */
export async function readFacts(trx: Kysely<Database>, firmId: string, importId: string, taxClientIds: string[]): Promise<StoredFacts> {
  const ids = textArray(taxClientIds);
  const { rows } = await sql<{ tax_client_id: string; kind: 'standard' | 'offline' | null; status: string | null; first_row: number | null }>`
    select i.id as tax_client_id, c.kind, c.status, case when c.import_id = ${importId} then c.import_row end as first_row
      from unnest(${ids}::text[]) as i(id)
      cross join lateral (select kind, status, import_id, import_row from clients
        where firm_id = ${firmId} and tax_client_id = i.id limit 2) as c
    union all
    select i.id, null, null, s.first_row
      from unnest(${ids}::text[]) as i(id)
      cross join lateral (select first_row from import_seen_ids
        where import_id = ${importId} and tax_client_id = i.id limit 1) as s`.execute(trx);
  const facts: StoredFacts = { profiles: new Map(), seenBefore: new Map() };
  for (const r of rows) {
    if (r.kind) addProfile(facts.profiles, r.tax_client_id, r.kind, r.status!);
    if (r.first_row !== null) {
      const known = facts.seenBefore.get(r.tax_client_id);
      facts.seenBefore.set(r.tax_client_id, known === undefined ? r.first_row : Math.min(known, r.first_row));
    }
  }
  return facts;
}

/** The applied batches of an import in seq order (pending ones have no answer yet). */
export async function listBatches(db: Kysely<Database>, importId: string): Promise<StoredBatch[]> {
  const rows = await db
    .selectFrom('import_batches')
    .select(['seq', 'rows', 'results'])
    .where('import_id', '=', importId)
    .where('results', 'is not', null)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const submitted = decodeRows(unpackDocument(r.rows));
    return { seq: r.seq, rows: submitted, results: decodeResults(unpackDocument(r.results!), submitted) };
  });
}

export interface BatchWrite {
  firmId: string;
  importId: string;
  /** Each applied batch's answer, encoded and packed (see batch-document.ts). */
  results: { seq: number; results: Uint8Array }[];
  rowCount: number;
  imported: number;
  /** Profiles to insert with the rest; empty when the caller inserted them already. */
  profiles: NewProfile[];
  /** First rows of IDs new to this import that created no profile. */
  rejectedFirstRows: Map<string, number>;
  messages: OutboxMessage[];
}

/**
 * Everything the applied batches write, in one statement of data-modifying CTEs: profiles, rejected first
 * rows, invitation e-mails, each batch's answer (the replay of a seq and the report read it), the counts,
 * and a NOTIFY (sent at commit) that wakes the batches waiting on other servers. Any unique violation fails it all.
 */
export async function writeBatches(trx: Kysely<Database>, w: BatchWrite): Promise<void> {
  const profiles = w.profiles.length > 0 ? sql`profiles as (${insertProfilesStatement(w.firmId, w.importId, w.profiles)}),` : sql``;
  await sql`with ${profiles}
    seen as (insert into import_seen_ids (import_id, tax_client_id, first_row)
      select ${w.importId}, * from unnest(${textArray([...w.rejectedFirstRows.keys()])}::text[], ${intArray([...w.rejectedFirstRows.values()])}::int[])),
    mail as (insert into outbox (firm_id, to_email, subject, body)
      select ${w.firmId}, * from unnest(${textArray(w.messages.map((m) => m.to))}::text[], ${textArray(w.messages.map((m) => m.subject))}::text[],
        ${textArray(w.messages.map((m) => m.body))}::text[])),
    answered as (update import_batches b set results = d.results
      from (values ${sql.join(w.results.map((d) => sql`(${d.seq}::int, ${d.results}::bytea)`))}) as d(seq, results)
      where b.import_id = ${w.importId} and b.seq = d.seq),
    woken as (select pg_notify(${BATCHES_APPLIED}, ${w.importId}))
    update imports set row_count = row_count + ${w.rowCount}, imported_count = imported_count + ${w.imported},
      rejected_count = rejected_count + ${w.rowCount - w.imported}
      where id = ${w.importId} and exists (select 1 from woken)`.execute(trx);
}
