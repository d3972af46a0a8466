import type { FastifyPluginAsync } from 'fastify';
import { createFirm, type FirmSettings } from '../firms/firm.service';
import { unauthorized } from '../http/problem';
import { bearerToken, sameSecret } from '../security/tokens';

// At least one visible character: a name of spaces is blank once trimmed.
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u001f\\u007f]*$' }) as const;
const list = (max: number) => ({ type: 'array', maxItems: 1000, items: text(max) }) as const;

/** Admin routes exist only when an admin token is configured. */
export const adminRoutes: FastifyPluginAsync<{ adminToken: string }> = async (app, { adminToken }) => {
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token || !sameSecret(token, adminToken)) throw unauthorized('The admin token is missing or not valid');
  });

  app.post<{ Body: FirmSettings }>('/admin/firms', {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'owners', 'offices'],
        properties: {
          name: text(200),
          offlineClientsEnabled: { type: 'boolean' },
          owners: { ...list(254), minItems: 1 },
          offices: { ...list(200), minItems: 1 },
          users: list(254),
        },
      },
      response: { 201: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, token: { type: 'string' } } } },
    },
  }, async (request, reply) => reply.code(201).send(await createFirm(app.db, request.body)));
};
