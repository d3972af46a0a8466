import { sql, type Kysely } from 'kysely';
import type { Client, ClientStatus, ProfileKind } from '../../domain/api-types';
import type { Database } from '../storage/schema';

export interface ClientFilter {
  taxClientIds?: string[];
  kind?: ProfileKind;
  status?: ClientStatus;
  limit: number;
  /** Only clients after this id (the previous page's cursor). */
  after?: string;
}

export interface ClientPage {
  clients: (Omit<Client, 'invitationUrl'> & { invitationSealed: string | null })[];
  /** Cursor of the next page, or null on the last page. */
  next: string | null;
}

/** One page of the firm's clients in creation order. */
export async function listClients(db: Kysely<Database>, firmId: string, filter: ClientFilter): Promise<ClientPage> {
  let query = db
    .selectFrom('clients')
    .selectAll()
    .select(sql<string>`id::text`.as('cursor'))
    .where('firm_id', '=', firmId);
  if (filter.taxClientIds) query = query.where('tax_client_id', '=', sql<string>`any(${filter.taxClientIds}::text[])`);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.after) query = query.where('id', '>', filter.after);
  const rows = await query
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  return {
    clients: page.map((r) => ({
      taxClientId: r.tax_client_id,
      kind: r.kind,
      status: r.status as ClientStatus,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      mobile: r.mobile,
      spouseFirstName: r.spouse_first_name,
      spouseLastName: r.spouse_last_name,
      spouseEmail: r.spouse_email,
      ownerEmail: r.owner_email,
      officeLocation: r.office_location,
      invitationSealed: r.invitation_sealed,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
    next: rows.length > filter.limit ? page[page.length - 1].cursor : null,
  };
}

/** Gives every client of the firm whose owner (or office) is `from`, in any case, the value `to`; returns how many changed. */
export async function reassignClients(
  db: Kysely<Database>,
  firmId: string,
  column: 'owner_email' | 'office_location',
  from: string,
  to: string,
): Promise<number> {
  const result = await db
    .updateTable('clients')
    .set({ [column]: to, updated_at: sql<Date>`now()` })
    .where('firm_id', '=', firmId)
    .where(sql<string>`lower(${sql.ref(column)})`, '=', from.trim().toLowerCase())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
