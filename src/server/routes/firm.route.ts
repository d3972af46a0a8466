import type { FastifyPluginAsync } from 'fastify';
import { currentFirm } from '../plugins/auth.plugin';

const strings = { type: 'array', items: { type: 'string' } } as const;

export const firmRoutes: FastifyPluginAsync = async (app) => {
  app.get('/firm', {
    preHandler: app.requireFirm,
    schema: {
      response: {
        200: {
          type: 'object',
          properties: { id: { type: 'string' }, name: { type: 'string' }, offlineClientsEnabled: { type: 'boolean' }, owners: strings, offices: strings },
        },
      },
    },
  }, async (request) => {
    const { id, name, offlineClientsEnabled, owners, offices } = currentFirm(request);
    return { id, name, offlineClientsEnabled, owners, offices };
  });
};
