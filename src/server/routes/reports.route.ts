import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../http/problem';
import { listBatches } from '../imports/batch.repository';
import { findImport } from '../imports/import.repository';
import { currentFirm } from '../plugins/auth.plugin';
import { reportRows } from '../reports/report-rows';
import { reportWorkbook } from '../reports/report-workbook';
import { templateWorkbook } from '../reports/template-workbook';
import { ReportSchema } from '../schemas/import.schema';
import { ImportIdParams } from '../schemas/text.schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// A workbook answer: binary, described for the OpenAPI document (no serializer runs on a Buffer).
const workbook = {
  200: { description: 'An .xlsx workbook', content: { [XLSX]: { schema: Type.Unsafe<Buffer>({ type: 'string', contentMediaType: XLSX }) } } },
};

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function rowsOf(firmId: string, importId: string) {
    const job = await findImport(app.db, firmId, importId);
    if (!job) throw notFound('Import');
    return reportRows(await listBatches(app.db, job.id));
  }

  app.get('/imports/:id/report', { schema: { params: ImportIdParams, response: { 200: ReportSchema } } }, async (request) => ({
    rows: await rowsOf(currentFirm(request).id, request.params.id),
  }));

  app.get('/imports/:id/report.xlsx', { schema: { params: ImportIdParams, response: workbook } }, async (request, reply) => {
    // Rows first: the header may only carry an id the database knows, never raw path text.
    const file = await reportWorkbook(await rowsOf(currentFirm(request).id, request.params.id));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="import-report-${request.params.id}.xlsx"`).send(file);
  });

  app.get('/template.xlsx', { schema: { response: workbook } }, async (request, reply) =>
    reply
      .type(XLSX)
      .header('content-disposition', 'attachment; filename="client-import-template.xlsx"')
      .send(await templateWorkbook(currentFirm(request))),
  );
};
