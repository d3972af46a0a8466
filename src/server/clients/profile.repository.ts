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
  const { rows } = await sql<{ email: string }>`
    select lower(email) as email from clients
    where firm_id = ${firmId} and kind = 'standard' and email <> '' and lower(email) = any(${emails}::text[])`.execute(db);
  return new Set(rows.map((r) => r.email));
}

/**
 * Inserts the profiles in one statement; a profile another transaction created first (same
 * Tax Client ID and kind, or the same standard email) is skipped and left out of the answer.
 */
export async function insertProfiles(db: Kysely<Database>, firmId: string, profiles: NewProfile[]): Promise<Set<string>> {
  if (profiles.length === 0) return new Set();
  // Same key order in every transaction keeps racing imports from deadlocking each other.
  const p = [...profiles].sort((a, b) => (a.taxClientId < b.taxClientId ? -1 : a.taxClientId > b.taxClientId ? 1 : 0));
  const col = (pick: (x: NewProfile) => string | null) => p.map(pick);
  const { rows } = await sql<{ key: string }>`
    insert into clients (firm_id, tax_client_id, kind, status, first_name, last_name, email, mobile,
      spouse_first_name, spouse_last_name, spouse_email, owner_email, office_location, invitation_token)
    select ${firmId}, * from unnest(
      ${col((x) => x.taxClientId)}::text[], ${col((x) => x.kind)}::text[], ${col((x) => x.status)}::text[],
      ${col((x) => x.firstName)}::text[], ${col((x) => x.lastName)}::text[], ${col((x) => x.email)}::text[],
      ${col((x) => x.mobile)}::text[], ${col((x) => x.spouseFirstName)}::text[], ${col((x) => x.spouseLastName)}::text[],
      ${col((x) => x.spouseEmail)}::text[], ${col((x) => x.ownerEmail)}::text[], ${col((x) => x.officeLocation)}::text[],
      ${col((x) => x.invitationToken)}::text[])
    on conflict do nothing
    returning kind || ':' || tax_client_id as key`.execute(db);
  return new Set(rows.map((r) => r.key));
}

export const profileKey = (kind: ProfileKind, taxClientId: string) => `${kind}:${taxClientId}`;
