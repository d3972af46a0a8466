import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Client } from '../../domain/api-types';
import { listClients } from '../clients/client.repository';
import { inviteClients } from '../clients/invitation.service';
import { currentFirm } from '../plugins/auth.plugin';
import { ClientPage, ClientQuery, InvitationRequest, InvitationResults } from '../schemas/client.schema';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const idList = (value: string | string[] | undefined) =>
  value === undefined
    ? undefined
    : [value]
        .flat()
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
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
    const origin = app.publicOrigin(request);
    const clients = page.clients.map(({ invitationToken, ...client }): Client =>
      client.status === 'Not Enrolled' && invitationToken ? { ...client, invitationUrl: `${origin}/invitations/${invitationToken}` } : client,
    );
    return { clients, next: page.next };
  });

  app.post('/clients/invitations', { schema: { body: InvitationRequest, response: { 200: InvitationResults } } }, async (request) => {
    const { results, messages } = await inviteClients(app.db, currentFirm(request), request.body.taxClientIds, app.publicOrigin(request));
    if (app.devMail) for (const m of messages) request.log.info({ to: m.to, body: m.body }, 'invitation queued in outbox');
    return { results };
  });
};
