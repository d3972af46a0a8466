import { sql, type Kysely } from 'kysely';
import { toFirmRecord } from '../firms/firm.repository';
import type { Database } from '../storage/schema';
import { KEY_ROLE, type Principal, type Role } from './actor';
import { LAST_USE_STEP_MS, touchApiKey } from './api-key.repository';

interface Row {
  id: string;
  name: string;
  offline_clients_enabled: boolean;
  owners: string[];
  offices: string[];
  users: string[];
  kind: 'key' | 'user';
  actor_id: string;
  actor_name: string;
  email: string;
  role: Role;
  session_id: string | null;
  last_used_at: Date | null;
}

/**
 * The principal behind a Bearer token's hash, in one statement: an API key in force, or the access token
 * of a live session of a user who still exists (a removed user's sessions are deleted with the user).
 * A key's last use is written at most once a minute.
 */
export async function findPrincipal(db: Kysely<Database>, tokenHash: string): Promise<Principal | null> {
  const { rows } = await sql<Row>`
    select f.id, f.name, f.offline_clients_enabled, f.owners, f.offices, f.users,
      'key' as kind, k.id as actor_id, k.name as actor_name, '' as email, ${KEY_ROLE} as role, null as session_id, k.last_used_at
    from api_keys k join firms f on f.id = k.firm_id
    where k.key_hash = ${tokenHash} and k.revoked_at is null
    union all
    select f.id, f.name, f.offline_clients_enabled, f.owners, f.offices, f.users,
      'user', u.id, u.name, u.email, u.role, s.id, null
    from session_tokens t join sessions s on s.id = t.session_id join firm_users u on u.id = s.user_id join firms f on f.id = s.firm_id
    where t.token_hash = ${tokenHash} and t.kind = 'access' and t.expires_at > now() and s.revoked_at is null`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const firm = toFirmRecord(row);
  if (row.kind === 'user') {
    return { firm, actor: { kind: 'user', userId: row.actor_id, email: row.email, name: row.actor_name, role: row.role, sessionId: row.session_id! } };
  }
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() >= LAST_USE_STEP_MS) await touchApiKey(db, row.actor_id);
  return { firm, actor: { kind: 'key', keyId: row.actor_id, name: row.actor_name, role: row.role } };
}
