import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';

export interface PendingSignIn {
  stateHash: string;
  firmId: string;
  nonce: string;
  codeVerifierSealed: string;
  redirectUri: string;
  expiresAt: Date;
}

/** Stores a started sign-in; sign-ins that expired a day ago go at the same time. */
export async function insertPendingSignIn(db: Kysely<Database>, pending: PendingSignIn): Promise<void> {
  await db
    .deleteFrom('oidc_sign_ins')
    .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .insertInto('oidc_sign_ins')
    .values({
      state_hash: pending.stateHash,
      firm_id: pending.firmId,
      nonce: pending.nonce,
      code_verifier_sealed: pending.codeVerifierSealed,
      redirect_uri: pending.redirectUri,
      expires_at: pending.expiresAt,
      used_at: null,
    })
    .execute();
}

/**
 * Takes a started sign-in by its state, once: one statement marks it used, so of two servers finishing
 * the same state only one gets it. Null when unknown, expired or already taken.
 */
export async function claimPendingSignIn(db: Kysely<Database>, stateHash: string): Promise<PendingSignIn | null> {
  const row = await db
    .updateTable('oidc_sign_ins')
    .set({ used_at: sql<Date>`now()` })
    .where('state_hash', '=', stateHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['state_hash', 'firm_id', 'nonce', 'code_verifier_sealed', 'redirect_uri', 'expires_at'])
    .executeTakeFirst();
  return row
    ? {
        stateHash: row.state_hash,
        firmId: row.firm_id,
        nonce: row.nonce,
        codeVerifierSealed: row.code_verifier_sealed,
        redirectUri: row.redirect_uri,
        expiresAt: row.expires_at,
      }
    : null;
}
