import type { OutboxMessage } from './outbox.repository';

/** The invitation e-mail of a standard client, whether it comes from an import or a later invite. */
export function invitationMessage(firm: { name: string }, row: { firstName: string; email?: string }, url: string): OutboxMessage {
  return {
    to: (row.email ?? '').trim(),
    subject: `${firm.name} invites you to its client portal`,
    body: `Hello ${row.firstName.trim()},\n\n${firm.name} invites you to connect with it online. Open this link to accept:\n${url}\n`,
  };
}
