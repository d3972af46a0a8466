import type { Kysely } from 'kysely';
import { conflict, notFound } from '../http/problem';
import { replaceApiKeys } from '../access/access.service';
import { recordAuditEvent } from '../audit/audit.repository';
import { listUsers, upsertUser } from '../access/user.repository';
import type { Database } from '../storage/schema';
import { findFirmById, referencesInUse, updateFirmSettings, type FirmRecord } from './firm.repository';
import { cleanList } from './firm.service';

export interface FirmChange {
  name?: string;
  offlineClientsEnabled?: boolean;
  /** Each list given replaces the firm's list. */
  owners?: string[];
  offices?: string[];
  users?: string[];
  /** People who sign in as admins: added, or made admins if they are already users. */
  admins?: string[];
}

const key = (text: string) => text.trim().toLowerCase();
const removed = (before: string[], after: string[] | undefined) =>
  after === undefined ? [] : before.filter((old) => !after.some((kept) => key(kept) === key(old)));

function inUseSentence(kind: string, used: Map<string, number>, names: string[]): string | null {
  const named = names.filter((n) => used.has(key(n))).map((n) => `${n} (${used.get(key(n))} ${used.get(key(n)) === 1 ? 'client' : 'clients'})`);
  return named.length === 0 ? null : `${kind} still used by clients: ${named.join(', ')}`;
}

/**
 * Changes a firm's settings. Removing an owner or office that clients still carry is refused with 409
 * naming them: those clients would keep a value the firm no longer recognises, and a re-import of
 * them would be rejected for it. Owners stay firm users, so their addresses stay barred for clients.
 */
export async function updateFirm(db: Kysely<Database>, id: string, change: FirmChange, actor: string): Promise<FirmRecord> {
  return db.transaction().execute(async (trx) => {
    // Locked first: a batch deciding against the firm (FOR SHARE) commits before this reads which
    // owners and offices clients use, or waits and then decides against the changed firm.
    const firm = await findFirmById(trx, id, { forUpdate: true });
    if (!firm) throw notFound('Firm');
    const owners = change.owners && cleanList(change.owners);
    const offices = change.offices && cleanList(change.offices);
    const goneOwners = removed(firm.owners, owners);
    const goneOffices = removed(firm.offices, offices);
    if (goneOwners.length + goneOffices.length > 0) {
      const used = await referencesInUse(trx, id, goneOwners.map(key), goneOffices.map(key));
      const problems = [inUseSentence('Owners', used.owners, goneOwners), inUseSentence('Offices', used.offices, goneOffices)].filter(Boolean);
      if (problems.length > 0) throw conflict(`${problems.join('; ')}. Keep them until those clients are moved to another owner or office`);
    }
    const next = {
      ...firm,
      name: change.name?.trim() ?? firm.name,
      offlineClientsEnabled: change.offlineClientsEnabled ?? firm.offlineClientsEnabled,
      owners: owners ?? firm.owners,
      offices: offices ?? firm.offices,
      // People who sign in stay firm users whatever list is given: clients may not take their addresses.
      users: cleanList([...(owners ?? firm.owners), ...(change.users ?? firm.users), ...(await listUsers(trx, id)).map((u) => u.email)]),
    };
    await updateFirmSettings(trx, next);
    for (const email of cleanList(change.admins ?? [])) await upsertUser(trx, id, { email, role: 'admin' });
    await recordAuditEvent(trx, { firmId: id, actor, action: 'firm.settings-changed', detail: { ...change } });
    return (await findFirmById(trx, id))!;
  });
}

/** A new API key for the firm, named `rotated`; every older key stops working at once. Returned only here. */
export async function rotateFirmToken(db: Kysely<Database>, id: string, createdBy: string): Promise<{ token: string }> {
  if (!(await findFirmById(db, id))) throw notFound('Firm');
  return replaceApiKeys(db, id, createdBy);
}
