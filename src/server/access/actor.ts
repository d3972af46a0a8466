import type { FirmRecord } from '../firms/firm.repository';

/** What a firm user may do (DESIGN §6): admins run the firm's settings, users, keys and sign-in; preparers import. */
export type Role = 'admin' | 'preparer';

/** Who is calling: a signed-in person (through a session) or a named API key. */
export type Actor =
  { kind: 'user'; userId: string; email: string; name: string; role: Role; sessionId: string } | { kind: 'key'; keyId: string; name: string; role: Role };

/** A firm call's caller, resolved from its Bearer token. */
export interface Principal {
  firm: FirmRecord;
  actor: Actor;
}

/** API keys act for scripts and integrations: imports and invitations, never the firm's administration. */
export const KEY_ROLE: Role = 'preparer';

/** How the actor is named in audit records and History: a person's address, or the key's name. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : `API key "${actor.name}"`;
}
