import { sql, type Kysely } from 'kysely';
import type { Firm } from '../../domain/api-types';
import type { Database } from '../storage/schema';

/** A firm with the settings the import rules need; `users` are every firm user's address. */
export interface FirmRecord extends Firm {
  users: string[];
}

export interface NewFirm {
  id: string;
  name: string;
  offlineClientsEnabled: boolean;
  owners: string[];
  offices: string[];
  users: string[];
}

export async function insertFirm(db: Kysely<Database>, firm: NewFirm): Promise<void> {
  await db
    .insertInto('firms')
    .values({
      id: firm.id,
      name: firm.name,
      offline_clients_enabled: firm.offlineClientsEnabled,
      owners: firm.owners,
      offices: firm.offices,
      users: firm.users,
    })
    .execute();
}

export const FIRM_COLUMNS = ['id', 'name', 'offline_clients_enabled', 'owners', 'offices', 'users'] as const;

export type FirmColumns = Pick<Database['firms'], (typeof FIRM_COLUMNS)[number]>;

export function toFirmRecord(row: FirmColumns): FirmRecord {
  return {
    id: row.id,
    name: row.name,
    offlineClientsEnabled: row.offline_clients_enabled,
    owners: row.owners,
    offices: row.offices,
    users: row.users,
  };
}

/** `forUpdate`: lock the firm until the transaction ends; a batch holds it FOR SHARE while it decides (imports/batch.repository.ts). */
export async function findFirmById(db: Kysely<Database>, id: string, lock: { forUpdate?: boolean } = {}): Promise<FirmRecord | null> {
  const query = db.selectFrom('firms').select(FIRM_COLUMNS).where('id', '=', id);
  const row = await (lock.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row ? toFirmRecord(row) : null;
}

export async function listFirms(db: Kysely<Database>): Promise<FirmRecord[]> {
  const rows = await db.selectFrom('firms').select(FIRM_COLUMNS).orderBy('created_at').orderBy('id').execute();
  return rows.map(toFirmRecord);
}

/** Replaces the firm's settings (all of them: the service merges a partial change first). */
export async function updateFirmSettings(db: Kysely<Database>, firm: FirmRecord): Promise<void> {
  await db
    .updateTable('firms')
    .set({
      name: firm.name,
      offline_clients_enabled: firm.offlineClientsEnabled,
      owners: firm.owners,
      offices: firm.offices,
      users: firm.users,
    })
    .where('id', '=', firm.id)
    .execute();
}

/** Of these lower-cased owner addresses and office names, the ones the firm's clients still use (any case), with how many clients each. */
export async function referencesInUse(
  db: Kysely<Database>,
  firmId: string,
  owners: string[],
  offices: string[],
): Promise<{ owners: Map<string, number>; offices: Map<string, number> }> {
  const { rows } = await sql<{ what: 'owner' | 'office'; value: string; n: number }>`
    select 'owner' as what, lower(owner_email) as value, count(*)::int as n from clients
      where firm_id = ${firmId} and lower(owner_email) = any(${owners}::text[]) group by lower(owner_email)
    union all
    select 'office', lower(office_location), count(*)::int from clients
      where firm_id = ${firmId} and lower(office_location) = any(${offices}::text[]) group by lower(office_location)`.execute(db);
  const found = { owners: new Map<string, number>(), offices: new Map<string, number>() };
  for (const r of rows) (r.what === 'owner' ? found.owners : found.offices).set(r.value, r.n);
  return found;
}
