import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_BATCH_ROWS } from '../../domain/api-types';
import { tooLarge } from '../http/problem';
import { submitBatch } from '../imports/batch-engine';
import { currentFirm } from '../plugins/auth.plugin';
import { BatchAnswer, BatchBody, BatchParams } from '../schemas/import.schema';

export const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
      schema: { params: BatchParams, body: BatchBody, response: { 200: BatchAnswer } },
    },
    async (request) => {
      const answer = await submitBatch(app.db, {
        firm: currentFirm(request),
        importId: request.params.id,
        seq: Number(request.params.seq),
        rows: request.body.rows,
        origin: app.publicOrigin(request),
        sealer: app.sealer,
      });
      return { results: answer.results };
    },
  );
};
