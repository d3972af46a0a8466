import type { Kysely } from 'kysely';
import type { Firm } from '../../domain/api-types';
import type { Database } from '../storage/schema';

/** A firm with the settings the import rules need; `users` are every firm user's address. */
export interface FirmRecord extends Firm {
  users: string[];
}

export interface NewFirm {
  id: string;
  name: string;
  tokenHash: string;
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
      token_hash: firm.tokenHash,
      offline_clients_enabled: firm.offlineClientsEnabled,
      owners: firm.owners,
      offices: firm.offices,
      users: firm.users,
    })
    .execute();
}

export async function findFirmByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<FirmRecord | null> {
  const row = await db
    .selectFrom('firms')
    .select(['id', 'name', 'offline_clients_enabled', 'owners', 'offices', 'users'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    offlineClientsEnabled: row.offline_clients_enabled,
    owners: row.owners,
    offices: row.offices,
    users: row.users,
  };
}
