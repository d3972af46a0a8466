import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FirmRecord } from '../firms/firm.repository';
import { FirmTokenCache } from '../firms/firm-token-cache';
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
    /** Firms by token hash, kept for a moment (firms/firm-token-cache.ts); forget() after changing a firm or its token. */
    firmTokens: FirmTokenCache;
  }
}

/**
 * The caller's firm from its token; routes read `currentFirm(request)` and scope every query by its id.
 * Both hooks run in onRequest, before any body is read, and count failures per address (rate-limit plugin):
 * past the limit a bad token gets 429 instead of 401.
 */
export const authPlugin: FastifyPluginAsync = shared(async (app) => {
  app.decorateRequest('firm', null);
  app.decorate('firmTokens', new FirmTokenCache(app.db));

  const guarded =
    (verify: (token: string | null, request: FastifyRequest) => Promise<string | null>): Hook =>
    async (request, reply) => {
      // The token is checked before any lockout: an address that sent bad tokens (a firm's whole office may
      // share it) is refused only for bad tokens, never for a valid one (DESIGN §9).
      const refusal = await verify(bearerToken(request.headers.authorization), request);
      if (refusal) throw await app.limits.failure(request, reply, unauthorized(refusal));
      await app.limits.byToken(request, reply);
    };

  app.decorate(
    'requireFirm',
    guarded(async (token, request) => {
      if (!token) return 'A firm token is required (Authorization: Bearer <token>)';
      request.firm = await app.firmTokens.find(hashToken(token));
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
