import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { findFirmByTokenHash, type FirmRecord } from '../firms/firm.repository';
import { unauthorized } from '../http/problem';
import { shared } from '../http/shared-plugin';
import { bearerToken, hashToken } from '../security/tokens';

declare module 'fastify' {
  interface FastifyRequest {
    firm: FirmRecord | null;
  }
  interface FastifyInstance {
    /** onRequest hook of firm routes: resolves the Bearer token to `request.firm` or answers 401. */
    requireFirm(request: FastifyRequest): Promise<void>;
  }
}

/** The caller's firm from its token; routes read `currentFirm(request)` and scope every query by its id. */
export const authPlugin: FastifyPluginAsync = shared(async (app) => {
  app.decorateRequest('firm', null);
  app.decorate('requireFirm', async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('A firm token is required (Authorization: Bearer <token>)');
    const firm = await findFirmByTokenHash(app.db, hashToken(token));
    if (!firm) throw unauthorized('The firm token is not valid');
    request.firm = firm;
  });
});

export function currentFirm(request: FastifyRequest): FirmRecord {
  if (!request.firm) throw unauthorized('A firm token is required');
  return request.firm;
}
