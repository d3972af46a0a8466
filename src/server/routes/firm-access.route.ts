import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorLabel } from '../access/actor';
import { changeRole, createApiKey, removeUser } from '../access/access.service';
import { listApiKeys, revokeApiKey } from '../access/api-key.repository';
import { revokeUserSessions } from '../access/session.repository';
import { findUser, listUsers, upsertUser } from '../access/user.repository';
import type { FastifyRequest } from 'fastify';
import { listRecentAuditEvents, recordAuditEvent } from '../audit/audit.repository';
import { notFound } from '../http/problem';
import { currentActor, currentFirm } from '../plugins/auth.plugin';
import {
  AccessIdParams,
  ActivityList,
  ApiKeyCreated,
  ApiKeyList,
  FirmUserChangeBody,
  FirmUserList,
  FirmUserSchema,
  NewApiKeyBody,
  NewFirmUserBody,
} from '../schemas/access.schema';

const ACTIVITY_LIMIT = 200;

/**
 * The firm admin's routes (DESIGN §6): people, API keys and the activity list; each change is recorded (audit). Registered inside the firm routes behind
 * requireRole('admin'), so a preparer or an API key gets 403 before any body is read.
 */
export const firmAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const audit = (request: FastifyRequest, action: string, detail: Record<string, unknown>) =>
    recordAuditEvent(app.db, { firmId: currentFirm(request).id, actor: actorLabel(currentActor(request)), action, detail });

  app.get('/firm/activity', { schema: { response: { 200: ActivityList } } }, async (request) => ({
    events: (await listRecentAuditEvents(app.db, currentFirm(request).id, ACTIVITY_LIMIT)).map(({ actor, action, detail, createdAt }) => ({
      actor,
      action,
      detail,
      createdAt: createdAt.toISOString(),
    })),
  }));

  app.get('/firm/keys', { schema: { response: { 200: ApiKeyList } } }, async (request) => ({ keys: await listApiKeys(app.db, currentFirm(request).id) }));

  app.post('/firm/keys', { schema: { body: NewApiKeyBody, response: { 201: ApiKeyCreated } } }, async (request, reply) => {
    const key = await createApiKey(app.db, currentFirm(request).id, request.body.name, actorLabel(currentActor(request)));
    await audit(request, 'api-key.created', { id: key.id, name: key.name });
    return reply.code(201).send(key);
  });

  app.delete('/firm/keys/:id', { schema: { params: AccessIdParams } }, async (request, reply) => {
    if (!(await revokeApiKey(app.db, currentFirm(request).id, request.params.id))) throw notFound('API key');
    await audit(request, 'api-key.revoked', { id: request.params.id });
    return reply.code(204).send();
  });

  app.get('/firm/users', { schema: { response: { 200: FirmUserList } } }, async (request) => ({ users: await listUsers(app.db, currentFirm(request).id) }));

  app.post('/firm/users', { schema: { body: NewFirmUserBody, response: { 201: FirmUserSchema } } }, async (request, reply) => {
    const user = await upsertUser(app.db, currentFirm(request).id, request.body);
    await audit(request, 'user.added', { id: user.id, email: user.email, role: user.role });
    return reply.code(201).send(user);
  });

  app.patch('/firm/users/:id', { schema: { params: AccessIdParams, body: FirmUserChangeBody, response: { 200: FirmUserSchema } } }, async (request) => {
    const user = await changeRole(app.db, currentFirm(request).id, request.params.id, request.body.role);
    await audit(request, 'user.role-changed', { id: user.id, email: user.email, role: user.role });
    return user;
  });

  app.delete('/firm/users/:id/sessions', { schema: { params: AccessIdParams } }, async (request, reply) => {
    const firmId = currentFirm(request).id;
    if (!(await findUser(app.db, firmId, request.params.id))) throw notFound('User');
    await revokeUserSessions(app.db, firmId, request.params.id);
    await audit(request, 'user.sessions-revoked', { id: request.params.id });
    return reply.code(204).send();
  });

  app.delete('/firm/users/:id', { schema: { params: AccessIdParams } }, async (request, reply) => {
    const user = await removeUser(app.db, currentFirm(request).id, request.params.id);
    await audit(request, 'user.removed', { id: user.id, email: user.email });
    return reply.code(204).send();
  });
};
