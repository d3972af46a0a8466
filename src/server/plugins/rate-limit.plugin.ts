import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/problem';
import type { RateLimits } from '../http/rate-limits';
import { shared } from '../http/shared-plugin';
import { WindowStore } from '../http/window-store';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface Limiters {
  /** onRequest of routes that take no token: per address. */
  byAddress: Hook;
  /** onRequest after authentication: per firm (or the admin token). */
  byToken: Hook;
  /** onRequest of the batch PUT: per import of the caller's firm. */
  batchesOfImport: Hook;
  /** After a failed authentication: the problem to answer (429 once the address is past its limit of failures). */
  failure(request: FastifyRequest, reply: FastifyReply, refusal: HttpProblem): Promise<HttpProblem>;
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: Limiters;
  }
}

function tooMany(reply: FastifyReply, ttlMs: number): HttpProblem {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  reply.header('retry-after', String(seconds));
  return new HttpProblem(429, `Too many requests; retry in ${seconds} s`, 'urn:problem:rate-limited');
}

/** Per address, per token and per import limits (DESIGN §9), each answering 429 with Retry-After. */
export const rateLimitPlugin: FastifyPluginAsync<RateLimits> = shared(async (app, limits) => {
  await app.register(rateLimit, { global: false, timeWindow: limits.windowMs, store: WindowStore });
  const limiter = (max: number, key?: (request: FastifyRequest) => string) =>
    app.createRateLimit({ max, timeWindow: limits.windowMs, ...(key ? { keyGenerator: key } : {}) });
  const enforce =
    (check: ReturnType<typeof limiter>): Hook =>
    async (request, reply) => {
      const state = await check(request);
      if (!state.isAllowed && state.isExceeded) throw tooMany(reply, state.ttl);
    };
  const firmKey = (request: FastifyRequest) => (request.firm ? `firm:${request.firm.id}` : 'admin');
  const failures = limiter(limits.failedAuthPerAddress);

  app.decorate('limits', {
    byAddress: enforce(limiter(limits.perAddress)),
    byToken: enforce(limiter(limits.perToken, firmKey)),
    batchesOfImport: enforce(limiter(limits.batchesPerImport, (r) => `${firmKey(r)}:import:${(r.params as { id?: string }).id}`)),
    failure: async (request, reply, refusal) => {
      const state = await failures(request);
      return !state.isAllowed && state.isExceeded ? tooMany(reply, state.ttl) : refusal;
    },
  } satisfies Limiters);
});
