import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_BATCH_ROWS } from '../../domain/api-types';
import { HttpProblem, tooLarge } from '../http/problem';
import { PhaseClock } from '../http/server-timing';
import { submitBatch, TooManyWaiting } from '../imports/batch-engine';
import { currentFirm } from '../plugins/auth.plugin';
import { BatchAnswer, BatchBody, BatchParams, BatchQuery } from '../schemas/import.schema';
import { withNormalizedId } from '../../domain/tax-client-id';

// Each batch answer says where its time went (Server-Timing): receive + parse, validate, then the engine's phases.
const clocks = new WeakMap<object, PhaseClock>();

export const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', async (request) => {
    clocks.set(request, new PhaseClock());
  });
  app.addHook('preValidation', async (request) => {
    clocks.get(request)?.lap('parse');
  });
  app.addHook('preHandler', async (request) => {
    clocks.get(request)?.lap('validate');
  });
  app.addHook('onSend', async (request, reply) => {
    const clock = clocks.get(request);
    if (!clock) return;
    clock.lap('serialize');
    reply.header('server-timing', clock.header());
  });

  app.put(
    '/imports/:id/batches/:seq',
    {
      // After the firm's token is checked (scope hook): an import's batches have their own, generous, limit.
      onRequest: app.limits.batchesOfImport,
      // Too many rows is a size problem (413), found before the schema walks every row.
      preValidation: async (request) => {
        const rows = (request.body as { rows?: unknown } | null)?.rows;
        if (Array.isArray(rows) && rows.length > MAX_BATCH_ROWS) {
          throw tooLarge(`A batch holds at most ${MAX_BATCH_ROWS} rows; this one has ${rows.length}`);
        }
      },
      schema: { params: BatchParams, querystring: BatchQuery, body: BatchBody, response: { 200: BatchAnswer } },
    },
    async (request, reply) => {
      const seq = Number(request.params.seq);
      const after = request.query.after === undefined ? null : Number(request.query.after);
      if (after !== null && after >= seq) throw new HttpProblem(400, `after must name an earlier batch than ${seq}`);
      try {
        const results = await submitBatch(app.batchEngine, {
          firm: currentFirm(request),
          importId: request.params.id,
          seq,
          after,
          // One Tax Client ID, one form (DESIGN §9): `Ｔ１` is stored, compared and answered as `T1`.
          rows: request.body.rows.map(withNormalizedId),
          origin: app.publicOrigin(),
          sealer: app.sealer,
          lap: (phase) => clocks.get(request)?.lap(phase),
        });
        return { results };
      } catch (error) {
        if (error instanceof TooManyWaiting) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );
};
