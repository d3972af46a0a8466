import { hashToken, newToken } from '../security/tokens';
import type { Sealer } from '../security/sealing';
import type { OutboxMessage } from './outbox.repository';

/** A link is valid this long after it was issued (DESIGN §6). */
export const INVITATION_DAYS = 30;

/** What is stored of a new invitation: the hash finds it, the sealed copy lets the pane show the link again. */
export interface StoredInvitation {
  tokenHash: string;
  sealed: string;
}

export interface IssuedInvitation extends StoredInvitation {
  token: string;
}

export function issueInvitation(sealer: Sealer): IssuedInvitation {
  const token = newToken();
  return { token, tokenHash: hashToken(token), sealed: sealer.seal(token) };
}

/** `https://portal.example/invitations/<token>`: the token is the last path segment. */
export const invitationUrl = (origin: string, token: string) => `${origin}/invitations/${token}`;

/** The link of a sealed token, or undefined when it was sealed under another key (then a resend makes a new one). */
export function shownInvitationUrl(sealer: Sealer, origin: string, sealed: string | null): string | undefined {
  const token = sealed === null ? null : sealer.open(sealed);
  return token === null ? undefined : invitationUrl(origin, token);
}

/** The outbox keeps bodies sealed: they carry the link, which must not sit in the database in plain text. */
export function sealMessage(sealer: Sealer, message: OutboxMessage): OutboxMessage {
  return { ...message, body: sealer.seal(message.body) };
}
