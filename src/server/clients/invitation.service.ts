import type { Kysely } from 'kysely';
import type { ClientStatus } from '../../domain/api-types';
import { nextStatus } from '../../domain/status';
import type { FirmRecord } from '../firms/firm.repository';
import { notFound } from '../http/problem';
import { invitationMessage } from '../imports/batch-engine';
import { newToken } from '../security/tokens';
import type { Database } from '../storage/schema';
import { lockByInvitationToken, lockStandardProfiles, setInvitations, setProfileStatus } from './invitation.repository';
import { queueMessages, type OutboxMessage } from './outbox.repository';

export interface InvitationResult {
  taxClientId: string;
  invited: boolean;
  status: ClientStatus | null;
  comment: string;
}

function whyNot(status: ClientStatus | null): string {
  if (status === null) return 'No standard client with this Tax Client ID';
  if (status === 'Missing Info') return 'The client has no Taxpayer Email to invite';
  if (status === 'Not Enrolled') return 'The client is already invited';
  return 'The client is already connected';
}

/** Invites the firm's Not Invited standard clients among these IDs; others are reported, not changed. */
export async function inviteClients(db: Kysely<Database>, firm: FirmRecord, taxClientIds: string[], origin: string): Promise<{ results: InvitationResult[]; messages: OutboxMessage[] }> {
  const ids = [...new Set(taxClientIds.map((id) => id.trim()))];
  return db.transaction().execute(async (trx) => {
    const profiles = new Map((await lockStandardProfiles(trx, firm.id, ids)).map((p) => [p.taxClientId, p]));
    const invites: { taxClientId: string; token: string }[] = [];
    const messages: OutboxMessage[] = [];
    const results = ids.map((taxClientId): InvitationResult => {
      const profile = profiles.get(taxClientId);
      const status = profile?.status ?? null;
      if (!profile || status !== 'Not Invited') return { taxClientId, invited: false, status, comment: whyNot(status) };
      const token = newToken();
      invites.push({ taxClientId, token });
      messages.push(invitationMessage(firm, profile, `${origin}/invitations/${token}`));
      return { taxClientId, invited: true, status: nextStatus(status, 'invitation-sent'), comment: '' };
    });
    await setInvitations(trx, firm.id, 'Not Enrolled', invites);
    await queueMessages(trx, firm.id, messages);
    return { results, messages };
  });
}

/**
 * The taxpayer accepts: the standard profile becomes Connected and, in the same transaction,
 * an offline profile with the same Tax Client ID becomes Duplicate. Accepting twice answers the same.
 */
export async function acceptInvitation(db: Kysely<Database>, token: string): Promise<{ taxClientId: string; status: 'Connected' }> {
  return db.transaction().execute(async (trx) => {
    const profile = await lockByInvitationToken(trx, token);
    if (!profile) throw notFound('Invitation');
    const connected = nextStatus(profile.status, 'accepted');
    if (connected === null && profile.status !== 'Connected') throw notFound('Invitation');
    if (connected !== null) {
      await setProfileStatus(trx, profile.firmId, profile.taxClientId, 'standard', profile.status, connected);
      await setProfileStatus(trx, profile.firmId, profile.taxClientId, 'offline', 'Offline', nextStatus('Offline', 'standard-connected')!);
    }
    return { taxClientId: profile.taxClientId, status: 'Connected' };
  });
}
