import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { revokeSession } from '../access/session.repository';
import { HttpProblem } from '../http/problem';
import { currentActor, currentFirm } from '../plugins/auth.plugin';
import { MeSchema } from '../schemas/access.schema';

/** Who is calling, and signing out. */
export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me', { schema: { response: { 200: MeSchema } } }, async (request) => {
    const firm = currentFirm(request);
    const actor = currentActor(request);
    return {
      firm: { id: firm.id, name: firm.name },
      actor: { kind: actor.kind, name: actor.name, email: actor.kind === 'user' ? actor.email : null, role: actor.role },
    };
  });

  app.post('/auth/sign-out', { schema: { security: [{ session: [] }] } }, async (request, reply) => {
    const actor = currentActor(request);
    if (actor.kind !== 'user') throw new HttpProblem(400, 'An API key does not sign out: a firm admin revokes it', 'urn:problem:not-a-session');
    await revokeSession(app.db, actor.sessionId);
    app.credentials.forget();
    return reply.code(204).send();
  });
};
