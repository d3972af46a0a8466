import type { FastifyPluginAsync } from 'fastify';
import { MAX_BATCH_ROWS, type ClientRow } from '../../domain/api-types';
import { tooLarge } from '../http/problem';
import { submitBatch } from '../imports/batch-engine';
import { currentFirm } from '../plugins/auth.plugin';
import { clientRowSchema, rowResultSchema } from '../schemas/client-row.schema';

interface BatchRoute {
  Params: { id: string; seq: string };
  Body: { rows: ClientRow[] };
}

export const batchRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireFirm);

  app.put<BatchRoute>('/imports/:id/batches/:seq', {
    // Too many rows is a size problem (413), found before the schema walks every row.
    preValidation: async (request) => {
      const rows = (request.body as { rows?: unknown } | null)?.rows;
      if (Array.isArray(rows) && rows.length > MAX_BATCH_ROWS) {
        throw tooLarge(`A batch holds at most ${MAX_BATCH_ROWS} rows; this one has ${rows.length}`);
      }
    },
    schema: {
      params: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'seq'],
        properties: { id: { type: 'string', maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]*$' }, seq: { type: 'string', pattern: '^[0-9]{1,9}$' } },
      },
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['rows'],
        properties: { rows: { type: 'array', items: clientRowSchema } },
      },
      response: { 200: { type: 'object', properties: { results: { type: 'array', items: rowResultSchema } } } },
    },
  }, async (request) => {
    const firm = currentFirm(request);
    const answer = await submitBatch(app.db, {
      firm,
      importId: request.params.id,
      seq: Number(request.params.seq),
      rows: request.body.rows,
      origin: app.publicOrigin(request),
    });
    if (app.devMail) {
      for (const message of answer.invitations) request.log.info({ to: message.to, body: message.body }, 'invitation queued in outbox');
    }
    return { results: answer.results };
  });
};
