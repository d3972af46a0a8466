import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../access/actor';
import { CredentialCache, PGLITE_CREDENTIAL_TTL_MS } from '../access/credential-cache';
import { findPrincipal } from '../access/principal-lookup';
import type { FirmRecord } from '../firms/firm.repository';
import { HttpProblem, unauthorized } from '../http/problem';
import { shared } from '../http/shared-plugin';
import { bearerToken, sameSecret } from '../security/tokens';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    firm: FirmRecord | null;
    /** Who made a firm call: a signed-in person or an API key. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** onRequest hook of firm routes: resolves the Bearer token (an API key or a session) to `request.firm` and `request.actor`, or answers 401. */
    requireFirm: Hook;
    /** onRequest hook after requireFirm: 403 unless the caller has this role. */
    requireRole(role: Role): Hook;
    /** onRequest hook of admin routes: the Bearer token must be the admin token. */
    requireAdmin(adminToken: string): Hook;
    /** Principals by token hash (access/credential-cache.ts); forget() after any change to a firm, user, key or session. */
    credentials: CredentialCache;
    /** onSend hook of scopes whose calls change firms, users, keys or sessions: a change answered here is seen by the next request. */
    forgetCredentialsOnChange(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown>;
  }
}

/**
 * The caller's firm and identity from its token; routes read `currentFirm(request)` and scope every query by its id.
 * The hooks run in onRequest, before any body is read, and count failures per address (rate-limit plugin):
 * past the limit a bad token gets 429 instead of 401.
 */
export const authPlugin: FastifyPluginAsync = shared(async (app) => {
  app.decorateRequest('firm', null);
  app.decorateRequest('actor', null);
  app.decorate('credentials', new CredentialCache((token) => findPrincipal(app.db, token), app.storageKind === 'pglite' ? PGLITE_CREDENTIAL_TTL_MS : 0));

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
      if (!token) return 'A token is required (Authorization: Bearer <API key or access token>)';
      const principal = await app.credentials.find(token);
      if (!principal) return 'The token is not valid (unknown, expired or revoked)';
      request.firm = principal.firm;
      request.actor = principal.actor;
      return null;
    }),
  );
  app.decorate('forgetCredentialsOnChange', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') app.credentials.forget();
    return payload;
  });
  app.decorate('requireRole', (role: Role) => async (request: FastifyRequest) => {
    if (currentActor(request).role !== role) throw forbidden(`Only a firm ${role} may do this`);
  });
  app.decorate('requireAdmin', (adminToken: string) =>
    guarded(async (token) => (token && sameSecret(token, adminToken) ? null : 'The admin token is missing or not valid')),
  );
});

const forbidden = (detail: string) => new HttpProblem(403, detail, 'urn:problem:forbidden');

export function currentFirm(request: FastifyRequest): FirmRecord {
  if (!request.firm) throw unauthorized('A token is required');
  return request.firm;
}

export function currentActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized('A token is required');
  return request.actor;
}
