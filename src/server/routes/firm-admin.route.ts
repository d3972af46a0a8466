import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { rotateFirmToken, updateFirm } from '../firms/firm-admin.service';
import { moveClients } from '../firms/client-move.service';
import { AdminFirmSchema, ClientMoveAnswer, ClientMoveBody, FirmChangeBody, FirmIdParams, FirmToken } from '../schemas/firm.schema';

const security = [{ adminToken: [] }];

/** Firm administration; registered inside the admin routes, so their admin-token check runs first. */
export const firmAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.patch('/admin/firms/:id', { schema: { security, params: FirmIdParams, body: FirmChangeBody, response: { 200: AdminFirmSchema } } }, async (request) => {
    return updateFirm(app.db, request.params.id, request.body, 'admin token');
  });

  // Before an owner or office still used by clients can be removed: move those clients, then remove it.
  app.post(
    '/admin/firms/:id/client-moves',
    { schema: { security, params: FirmIdParams, body: ClientMoveBody, response: { 200: ClientMoveAnswer } } },
    async (request) => moveClients(app.db, request.params.id, request.body, 'admin'),
  );

  app.post('/admin/firms/:id/token', { schema: { security, params: FirmIdParams, response: { 200: FirmToken } } }, async (request) => {
    return rotateFirmToken(app.db, request.params.id, 'admin token');
  });
};
