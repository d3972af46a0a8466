import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createFirm } from '../firms/firm.service';
import { FirmCreated, FirmSettingsBody } from '../schemas/firm.schema';
import { firmAdminRoutes } from './firm-admin.route';

/** Admin routes exist only when an admin token is configured. */
export const adminRoutes: FastifyPluginAsyncTypebox<{ adminToken: string }> = async (app, { adminToken }) => {
  app.addHook('onRequest', app.requireAdmin(adminToken));
  app.addHook('onSend', app.forgetCredentialsOnChange);
  await app.register(firmAdminRoutes);

  app.post(
    '/admin/firms',
    {
      schema: { security: [{ adminToken: [] }], body: FirmSettingsBody, response: { 201: FirmCreated } },
    },
    async (request, reply) => reply.code(201).send(await createFirm(app.db, request.body, 'admin token')),
  );
};
