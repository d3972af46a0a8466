import { sql, type Kysely } from 'kysely';
import { toFirmRecord, type FirmColumns } from '../firms/firm.repository';
import { hashToken } from '../security/tokens';
import type { Database } from '../storage/schema';
import { KEY_ROLE, type Principal, type Role } from './actor';
import { LAST_USE_STEP_MS, touchApiKey } from './api-key.repository';
import { ACCESS_TOKEN_PREFIX } from './session-tokens';

/**
 * The principal behind a Bearer token: the access token of a live session of a user who still exists (a
 * removed user's sessions are deleted with the user), or an API key in force. Access tokens carry their
 * own prefix (no API key has a dot), so each token costs one indexed statement. A key's last use is
 * written at most once a minute.
 */
export async function findPrincipal(db: Kysely<Database>, token: string): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  if (token.startsWith(ACCESS_TOKEN_PREFIX)) {
    const { rows } = await sql<FirmColumns & { user_id: string; user_name: string; email: string; role: Role; session_id: string }>`
      select f.id, f.name, f.offline_clients_enabled, f.owners, f.offices, f.users, u.id as user_id, u.name as user_name, u.email, u.role, s.id as session_id
      from session_tokens t join sessions s on s.id = t.session_id join firm_users u on u.id = s.user_id join firms f on f.id = s.firm_id
      where t.token_hash = ${tokenHash} and t.kind = 'access' and t.expires_at > now() and s.revoked_at is null`.execute(db);
    const row = rows[0];
    if (!row) return null;
    return {
      firm: toFirmRecord(row),
      actor: { kind: 'user', userId: row.user_id, email: row.email, name: row.user_name, role: row.role, sessionId: row.session_id },
    };
  }
  const { rows } = await sql<FirmColumns & { key_id: string; key_name: string; last_used_at: Date | null }>`
    select f.id, f.name, f.offline_clients_enabled, f.owners, f.offices, f.users, k.id as key_id, k.name as key_name, k.last_used_at
    from api_keys k join firms f on f.id = k.firm_id
    where k.key_hash = ${tokenHash} and k.revoked_at is null`.execute(db);
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() >= LAST_USE_STEP_MS) await touchApiKey(db, row.key_id);
  return { firm: toFirmRecord(row), actor: { kind: 'key', keyId: row.key_id, name: row.key_name, role: KEY_ROLE } };
}
