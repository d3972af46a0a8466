import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentFirm } from '../plugins/auth.plugin';
import { FirmSchema } from '../schemas/firm.schema';

export const firmRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/firm', { schema: { response: { 200: FirmSchema } } }, async (request) => {
    const { id, name, offlineClientsEnabled, owners, offices } = currentFirm(request);
    return { id, name, offlineClientsEnabled, owners, offices };
  });
};
