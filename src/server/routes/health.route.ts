import type { FastifyPluginAsync } from 'fastify';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', {
    schema: {
      response: { 200: { type: 'object', properties: { status: { type: 'string' }, storage: { type: 'string' } } } },
    },
  }, async () => ({ status: 'ok', storage: app.storageKind }));
};
