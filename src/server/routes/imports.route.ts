import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../http/problem';
import { completeImport, findImport, insertImport, type ImportRecord } from '../imports/import.repository';
import { currentFirm } from '../plugins/auth.plugin';
import { cellText, importIdParams, importJobSchema } from '../schemas/client-row.schema';

const job = ({ id, status, counts, createdAt, completedAt }: ImportRecord) => ({ id, status, counts, createdAt, completedAt });

export const importRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireFirm);

  app.post<{ Body: { source?: string; sendInvitations?: boolean } | undefined }>('/imports', {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        properties: { source: { ...cellText, maxLength: 500 }, sendInvitations: { type: 'boolean' } },
      },
      response: { 201: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } } },
    },
  }, async (request, reply) => {
    const firm = currentFirm(request);
    const id = randomUUID();
    await insertImport(app.db, firm.id, { id, source: request.body?.source ?? '', sendInvitations: request.body?.sendInvitations ?? false });
    return reply.code(201).send({ id, status: 'open' });
  });

  app.get<{ Params: { id: string } }>('/imports/:id', {
    schema: { params: importIdParams, response: { 200: importJobSchema } },
  }, async (request) => {
    const found = await findImport(app.db, currentFirm(request).id, request.params.id);
    if (!found) throw notFound('Import');
    return job(found);
  });

  app.post<{ Params: { id: string } }>('/imports/:id/complete', {
    schema: { params: importIdParams, response: { 200: importJobSchema } },
  }, async (request) => {
    const done = await completeImport(app.db, currentFirm(request).id, request.params.id);
    if (!done) throw notFound('Import');
    return job(done);
  });
};
