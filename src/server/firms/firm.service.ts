import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import { createApiKey } from '../access/access.service';
import { upsertUser } from '../access/user.repository';
import { insertFirm } from './firm.repository';

export interface FirmSettings {
  name: string;
  offlineClientsEnabled?: boolean;
  owners: string[];
  offices: string[];
  users?: string[];
  /** People who sign in as the firm's admins (they add everyone else). */
  admins?: string[];
}

/** Trimmed, blanks dropped, each value once. */
export const cleanList = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];

/**
 * Creates a firm with its first API key (named `initial`) and its admins, and returns the key: the only
 * time it exists outside the caller's hands. `createdBy` says who asked (the admin token, the CLI).
 */
export async function createFirm(db: Kysely<Database>, settings: FirmSettings, createdBy: string): Promise<{ id: string; name: string; token: string }> {
  const clean = cleanList;
  const owners = clean(settings.owners);
  const firm = {
    id: randomUUID(),
    name: settings.name.trim(),
    offlineClientsEnabled: settings.offlineClientsEnabled ?? false,
    owners,
    offices: clean(settings.offices),
    // Owners are firm users too: their addresses may not be used by clients either.
    users: clean([...owners, ...(settings.users ?? [])]),
  };
  return db.transaction().execute(async (trx) => {
    await insertFirm(trx, firm);
    for (const email of clean(settings.admins ?? [])) await upsertUser(trx, firm.id, { email, role: 'admin' });
    const { key } = await createApiKey(trx, firm.id, 'initial', createdBy);
    return { id: firm.id, name: firm.name, token: key };
  });
}
