import { sql, type Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import type { ExistingProfiles } from '../../domain/import-decision';
import { addProfile, insertProfilesStatement, type NewProfile } from '../clients/profile.repository';
import type { OutboxMessage } from '../clients/outbox.repository';
import { offlineRuleLock } from '../clients/offline-rule.lock';
import { intArray, textArray } from '../storage/pg-array';
import { runOn, type Statements } from '../storage/pipeline';
import type { Database } from '../storage/schema';
import { decodeResults, decodeRows, unpackDocument } from './batch-document';

export interface StoredBatch {
  seq: number;
  rows: ClientRow[];
  results: RowResult[];
}

export interface LockedImport {
  status: 'open' | 'completed';
  sendInvitations: boolean;
}

/**
 * Locks the import until the transaction ends, so its batches are applied one at a time, and with
 * `offlineRule` also takes the firm's offline-rule lock, shared (clients/offline-rule.lock.ts). Null
 * when the firm has no such import. Nothing else is read here: under READ COMMITTED a statement that
 * waited for a lock still reads other tables as they were when it started, so a batch queued behind the
 * one before it would not see that one stored. What the batch reads, it reads in the next statement.
 */
export async function lockImport(trx: Statements, firmId: string, importId: string, offlineRule: boolean): Promise<LockedImport | null> {
  const { rows } = await runOn(
    trx,
    sql<{ status: 'open' | 'completed'; send_invitations: boolean }>`
    select i.status, i.send_invitations${offlineRule ? sql`, ${offlineRuleLock(firmId, 'shared')} as offline_rule` : sql``}
    from imports i where i.firm_id = ${firmId} and i.id = ${importId}
    for update of i`,
  );
  const row = rows[0];
  return row ? { status: row.status, sendInvitations: row.send_invitations } : null;
}

export interface BatchState {
  profiles: Map<string, ExistingProfiles>;
  /** First sheet row of each Tax Client ID seen in earlier batches of this import. */
  seenBefore: Map<string, number>;
  /** The stored answer of this seq: it was applied before. */
  stored: RowResult[] | null;
  /** False while the batch this one follows (`after`) is not stored yet. */
  afterStored: boolean;
  /** Whether any of the riders (batches carried along, see batch-engine.ts) is stored already. */
  ridersStored: boolean;
  /** The import as read here (not locked); null when the firm has no such import. */
  import: LockedImport | null;
}

/**
 * In one statement, after lockImport: the stored answer of `seq`, whether batch `after` (the one it
 * follows in the file) is stored, whether any of `riders` is, the import's status and setting, and the facts of these Tax Client IDs: the firm's profiles, and which
 * IDs earlier batches of this import already had — as the profile they created (import_id, import_row)
 * or a rejected first row. One index probe per ID (LATERAL … LIMIT keeps the planner from joining):
 * with `= any(array)` and stale statistics PostgreSQL matched only firm_id and filtered every client of
 * the firm, a cost that grew with each batch of a large import.
 */
export async function readBatchState(
  trx: Statements,
  firmId: string,
  importId: string,
  batch: { seq: number; riders: number[]; after: number | null; taxClientIds: string[] },
): Promise<BatchState> {
  const { seq, riders, after, taxClientIds } = batch;
  const ids = textArray(taxClientIds);
  const { rows } = await runOn(
    trx,
    sql<{
      tax_client_id: string | null;
      kind: 'standard' | 'offline' | null;
      status: string | null;
      first_row: number | null;
      rows: Uint8Array | null;
      results: Uint8Array | null;
      after_stored: boolean | null;
      riders_stored: boolean | null;
      send_invitations: boolean | null;
    }>`
    select null::text as tax_client_id, null::text as kind, imp.status, null::int as first_row, b.rows, b.results,
      ${after === null} or exists (select 1 from import_batches p where p.import_id = ${importId} and p.seq = ${after ?? 0}) as after_stored,
      exists (select 1 from import_batches r where r.import_id = ${importId} and r.seq = any(${intArray(riders)}::int[])) as riders_stored,
      imp.send_invitations
      from (select 1) as one left join import_batches b on b.import_id = ${importId} and b.seq = ${seq}
      left join imports imp on imp.id = ${importId} and imp.firm_id = ${firmId}
    union all
    select i.id, c.kind, c.status, case when c.import_id = ${importId} then c.import_row end, null, null, null, null, null
      from unnest(${ids}::text[]) as i(id)
      cross join lateral (select kind, status, import_id, import_row from clients
        where firm_id = ${firmId} and tax_client_id = i.id limit 2) as c
    union all
    select i.id, null, null, s.first_row, null, null, null, null, null
      from unnest(${ids}::text[]) as i(id)
      cross join lateral (select first_row from import_seen_ids
        where import_id = ${importId} and tax_client_id = i.id limit 1) as s`,
  );
  const state: BatchState = { stored: null, afterStored: false, ridersStored: false, import: null, profiles: new Map(), seenBefore: new Map() };
  for (const r of rows) {
    if (r.tax_client_id === null) {
      state.afterStored = r.after_stored === true;
      state.ridersStored = r.riders_stored === true;
      state.import = r.status === null ? null : { status: r.status as LockedImport['status'], sendInvitations: r.send_invitations === true };
      state.stored = r.rows !== null && r.results !== null ? decodeResults(unpackDocument(r.results), decodeRows(unpackDocument(r.rows))) : null;
      continue;
    }
    if (r.kind) addProfile(state.profiles, r.tax_client_id, r.kind, r.status!);
    if (r.first_row !== null) {
      const known = state.seenBefore.get(r.tax_client_id);
      state.seenBefore.set(r.tax_client_id, known === undefined ? r.first_row : Math.min(known, r.first_row));
    }
  }
  return state;
}

export async function listBatches(db: Kysely<Database>, importId: string): Promise<StoredBatch[]> {
  const rows = await db.selectFrom('import_batches').select(['seq', 'rows', 'results']).where('import_id', '=', importId).orderBy('seq').execute();
  return rows.map((r) => {
    const submitted = decodeRows(unpackDocument(r.rows));
    return { seq: r.seq, rows: submitted, results: decodeResults(unpackDocument(r.results), submitted) };
  });
}

export interface BatchWrite {
  firmId: string;
  importId: string;
  /** Each batch's stored answer, encoded and packed (see batch-document.ts). */
  documents: { seq: number; rows: Uint8Array; results: Uint8Array }[];
  rowCount: number;
  imported: number;
  /** Profiles to insert with the rest; empty when the caller inserted them already. */
  profiles: NewProfile[];
  /** First rows of IDs new to this import that created no profile. */
  rejectedFirstRows: Map<string, number>;
  messages: OutboxMessage[];
  /** Stamped on the import (imports.last_write): the batch that follows may count on exactly this write. */
  token: string;
  /** Write only if the import is open and carries this token (the write the batch counted on committed); null: write. */
  onlyAfter: string | null;
}

/**
 * Everything a batch (or a group of batches) writes, in one statement of data-modifying CTEs: profiles, rejected first rows,
 * invitation e-mails, the stored answer (the replay of a seq and the report read it), the counts and the token.
 * Any unique violation fails the whole statement. False when `onlyAfter` did not hold: then nothing was written.
 */
export async function writeBatch(trx: Statements, w: BatchWrite): Promise<boolean> {
  const guard = w.onlyAfter === null ? sql`select 1` : sql`select 1 from imports where id = ${w.importId} and status = 'open' and last_write = ${w.onlyAfter}`;
  const when = sql`exists (select 1 from guard)`;
  const profiles = w.profiles.length > 0 ? sql`profiles as (${insertProfilesStatement(w.firmId, w.importId, w.profiles, when)}),` : sql``;
  const { rows } = await runOn(
    trx,
    sql`with guard as (${guard}), ${profiles}
    seen as (insert into import_seen_ids (import_id, tax_client_id, first_row)
      select ${w.importId}, * from unnest(${textArray([...w.rejectedFirstRows.keys()])}::text[], ${intArray([...w.rejectedFirstRows.values()])}::int[]) where ${when}),
    mail as (insert into outbox (firm_id, to_email, subject, body)
      select ${w.firmId}, * from unnest(${textArray(w.messages.map((m) => m.to))}::text[], ${textArray(w.messages.map((m) => m.subject))}::text[],
        ${textArray(w.messages.map((m) => m.body))}::text[]) where ${when}),
    batch as (insert into import_batches (import_id, seq, rows, results)
      select * from (values ${sql.join(w.documents.map((d) => sql`(${w.importId}, ${d.seq}::int, ${d.rows}::bytea, ${d.results}::bytea)`))}) as d where ${when})
    update imports set row_count = row_count + ${w.rowCount}, imported_count = imported_count + ${w.imported},
      rejected_count = rejected_count + ${w.rowCount - w.imported}, last_write = ${w.token}
      where id = ${w.importId} and ${when} returning 1 as written`,
  );
  return rows.length > 0;
}
