import { sql, type Kysely } from 'kysely';
import type { OfflineStatus, ProfileKind, StandardStatus } from '../../domain/api-types';
import type { ExistingProfiles } from '../../domain/import-decision';
import type { Database } from '../storage/schema';

/** A profile the import engine is about to create; strings already trimmed. */
export interface NewProfile {
  taxClientId: string;
  kind: ProfileKind;
  status: string;
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  spouseFirstName: string;
  spouseLastName: string;
  spouseEmail: string;
  ownerEmail: string;
  officeLocation: string;
  invitationToken: string | null;
}

/** The firm's existing profiles for these Tax Client IDs, in one query. */
export async function findProfiles(db: Kysely<Database>, firmId: string, taxClientIds: string[]): Promise<Map<string, ExistingProfiles>> {
  const { rows } = await sql<{ tax_client_id: string; kind: ProfileKind; status: string }>`
    select tax_client_id, kind, status from clients
    where firm_id = ${firmId} and tax_client_id = any(${taxClientIds}::text[])`.execute(db);
  const found = new Map<string, ExistingProfiles>();
  for (const r of rows) {
    const entry = found.get(r.tax_client_id) ?? { standard: null, offline: null };
    if (r.kind === 'standard') entry.standard = r.status as StandardStatus;
    else entry.offline = r.status as OfflineStatus;
    found.set(r.tax_client_id, entry);
  }
  return found;
}

/** Which of these lower-cased addresses a standard client of the firm already uses. */
export async function findStandardEmails(db: Kysely<Database>, firmId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  // LATERAL … LIMIT 1 makes one index probe per address; with `= any(array)` the planner
  // misjudges the expression index and scans the whole table, which grows with every import.
  const { rows } = await sql<{ email: string }>`
    select e.email from unnest(${emails}::text[]) as e(email)
    cross join lateral (
      select 1 from clients c
      where c.firm_id = ${firmId} and c.kind = 'standard' and c.email <> '' and lower(c.email) = e.email
      limit 1) as used`.execute(db);
  return new Set(rows.map((r) => r.email));
}

/**
 * Inserts the profiles in one statement and returns the keys (`profileKey`) it inserted. A profile
 * another transaction created first (same Tax Client ID and kind, or the same standard email) is
 * skipped. The plain insert is tried first because ON CONFLICT's speculative insertion costs about
 * twice as much; only a batch that actually collides pays for the second, conflict-aware statement.
 */
export async function insertProfiles(db: Kysely<Database>, firmId: string, profiles: NewProfile[]): Promise<Set<string>> {
  if (profiles.length === 0) return new Set();
  // Same key order in every transaction keeps racing imports from deadlocking each other.
  const sorted = [...profiles].sort((a, b) => (a.taxClientId < b.taxClientId ? -1 : a.taxClientId > b.taxClientId ? 1 : 0));
  await sql`savepoint insert_profiles`.execute(db);
  try {
    await sql`${insertStatement(firmId, sorted)}`.execute(db);
    await sql`release savepoint insert_profiles`.execute(db);
    return new Set(sorted.map((p) => profileKey(p.kind, p.taxClientId)));
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await sql`rollback to savepoint insert_profiles`.execute(db);
  }
  const { rows } = await sql<{ key: string }>`${insertStatement(firmId, sorted)}
    on conflict do nothing returning kind || ':' || tax_client_id as key`.execute(db);
  return new Set(rows.map((r) => r.key));
}

const UNIQUE_VIOLATION = '23505';

function insertStatement(firmId: string, p: NewProfile[]) {
  const col = (pick: (x: NewProfile) => string | null) => p.map(pick);
  return sql`insert into clients (firm_id, tax_client_id, kind, status, first_name, last_name, email, mobile,
      spouse_first_name, spouse_last_name, spouse_email, owner_email, office_location, invitation_token)
    select ${firmId}, * from unnest(
      ${col((x) => x.taxClientId)}::text[], ${col((x) => x.kind)}::text[], ${col((x) => x.status)}::text[],
      ${col((x) => x.firstName)}::text[], ${col((x) => x.lastName)}::text[], ${col((x) => x.email)}::text[],
      ${col((x) => x.mobile)}::text[], ${col((x) => x.spouseFirstName)}::text[], ${col((x) => x.spouseLastName)}::text[],
      ${col((x) => x.spouseEmail)}::text[], ${col((x) => x.ownerEmail)}::text[], ${col((x) => x.officeLocation)}::text[],
      ${col((x) => x.invitationToken)}::text[])`;
}

export const profileKey = (kind: ProfileKind, taxClientId: string) => `${kind}:${taxClientId}`;
