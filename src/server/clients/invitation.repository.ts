import { sql, type Kysely } from 'kysely';
import type { ClientStatus } from '../../domain/api-types';
import type { Database } from '../storage/schema';

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

/** Moves the given standard profiles to `status` with their new invitation tokens, in one statement. */
export async function setInvitations(trx: Kysely<Database>, firmId: string, status: ClientStatus, invites: { taxClientId: string; token: string }[]): Promise<void> {
  if (invites.length === 0) return;
  await sql`update clients c set status = ${status}, invitation_token = i.token, updated_at = now()
    from unnest(${invites.map((i) => i.taxClientId)}::text[], ${invites.map((i) => i.token)}::text[]) as i(tax_client_id, token)
    where c.firm_id = ${firmId} and c.kind = 'standard' and c.tax_client_id = i.tax_client_id`.execute(trx);
}

export interface InvitedProfile {
  firmId: string;
  taxClientId: string;
  status: ClientStatus;
}

export async function lockByInvitationToken(trx: Kysely<Database>, token: string): Promise<InvitedProfile | null> {
  const row = await trx.selectFrom('clients').select(['firm_id', 'tax_client_id', 'status'])
    .where('invitation_token', '=', token).where('kind', '=', 'standard').forUpdate().executeTakeFirst();
  return row ? { firmId: row.firm_id, taxClientId: row.tax_client_id, status: row.status as ClientStatus } : null;
}

export async function setProfileStatus(trx: Kysely<Database>, firmId: string, taxClientId: string, kind: 'standard' | 'offline', from: ClientStatus, to: ClientStatus): Promise<void> {
  await trx.updateTable('clients').set({ status: to, updated_at: sql<Date>`now()` as unknown as Date })
    .where('firm_id', '=', firmId).where('tax_client_id', '=', taxClientId).where('kind', '=', kind).where('status', '=', from)
    .execute();
}
