import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { queueMessages } from '../clients/outbox.repository';
import { unauthorized } from '../http/problem';
import type { Sealer } from '../security/sealing';
import type { Database } from '../storage/schema';
import { countFailedAttempt, findCodeRecipients, insertCode, lockLiveCodes, markCodeUsed } from './sign-in-code.repository';
import { startSession, type TokenPair } from './session.service';

/** A code works for 10 minutes, for one sign-in, and for at most 5 wrong guesses. */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
/** At most 5 codes a user in 15 minutes: with 5 guesses each, 25 guesses in a million per quarter hour. */
export const CODE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_CODES_PER_WINDOW = 5;

// The code is hashed with its row id, so equal codes of two rows never share a hash.
const codeHash = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * E-mails a six-digit code to each firm user with this address (one per firm, naming it), through the
 * outbox. Says nothing about whether the address is known: the route answers the same either way.
 */
export async function sendSignInCodes(db: Kysely<Database>, sealer: Sealer, email: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const recipients = await findCodeRecipients(trx, email, new Date(Date.now() - CODE_WINDOW_MS));
    for (const r of recipients) {
      if (r.recentCodes >= MAX_CODES_PER_WINDOW) continue;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await insertCode(trx, r.userId, (id) => codeHash(id, code), new Date(Date.now() + CODE_TTL_MS));
      const body = `Your sign-in code for ${r.firmName} is ${code}\n\nIt works once, for 10 minutes. If you did not ask for it, ignore this message.\n`;
      await queueMessages(trx, r.firmId, [{ to: r.email, subject: `Your sign-in code for ${r.firmName}`, body: sealer.seal(body) }]);
    }
  });
}

/**
 * Signs in with a code: the newest live code of a user with this address that matches starts a session.
 * A wrong code counts an attempt against every live code of the address; after MAX_CODE_ATTEMPTS a code is dead.
 */
export async function signInWithCode(db: Kysely<Database>, email: string, code: string): Promise<TokenPair> {
  const pair = await db.transaction().execute(async (trx) => {
    const live = await lockLiveCodes(trx, email, MAX_CODE_ATTEMPTS);
    const hit = live.find((c) => sameHash(c.codeHash, codeHash(c.id, code)));
    if (!hit) {
      await countFailedAttempt(
        trx,
        live.map((c) => c.id),
      );
      return null;
    }
    await markCodeUsed(trx, hit.id);
    return startSession(trx, { firmId: hit.firmId, userId: hit.userId }, 'code');
  });
  if (!pair) throw unauthorized('The code is not valid (wrong, used, expired or tried too often)');
  return pair;
}
