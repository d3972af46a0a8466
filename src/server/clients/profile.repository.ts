import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Client, OfflineStatus, ProfileKind, StandardStatus } from '../../domain/api-types';
import type { ExistingProfiles } from '../../domain/import-decision';
import { intArray, textArray } from '../storage/pg-array';
import type { Database } from '../storage/schema';
import type { StoredInvitation } from './invitation-links';

/** A profile the import engine is about to create; strings already trimmed. */
export type NewProfile = Omit<Client, 'invitationUrl' | 'createdAt' | 'updatedAt'> & {
  /** Not Enrolled profiles only; the link's expiry counts from the profile's created_at. */
  invitation: StoredInvitation | null;
  /** Sheet row of the import that creates it. */
  importRow: number;
};

/** The firm's existing profiles for these Tax Client IDs, in one query. */
export async function findProfiles(db: Kysely<Database>, firmId: string, taxClientIds: string[]): Promise<Map<string, ExistingProfiles>> {
  const { rows } = await sql<{ tax_client_id: string; kind: ProfileKind; status: string }>`
    select tax_client_id, kind, status from clients
    where firm_id = ${firmId} and tax_client_id = any(${taxClientIds}::text[])`.execute(db);
  const found = new Map<string, ExistingProfiles>();
  for (const r of rows) addProfile(found, r.tax_client_id, r.kind, r.status);
  return found;
}

export function addProfile(found: Map<string, ExistingProfiles>, taxClientId: string, kind: ProfileKind, status: string): void {
  const entry = found.get(taxClientId) ?? { standard: null, offline: null };
  if (kind === 'standard') entry.standard = status as StandardStatus;
  else entry.offline = status as OfflineStatus;
  found.set(taxClientId, entry);
}

/**
 * Which of these lower-cased addresses a standard client of the firm already uses. Only rows that
 * lost an insert ask this (the email index decides the others), so the list is short; `= any` is one
 * pass at worst. (Per-address probes are worse: without statistics — PGlite never analyzes — the
 * planner may probe the (firm, Tax Client ID, kind) index instead and scan the firm once per address.)
 */
export async function findStandardEmails(db: Kysely<Database>, firmId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const { rows } = await sql<{ email: string }>`
    select distinct lower(email) as email from clients
    where firm_id = ${firmId} and kind = 'standard' and email <> '' and lower(email) = any(${emails}::text[])`.execute(db);
  return new Set(rows.map((r) => r.email));
}

/**
 * `insert into clients … select … from unnest(…)` of the profiles, sorted by Tax Client ID: the same
 * key order in every transaction keeps racing imports from deadlocking each other. A column whose value
 * is the same in every profile (no invitations, no spouses, all standard…) is given once, not as an
 * array: each array element costs the database a parse, and on PGlite the write is most of a batch's
 * time. A statement to run alone or as a data-modifying CTE; `when`: a condition the insert is made on.
 */
export function insertProfilesStatement(firmId: string, importId: string, profiles: readonly NewProfile[], when?: RawBuilder<unknown>): RawBuilder<unknown> {
  const p = [...profiles].sort((a, b) => (a.taxClientId < b.taxClientId ? -1 : a.taxClientId > b.taxClientId ? 1 : 0));
  const columns: [string, (x: NewProfile) => string | null][] = [
    ['tax_client_id', (x) => x.taxClientId],
    ['kind', (x) => x.kind],
    ['status', (x) => x.status],
    ['first_name', (x) => x.firstName],
    ['last_name', (x) => x.lastName],
    ['email', (x) => x.email],
    ['mobile', (x) => x.mobile],
    ['spouse_first_name', (x) => x.spouseFirstName],
    ['spouse_last_name', (x) => x.spouseLastName],
    ['spouse_email', (x) => x.spouseEmail],
    ['owner_email', (x) => x.ownerEmail],
    ['office_location', (x) => x.officeLocation],
    ['invitation_token_hash', (x) => x.invitation?.tokenHash ?? null],
    ['invitation_sealed', (x) => x.invitation?.sealed ?? null],
  ];
  const arrays: RawBuilder<unknown>[] = [sql`${intArray(p.map((x) => x.importRow))}::int[]`];
  const values = columns.map(([, pick]) => {
    const column = p.map(pick);
    // Tax Client IDs differ: that array always gives unnest its rows.
    if (pick !== columns[0][1] && column.every((v) => v === column[0])) return sql`${column[0]}::text`;
    arrays.push(sql`${textArray(column)}::text[]`);
    return sql.ref(`u.c${arrays.length - 1}`);
  });
  const names = arrays.map((_, i) => sql.raw(i === 0 ? 'import_row' : `c${i}`));
  return sql`insert into clients (firm_id, import_id, import_row, ${sql.join(columns.map(([name]) => sql.ref(name)))})
    select ${firmId}, ${importId}, u.import_row, ${sql.join(values)} from unnest(${sql.join(arrays)}) as u(${sql.join(names)})${when ? sql` where ${when}` : sql``}`;
}

/**
 * Inserts the profiles, skipping any that another transaction created first (same Tax Client ID
 * and kind, or the same standard email), and returns the keys (`profileKey`) it inserted.
 */
export async function insertProfilesSkippingTaken(db: Kysely<Database>, firmId: string, importId: string, profiles: NewProfile[]): Promise<Set<string>> {
  if (profiles.length === 0) return new Set();
  const { rows } = await sql<{ key: string }>`${insertProfilesStatement(firmId, importId, profiles)}
    on conflict do nothing returning kind || ':' || tax_client_id as key`.execute(db);
  return new Set(rows.map((r) => r.key));
}

export const profileKey = (kind: ProfileKind, taxClientId: string) => `${kind}:${taxClientId}`;
