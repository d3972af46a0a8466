import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import { hashToken, newToken } from '../security/tokens';
import { insertFirm } from './firm.repository';

export interface FirmSettings {
  name: string;
  offlineClientsEnabled?: boolean;
  owners: string[];
  offices: string[];
  users?: string[];
}

/** Trimmed, blanks dropped, each value once. */
export const cleanList = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];

/** Creates a firm and returns its token: the only time the token exists outside the caller's hands. */
export async function createFirm(db: Kysely<Database>, settings: FirmSettings): Promise<{ id: string; name: string; token: string }> {
  const token = newToken();
  const clean = cleanList;
  const owners = clean(settings.owners);
  const firm = {
    id: randomUUID(),
    name: settings.name.trim(),
    tokenHash: hashToken(token),
    offlineClientsEnabled: settings.offlineClientsEnabled ?? false,
    owners,
    offices: clean(settings.offices),
    // Owners are firm users too: their addresses may not be used by clients either.
    users: clean([...owners, ...(settings.users ?? [])]),
  };
  await insertFirm(db, firm);
  return { id: firm.id, name: firm.name, token };
}
