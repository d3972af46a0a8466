import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Client } from '../../domain/api-types';
import { normalizeTaxClientId } from '../../domain/tax-client-id';
import { listClients } from '../clients/client.repository';
import { shownInvitationUrl } from '../clients/invitation-links';
import { inviteClients } from '../clients/invitation.service';
import { actorLabel } from '../access/actor';
import { currentActor, currentFirm } from '../plugins/auth.plugin';
import { ClientPage, ClientQuery, InvitationRequest, InvitationResults } from '../schemas/client.schema';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const idList = (value: string | string[] | undefined) =>
  value === undefined
    ? undefined
    : [value]
        .flat()
        .flatMap((v) => v.split(','))
        // IDs are stored in their one form (NFKC): a lookup by `Ｔ１` finds `T1`.
        .map(normalizeTaxClientId)
        .filter((v) => v !== '');

export const clientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/clients', { schema: { querystring: ClientQuery, response: { 200: ClientPage } } }, async (request) => {
    const q = request.query;
    const page = await listClients(app.db, currentFirm(request).id, {
      taxClientIds: idList(q.taxClientId),
      kind: q.kind,
      status: q.status,
      limit: Math.min(MAX_LIMIT, Math.max(1, Number(q.limit ?? DEFAULT_LIMIT))),
      after: q.cursor,
    });
    const origin = app.publicOrigin();
    const clients = page.clients.map(({ invitationSealed, ...client }): Client => {
      const invitationUrl = client.status === 'Not Enrolled' ? shownInvitationUrl(app.sealer, origin, invitationSealed) : undefined;
      return invitationUrl ? { ...client, invitationUrl } : client;
    });
    return { clients, next: page.next };
  });

  app.post('/clients/invitations', { schema: { body: InvitationRequest, response: { 200: InvitationResults } } }, async (request) => {
    const results = await inviteClients(app.db, {
      firm: currentFirm(request),
      taxClientIds: request.body.taxClientIds,
      origin: app.publicOrigin(),
      sealer: app.sealer,
      actor: actorLabel(currentActor(request)),
    });
    return { results };
  });
};
