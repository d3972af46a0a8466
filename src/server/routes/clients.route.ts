import type { FastifyPluginAsync } from 'fastify';
import type { Client, ClientStatus, ProfileKind } from '../../domain/api-types';
import { listClients } from '../clients/client.repository';
import { inviteClients } from '../clients/invitation.service';
import { currentFirm } from '../plugins/auth.plugin';
import { cellText } from '../schemas/client-row.schema';

const STATUSES: ClientStatus[] = ['Missing Info', 'Not Invited', 'Not Enrolled', 'Connected', 'Offline', 'Duplicate'];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface ClientQuery {
  /** One ID, a comma-separated list, or the parameter repeated. */
  taxClientId?: string | string[];
  kind?: ProfileKind;
  status?: ClientStatus;
  limit?: string;
  cursor?: string;
}

const idList = (value: string | string[] | undefined) =>
  value === undefined ? undefined : [value].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

export const clientRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireFirm);

  app.get<{ Querystring: ClientQuery }>('/clients', {
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          taxClientId: { anyOf: [{ ...cellText, maxLength: 51000 }, { type: 'array', maxItems: 1000, items: { ...cellText, maxLength: 50 } }] },
          kind: { type: 'string', enum: ['standard', 'offline'] },
          status: { type: 'string', enum: STATUSES },
          limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
          cursor: { type: 'string', pattern: '^[0-9]{1,18}$' },
        },
      },
    },
  }, async (request) => {
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
      client.status === 'Not Enrolled' && invitationToken ? { ...client, invitationUrl: `${origin}/invitations/${invitationToken}` } : client);
    return { clients, next: page.next };
  });

  app.post<{ Body: { taxClientIds: string[] } }>('/clients/invitations', {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['taxClientIds'],
        properties: { taxClientIds: { type: 'array', minItems: 1, maxItems: 1000, items: { ...cellText, maxLength: 50 } } },
      },
    },
  }, async (request) => {
    const { results, messages } = await inviteClients(app.db, currentFirm(request), request.body.taxClientIds, app.publicOrigin(request));
    if (app.devMail) for (const m of messages) request.log.info({ to: m.to, body: m.body }, 'invitation queued in outbox');
    return { results };
  });
};
