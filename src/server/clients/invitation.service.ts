import type { Kysely } from 'kysely';
import type { ClientStatus, InvitationResult } from '../../domain/api-types';
import { nextStatus } from '../../domain/status';
import { normalizeTaxClientId } from '../../domain/tax-client-id';
import type { FirmRecord } from '../firms/firm.repository';
import { HttpProblem, notFound } from '../http/problem';
import type { Sealer } from '../security/sealing';
import { hashToken } from '../security/tokens';
import type { Database } from '../storage/schema';
import { invitationUrl, issueInvitation, sealMessage, type StoredInvitation } from './invitation-links';
import { invitationMessage } from './invitation-message';
import {
  findByInvitationHash,
  findReplacedInvitation,
  lockByInvitationHash,
  lockStandardProfiles,
  retireInvitations,
  setInvitations,
  setProfileStatus,
  type InvitedProfile,
} from './invitation.repository';
import { lockOfflineRule } from './offline-rule.lock';
import { queueMessages, type OutboxMessage } from './outbox.repository';
import { recordAuditEvent } from '../audit/audit.repository';

export interface LinkRequest {
  firm: FirmRecord;
  taxClientIds: string[];
  origin: string;
  sealer: Sealer;
  /** Who asks (audit): a person's address or an API key's name. */
  actor: string;
}

function whyNot(status: ClientStatus | null, resend: boolean): string {
  if (status === null) return 'No standard client with this Tax Client ID';
  if (status === 'Missing Info') return 'The client has no Taxpayer Email to invite';
  if (status === 'Connected') return 'The client is already connected';
  if (resend) return 'The client has not been invited yet: send an invitation instead';
  return 'The client is already invited: resend the invitation instead';
}

/** Invites the firm's Not Invited standard clients among these IDs; others are reported, not changed. */
export const inviteClients = (db: Kysely<Database>, request: LinkRequest) => sendLinks(db, request, 'Not Invited');

/** A fresh link for each Not Enrolled client among these IDs; its previous link stops working. Others are reported, not changed. */
export const resendInvitations = (db: Kysely<Database>, request: LinkRequest) => sendLinks(db, request, 'Not Enrolled');

async function sendLinks(
  db: Kysely<Database>,
  { firm, taxClientIds, origin, sealer, actor }: LinkRequest,
  from: 'Not Invited' | 'Not Enrolled',
): Promise<InvitationResult[]> {
  const ids = [...new Set(taxClientIds.map(normalizeTaxClientId))];
  return db.transaction().execute(async (trx) => {
    const profiles = new Map((await lockStandardProfiles(trx, firm.id, ids)).map((p) => [p.taxClientId, p]));
    const invites: { taxClientId: string; invitation: StoredInvitation }[] = [];
    const messages: OutboxMessage[] = [];
    const results = ids.map((taxClientId): InvitationResult => {
      const profile = profiles.get(taxClientId);
      const status = profile?.status ?? null;
      if (!profile || status !== from) return { taxClientId, invited: false, status, comment: whyNot(status, from === 'Not Enrolled') };
      const issued = issueInvitation(sealer);
      const url = invitationUrl(origin, issued.token);
      invites.push({ taxClientId, invitation: issued });
      messages.push(sealMessage(sealer, invitationMessage(firm, profile, url)));
      return { taxClientId, invited: true, status: nextStatus(status, 'invitation-sent'), comment: '', invitationUrl: url };
    });
    if (from === 'Not Enrolled')
      await retireInvitations(
        trx,
        firm.id,
        invites.map((i) => i.taxClientId),
      );
    await setInvitations(trx, firm.id, 'Not Enrolled', invites);
    await queueMessages(trx, firm.id, messages);
    const invited = invites.map((i) => i.taxClientId);
    if (invited.length > 0) {
      const action = from === 'Not Enrolled' ? 'invitations.resent' : 'invitations.sent';
      await recordAuditEvent(trx, { firmId: firm.id, actor, action, detail: { count: invited.length, taxClientIds: invited } });
    }
    return results;
  });
}

export type InvitationLookup =
  { state: 'open' | 'connected' | 'expired'; profile: InvitedProfile } | { state: 'replaced'; firmName: string } | { state: 'unknown' };

/** What a link stands for now, read without changing anything (the invitation page). */
export async function lookupInvitation(db: Kysely<Database>, token: string): Promise<InvitationLookup> {
  const hash = hashToken(token);
  const profile = await findByInvitationHash(db, hash);
  if (profile) return { state: stateOf(profile), profile } as InvitationLookup;
  const replaced = await findReplacedInvitation(db, hash);
  return replaced ? { state: 'replaced', firmName: replaced.firmName } : { state: 'unknown' };
}

function stateOf(profile: InvitedProfile): 'open' | 'connected' | 'expired' | 'unknown' {
  if (profile.status === 'Connected') return 'connected';
  if (profile.status !== 'Not Enrolled') return 'unknown';
  return profile.expired ? 'expired' : 'open';
}

/**
 * The taxpayer accepts: the standard profile becomes Connected and, in the same transaction,
 * an offline profile with the same Tax Client ID becomes Duplicate. Accepting twice answers the same
 * (even after the 30 days); an expired or replaced link is refused with 410 and changes nothing.
 */
export async function acceptInvitation(db: Kysely<Database>, token: string): Promise<{ taxClientId: string; status: 'Connected' }> {
  const hash = hashToken(token);
  return db.transaction().execute(async (trx) => {
    const profile = await lockByInvitationHash(trx, hash);
    const state = profile ? stateOf(profile) : 'unknown';
    if (!profile || state === 'unknown') {
      if (await findReplacedInvitation(trx, hash))
        throw new HttpProblem(410, 'This invitation link was replaced by a newer one: use the link in the latest e-mail', 'urn:problem:invitation-replaced');
      throw notFound('Invitation');
    }
    if (state === 'expired') throw new HttpProblem(410, 'This invitation link has expired: ask the firm to send a new one', 'urn:problem:invitation-expired');
    if (state === 'open') {
      await lockOfflineRule(trx, profile.firmId, 'exclusive');
      await setProfileStatus(trx, profile.firmId, profile.taxClientId, 'standard', profile.status, 'Connected');
      await setProfileStatus(trx, profile.firmId, profile.taxClientId, 'offline', 'Offline', nextStatus('Offline', 'standard-connected')!);
    }
    return { taxClientId: profile.taxClientId, status: 'Connected' };
  });
}
