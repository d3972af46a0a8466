import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/problem';
import { shared } from '../http/shared-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Graceful stop, step one: from now on every new request answers 503 (Retry-After), and the promise
     * settles once the requests already running (a batch mid-transaction) have answered, or after `graceMs`.
     */
    drain(graceMs: number): Promise<void>;
  }
}

/** Tracks running requests so a SIGTERM lets in-flight batches finish (DESIGN §9) before the app closes. */
export const shutdownPlugin: FastifyPluginAsync = shared(async (app) => {
  const running = new Set<FastifyRequest>();
  let draining = false;
  let settle: (() => void) | null = null;
  const finished = (request: FastifyRequest) => {
    running.delete(request);
    if (draining && running.size === 0) settle?.();
  };

  app.addHook('onRequest', async (request, reply) => {
    if (draining) {
      reply.header('connection', 'close').header('retry-after', '5');
      throw new HttpProblem(503, 'The server is shutting down; retry in a moment', 'urn:problem:shutting-down');
    }
    running.add(request);
  });
  // Only an answer ends a request here: a caller that hung up does not stop its batch's transaction.
  app.addHook('onResponse', async (request) => finished(request));

  app.decorate('drain', (graceMs: number) => {
    draining = true;
    if (running.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      settle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  });
});
