// The portal app on in-memory PGlite for app.inject(), with a firm shaped like the pipeline's FIRM.
// Kept apart from test/server/build.ts so these PGlite-only tests don't depend on PostgreSQL settings.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { openStorage } from '../../../src/server/storage/database';
import { FIRM } from './workbook-pipeline';

const ADMIN = 'hostile-admin-token-0123456789';

export interface HostileApp {
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface HostileFirm {
  auth: { authorization: string };
}

export async function startApp(): Promise<HostileApp> {
  const storage = await openStorage({});
  const app = await buildApp({ db: storage.db, storage: storage.kind, adminToken: ADMIN, publicOrigin: 'https://portal.test' });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await storage.db.destroy();
    },
  };
}

export async function newFirm(app: FastifyInstance): Promise<HostileFirm> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/firms',
    headers: { authorization: `Bearer ${ADMIN}` },
    payload: { name: 'Hostile Firm', offlineClientsEnabled: FIRM.offlineClientsEnabled, owners: FIRM.owners, offices: FIRM.offices, users: FIRM.users },
  });
  if (res.statusCode !== 201) throw new Error(`newFirm: ${res.statusCode} ${res.body}`);
  return { auth: { authorization: `Bearer ${res.json().token}` } };
}

export async function startImport(app: FastifyInstance, firm: HostileFirm): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: firm.auth, payload: {} });
  if (res.statusCode !== 201) throw new Error(`startImport: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export function putBatch(app: FastifyInstance, firm: HostileFirm, importId: string, seq: number, rows: unknown[]): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'PUT', url: `/api/v1/imports/${importId}/batches/${seq}`, headers: firm.auth, payload: { rows } });
}
