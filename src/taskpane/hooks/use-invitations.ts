import { useState } from 'react';
import type { PortalClient } from '../../api';
import type { Client, ClientRow } from '../../domain';
import { count } from '../format';
import type { Reporter } from './use-error-bar';
import { invitableIds, rowStatuses } from './portal-status';

export interface InvitationsState {
  /** From the last portal status: who can be invited and who re-invited; null before a status refresh. */
  pending: { notInvited: string[]; notEnrolled: string[] } | null;
  /** Rows whose client has a standard profile that is not Connected, at the last status refresh; null before one. */
  notConnected: number | null;
  busy: boolean;
  /** Called with the sheet's rows and the firm's clients whenever the portal status is refreshed. */
  update(rows: readonly ClientRow[], clients: readonly Client[]): void;
  /** Invites the Not Invited clients, or (`resend`) sends the Not Enrolled ones a fresh link. */
  send(resend: boolean): Promise<void>;
}

/** Invitations from the Template view's portal status (POST /clients/invitations and …/resend). */
export function useInvitations(client: PortalClient | null, reporter: Reporter, afterSend: () => Promise<void>): InvitationsState {
  const [pending, setPending] = useState<InvitationsState['pending']>(null);
  const [busy, setBusy] = useState(false);
  const [notConnected, setNotConnected] = useState<number | null>(null);
  return {
    pending,
    busy,
    notConnected,
    update: (rows, clients) => {
      setPending(invitableIds(rows, clients));
      setNotConnected(rowStatuses(rows, clients).filter((s) => s.unconnected).length);
    },
    send: async (resend) => {
      const ids = resend ? pending?.notEnrolled : pending?.notInvited;
      if (!client || !ids || ids.length === 0) return;
      setBusy(true);
      reporter.clear();
      try {
        const results = await client.invite(ids, { resend });
        const sent = results.filter((r) => r.invited).length;
        const refused = results.filter((r) => !r.invited);
        const first = refused[0]
          ? ` ${count(refused.length, 'client')} not: ${refused[0].taxClientId}, ${refused[0].comment}${refused.length > 1 ? ', …' : '.'}`
          : '';
        await afterSend(); // the statuses moved on (Not Invited → Not Enrolled); then say what was sent
        reporter.say({
          intent: refused.length ? 'warning' : 'success',
          text: `${resend ? 'New invitation links sent' : 'Invitations sent'} to ${count(sent, 'client')}.${first}`,
        });
      } catch (error) {
        reporter.fail(error);
      } finally {
        setBusy(false);
      }
    },
  };
}
