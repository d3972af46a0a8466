import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createFirm } from '../firms/firm.service';
import { unauthorized } from '../http/problem';
import { FirmCreated, FirmSettingsBody } from '../schemas/firm.schema';
import { bearerToken, sameSecret } from '../security/tokens';

/** Admin routes exist only when an admin token is configured. */
export const adminRoutes: FastifyPluginAsyncTypebox<{ adminToken: string }> = async (app, { adminToken }) => {
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token || !sameSecret(token, adminToken)) throw unauthorized('The admin token is missing or not valid');
  });

  app.post(
    '/admin/firms',
    {
      schema: { security: [{ adminToken: [] }], body: FirmSettingsBody, response: { 201: FirmCreated } },
    },
    async (request, reply) => reply.code(201).send(await createFirm(app.db, request.body)),
  );
};
