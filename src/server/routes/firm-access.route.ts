import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorLabel } from '../access/actor';
import { changeRole, createApiKey, removeUser } from '../access/access.service';
import { listApiKeys, revokeApiKey } from '../access/api-key.repository';
import { revokeUserSessions } from '../access/session.repository';
import { findUser, listUsers, upsertUser } from '../access/user.repository';
import { notFound } from '../http/problem';
import { currentActor, currentFirm } from '../plugins/auth.plugin';
import {
  AccessIdParams,
  ApiKeyCreated,
  ApiKeyList,
  FirmUserChangeBody,
  FirmUserList,
  FirmUserSchema,
  NewApiKeyBody,
  NewFirmUserBody,
} from '../schemas/access.schema';

/**
 * The firm admin's routes (DESIGN §6): people and API keys. Registered inside the firm routes behind
 * requireRole('admin'), so a preparer or an API key gets 403 before any body is read.
 */
export const firmAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/firm/keys', { schema: { response: { 200: ApiKeyList } } }, async (request) => ({ keys: await listApiKeys(app.db, currentFirm(request).id) }));

  app.post('/firm/keys', { schema: { body: NewApiKeyBody, response: { 201: ApiKeyCreated } } }, async (request, reply) => {
    const key = await createApiKey(app.db, currentFirm(request).id, request.body.name, actorLabel(currentActor(request)));
    return reply.code(201).send(key);
  });

  app.delete('/firm/keys/:id', { schema: { params: AccessIdParams } }, async (request, reply) => {
    if (!(await revokeApiKey(app.db, currentFirm(request).id, request.params.id))) throw notFound('API key');
    return reply.code(204).send();
  });

  app.get('/firm/users', { schema: { response: { 200: FirmUserList } } }, async (request) => ({ users: await listUsers(app.db, currentFirm(request).id) }));

  app.post('/firm/users', { schema: { body: NewFirmUserBody, response: { 201: FirmUserSchema } } }, async (request, reply) =>
    reply.code(201).send(await upsertUser(app.db, currentFirm(request).id, request.body)),
  );

  app.patch('/firm/users/:id', { schema: { params: AccessIdParams, body: FirmUserChangeBody, response: { 200: FirmUserSchema } } }, async (request) =>
    changeRole(app.db, currentFirm(request).id, request.params.id, request.body.role),
  );

  app.delete('/firm/users/:id/sessions', { schema: { params: AccessIdParams } }, async (request, reply) => {
    const firmId = currentFirm(request).id;
    if (!(await findUser(app.db, firmId, request.params.id))) throw notFound('User');
    await revokeUserSessions(app.db, firmId, request.params.id);
    return reply.code(204).send();
  });

  app.delete('/firm/users/:id', { schema: { params: AccessIdParams } }, async (request, reply) => {
    await removeUser(app.db, currentFirm(request).id, request.params.id);
    return reply.code(204).send();
  });
};
