import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { notFound } from '../http/problem';
import { listBatches } from '../imports/batch.repository';
import { findImport } from '../imports/import.repository';
import { currentFirm } from '../plugins/auth.plugin';
import { reportRows } from '../reports/report-rows';
import { reportWorkbook } from '../reports/report-workbook';
import { templateWorkbook } from '../reports/template-workbook';
import { importIdParams } from '../schemas/client-row.schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireFirm);

  async function rowsOf(request: FastifyRequest<{ Params: { id: string } }>) {
    const job = await findImport(app.db, currentFirm(request).id, request.params.id);
    if (!job) throw notFound('Import');
    return reportRows(await listBatches(app.db, job.id));
  }

  app.get<{ Params: { id: string } }>('/imports/:id/report', { schema: { params: importIdParams } },
    async (request) => ({ rows: await rowsOf(request) }));

  app.get<{ Params: { id: string } }>('/imports/:id/report.xlsx', { schema: { params: importIdParams } },
    async (request, reply) => {
      // Rows first: the header may only carry an id the database knows, never raw path text.
      const workbook = await reportWorkbook(await rowsOf(request));
      return reply.type(XLSX).header('content-disposition', `attachment; filename="import-report-${request.params.id}.xlsx"`).send(workbook);
    });

  app.get('/template.xlsx', { schema: {} }, async (request, reply) => reply
    .type(XLSX)
    .header('content-disposition', 'attachment; filename="client-import-template.xlsx"')
    .send(await templateWorkbook(currentFirm(request))));
};
