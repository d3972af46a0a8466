import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { namesByEmail } from '../access/user.repository';
import { listImports } from '../imports/import.repository';
import { currentFirm } from '../plugins/auth.plugin';
import { HISTORY_CURSOR, ImportHistoryPage, ImportHistoryQuery } from '../schemas/import.schema';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;

/** `GET /imports?limit=&cursor=`: the firm's past imports, newest first (the pane's history). */
export const importHistoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/imports', { schema: { querystring: ImportHistoryQuery, response: { 200: ImportHistoryPage } } }, async (request) => {
    const { limit, cursor } = request.query;
    const match = cursor === undefined ? null : HISTORY_CURSOR.exec(cursor);
    const firmId = currentFirm(request).id;
    const page = await listImports(
      app.db,
      firmId,
      Math.min(MAX_LIMIT, Math.max(1, Number(limit ?? DEFAULT_LIMIT))),
      match ? { micros: match[1], id: match[2] } : undefined,
    );
    // History names the person who started an import (DESIGN §6), as the firm knows them now.
    const names = await namesByEmail(
      app.db,
      firmId,
      page.imports.map((i) => i.createdBy),
    );
    return {
      imports: page.imports.map(({ id, status, source, counts, createdAt, completedAt, createdBy }) => ({
        id,
        status,
        source: source || null,
        counts,
        createdAt,
        completedAt,
        createdBy,
        createdByName: names.get(createdBy.toLowerCase()) ?? '',
      })),
      next: page.next ? `${page.next.micros}.${page.next.id}` : null,
    };
  });
};
