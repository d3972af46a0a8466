import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import type { Principal } from './actor';
import { findByApiKeyHash, LAST_USE_STEP_MS, touchApiKey } from './api-key.repository';

/** The principal behind a Bearer token's hash: an API key in force, or null. A key's last use is written at most once a minute. */
export async function findPrincipal(db: Kysely<Database>, tokenHash: string): Promise<Principal | null> {
  const key = await findByApiKeyHash(db, tokenHash);
  if (!key) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() >= LAST_USE_STEP_MS) await touchApiKey(db, key.keyId);
  return key.principal;
}
