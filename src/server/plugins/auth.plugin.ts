import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { findFirmByTokenHash, type FirmRecord } from '../firms/firm.repository';
import { unauthorized } from '../http/problem';
import { shared } from '../http/shared-plugin';
import { bearerToken, hashToken, sameSecret } from '../security/tokens';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    firm: FirmRecord | null;
  }
  interface FastifyInstance {
    /** onRequest hook of firm routes: resolves the Bearer token to `request.firm` or answers 401. */
    requireFirm: Hook;
    /** onRequest hook of admin routes: the Bearer token must be the admin token. */
    requireAdmin(adminToken: string): Hook;
  }
}

/**
 * The caller's firm from its token; routes read `currentFirm(request)` and scope every query by its id.
 * Both hooks run in onRequest, before any body is read, and count failures per address (rate-limit plugin).
 */
export const authPlugin: FastifyPluginAsync = shared(async (app) => {
  app.decorateRequest('firm', null);

  const guarded =
    (verify: (token: string | null, request: FastifyRequest) => Promise<string | null>): Hook =>
    async (request, reply) => {
      await app.limits.refuseLockedOut(request, reply);
      const refusal = await verify(bearerToken(request.headers.authorization), request);
      if (refusal) throw await app.limits.failure(request, reply, unauthorized(refusal));
      await app.limits.byToken(request, reply);
    };

  app.decorate(
    'requireFirm',
    guarded(async (token, request) => {
      if (!token) return 'A firm token is required (Authorization: Bearer <token>)';
      request.firm = await findFirmByTokenHash(app.db, hashToken(token));
      return request.firm ? null : 'The firm token is not valid';
    }),
  );
  app.decorate('requireAdmin', (adminToken: string) =>
    guarded(async (token) => (token && sameSecret(token, adminToken) ? null : 'The admin token is missing or not valid')),
  );
});

export function currentFirm(request: FastifyRequest): FirmRecord {
  if (!request.firm) throw unauthorized('A firm token is required');
  return request.firm;
}
