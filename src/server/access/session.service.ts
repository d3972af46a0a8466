import type { Kysely } from 'kysely';
import { unauthorized } from '../http/problem';
import { hashToken } from '../security/tokens';
import type { Database } from '../storage/schema';
import { newAccessToken, newRefreshToken } from './session-tokens';
import { insertSession, insertTokenPair, lockRefreshToken, markRefreshUsed, revokeSession } from './session.repository';

/** Access tokens are short-lived: a stolen one is worth minutes. */
export const ACCESS_TTL_SECONDS = 10 * 60;
/** A refresh token lasts 30 days, and only until it is used once. */
export const REFRESH_TTL_SECONDS = 30 * 24 * 3600;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
}

async function issuePair(db: Kysely<Database>, sessionId: string): Promise<TokenPair> {
  const accessToken = newAccessToken();
  const refreshToken = newRefreshToken();
  const now = Date.now();
  await insertTokenPair(db, sessionId, {
    accessHash: hashToken(accessToken),
    accessExpiresAt: new Date(now + ACCESS_TTL_SECONDS * 1000),
    refreshHash: hashToken(refreshToken),
    refreshExpiresAt: new Date(now + REFRESH_TTL_SECONDS * 1000),
  });
  return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: ACCESS_TTL_SECONDS };
}

/** A new session for a user who just proved who they are (`method`: `oidc` or `code`); run inside the proof's own transaction. */
export async function startSession(trx: Kysely<Database>, user: { firmId: string; userId: string }, method: string): Promise<TokenPair> {
  return issuePair(trx, await insertSession(trx, { ...user, method }));
}

/**
 * Trades a refresh token for a new pair; the old one is spent. A spent refresh token presented again
 * means a copy is in someone else's hands: the whole session (its family of tokens) ends, and both
 * holders must sign in again. The revocation commits even though the answer is 401.
 */
export async function refreshSession(db: Kysely<Database>, refreshToken: string): Promise<TokenPair> {
  const hash = hashToken(refreshToken);
  const outcome = await db.transaction().execute(async (trx) => {
    const claimed = await lockRefreshToken(trx, hash);
    if (!claimed || claimed.revoked || claimed.expired) return 'The refresh token is not valid (unknown, expired or signed out)';
    if (claimed.used) {
      await revokeSession(trx, claimed.sessionId);
      return 'The refresh token was already used: the session is ended, sign in again';
    }
    await markRefreshUsed(trx, hash);
    return issuePair(trx, claimed.sessionId);
  });
  if (typeof outcome === 'string') throw unauthorized(outcome);
  return outcome;
}
