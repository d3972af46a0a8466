import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../http/problem';
import { completeImport, findImport, insertImport, type ImportRecord } from '../imports/import.repository';
import { actorLabel } from '../access/actor';
import { recordAuditEvent } from '../audit/audit.repository';
import { currentActor, currentFirm } from '../plugins/auth.plugin';
import { ImportCreated, ImportJobSchema, NewImportBody } from '../schemas/import.schema';
import { ImportIdParams } from '../schemas/text.schema';

const job = ({ id, status, counts, createdAt, completedAt }: ImportRecord) => ({ id, status, counts, createdAt, completedAt });

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/imports',
    {
      // A POST without a body is allowed (docs/api.md): every field has a default. It is validated as `{}`; a body
      // that is there (a JSON `null` included) is validated as sent.
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
      schema: { body: NewImportBody, response: { 201: ImportCreated } },
    },
    async (request, reply) => {
      const firm = currentFirm(request);
      const id = randomUUID();
      const body = request.body;
      const createdBy = actorLabel(currentActor(request));
      const job = { id, source: body.source ?? '', sendInvitations: body.sendInvitations ?? false, createdBy };
      await app.db.transaction().execute(async (trx) => {
        await insertImport(trx, firm.id, job);
        await recordAuditEvent(trx, {
          firmId: firm.id,
          actor: createdBy,
          action: 'import.started',
          detail: { importId: id, source: job.source, sendInvitations: job.sendInvitations },
        });
      });
      return reply.code(201).send({ id, status: 'open' });
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: { params: ImportIdParams, response: { 200: ImportJobSchema } },
    },
    async (request) => {
      const found = await findImport(app.db, currentFirm(request).id, request.params.id);
      if (!found) throw notFound('Import');
      return job(found);
    },
  );

  app.post(
    '/imports/:id/complete',
    {
      schema: { params: ImportIdParams, response: { 200: ImportJobSchema } },
    },
    async (request) => {
      const done = await completeImport(app.db, currentFirm(request).id, request.params.id);
      if (!done) throw notFound('Import');
      return job(done);
    },
  );
};
