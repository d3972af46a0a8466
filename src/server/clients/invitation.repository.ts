import { sql, type Kysely } from 'kysely';
import type { ClientStatus } from '../../domain/api-types';
import type { Database } from '../storage/schema';
import { INVITATION_DAYS, type StoredInvitation } from './invitation-links';

export interface StandardProfile {
  taxClientId: string;
  status: ClientStatus;
  firstName: string;
  email: string;
}

/** The firm's standard profiles for these IDs, locked until the transaction ends. */
export async function lockStandardProfiles(trx: Kysely<Database>, firmId: string, taxClientIds: string[]): Promise<StandardProfile[]> {
  const { rows } = await sql<{ tax_client_id: string; status: ClientStatus; first_name: string; email: string }>`
    select tax_client_id, status, first_name, email from clients
    where firm_id = ${firmId} and kind = 'standard' and tax_client_id = any(${taxClientIds}::text[])
    order by tax_client_id for update`.execute(trx);
  return rows.map((r) => ({ taxClientId: r.tax_client_id, status: r.status, firstName: r.first_name, email: r.email }));
}

/** Moves the given standard profiles to `status` with their new invitations (hash and sealed copy), in one statement. */
export async function setInvitations(
  trx: Kysely<Database>,
  firmId: string,
  status: ClientStatus,
  invites: { taxClientId: string; invitation: StoredInvitation }[],
): Promise<void> {
  if (invites.length === 0) return;
  await sql`update clients c set status = ${status}, invitation_token_hash = i.hash, invitation_sealed = i.sealed, invited_at = now(), updated_at = now()
    from unnest(${invites.map((i) => i.taxClientId)}::text[], ${invites.map((i) => i.invitation.tokenHash)}::text[],
      ${invites.map((i) => i.invitation.sealed)}::text[]) as i(tax_client_id, hash, sealed)
    where c.firm_id = ${firmId} and c.kind = 'standard' and c.tax_client_id = i.tax_client_id`.execute(trx);
}

/** Remembers the current links of these clients as replaced, so an old link can say so (call before setInvitations). */
export async function retireInvitations(trx: Kysely<Database>, firmId: string, taxClientIds: string[]): Promise<void> {
  if (taxClientIds.length === 0) return;
  await sql`insert into replaced_invitations (token_hash, firm_id, tax_client_id)
    select invitation_token_hash, firm_id, tax_client_id from clients
    where firm_id = ${firmId} and kind = 'standard' and tax_client_id = any(${taxClientIds}::text[]) and invitation_token_hash is not null
    on conflict do nothing`.execute(trx);
}

export interface InvitedProfile {
  firmId: string;
  firmName: string;
  taxClientId: string;
  firstName: string;
  status: ClientStatus;
  /** Issued more than INVITATION_DAYS ago. */
  expired: boolean;
}

const invitedProfile = (db: Kysely<Database>, tokenHash: string) =>
  db
    .selectFrom('clients as c')
    .innerJoin('firms as f', 'f.id', 'c.firm_id')
    .select([
      'c.firm_id',
      'f.name',
      'c.tax_client_id',
      'c.first_name',
      'c.status',
      sql<boolean>`coalesce(c.invited_at, c.created_at) < now() - make_interval(days => ${INVITATION_DAYS})`.as('expired'),
    ])
    .where('c.invitation_token_hash', '=', tokenHash)
    .where('c.kind', '=', 'standard');

const toInvited = (row: { firm_id: string; name: string; tax_client_id: string; first_name: string; status: string; expired: boolean }): InvitedProfile => ({
  firmId: row.firm_id,
  firmName: row.name,
  taxClientId: row.tax_client_id,
  firstName: row.first_name,
  status: row.status as ClientStatus,
  expired: row.expired,
});

/** The standard profile whose current link has this token hash, or null. */
export async function findByInvitationHash(db: Kysely<Database>, tokenHash: string): Promise<InvitedProfile | null> {
  const row = await invitedProfile(db, tokenHash).executeTakeFirst();
  return row ? toInvited(row) : null;
}

export async function lockByInvitationHash(trx: Kysely<Database>, tokenHash: string): Promise<InvitedProfile | null> {
  const row = await invitedProfile(trx, tokenHash).forUpdate('c').executeTakeFirst();
  return row ? toInvited(row) : null;
}

/** The firm's name when this hash belonged to a link that a resend replaced, else null. */
export async function findReplacedInvitation(db: Kysely<Database>, tokenHash: string): Promise<{ firmName: string } | null> {
  const row = await db
    .selectFrom('replaced_invitations as r')
    .innerJoin('firms as f', 'f.id', 'r.firm_id')
    .select('f.name')
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? { firmName: row.name } : null;
}

export async function setProfileStatus(
  trx: Kysely<Database>,
  firmId: string,
  taxClientId: string,
  kind: 'standard' | 'offline',
  from: ClientStatus,
  to: ClientStatus,
): Promise<void> {
  await trx
    .updateTable('clients')
    .set({ status: to, updated_at: sql<Date>`now()` as unknown as Date })
    .where('firm_id', '=', firmId)
    .where('tax_client_id', '=', taxClientId)
    .where('kind', '=', kind)
    .where('status', '=', from)
    .execute();
}
