import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps } from '../../src/server/app';
import type { ClientRow } from '../../src/domain/api-types';
import type { StorageKind } from '../../src/server/storage/database';
import { openTestStorage, type TestStorage } from './dialects';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: FastifyInstance;
  storage: TestStorage;
  close(): Promise<void>;
}

// Suites send hundreds of refused requests from one address in a minute; the limits themselves are tested
// apart (test/bad-input/rate-limits.test.ts) with small figures.
const ROOMY_LIMITS = { perAddress: 1_000_000, failedAuthPerAddress: 1_000_000 };

/** The app on a fresh database of the given dialect, for `app.inject()`; `deps` replaces any default. */
export async function build(kind: StorageKind, deps: Partial<AppDeps> = {}): Promise<TestApp> {
  const storage = await openTestStorage(kind);
  const app = await buildApp({
    db: storage.db,
    storage: storage.kind,
    adminToken: ADMIN_TOKEN,
    publicOrigin: 'https://portal.test',
    rateLimits: ROOMY_LIMITS,
    listen: storage.listen,
    ...deps,
  });
  await app.ready();
  return {
    app,
    storage,
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
}

export interface TestFirm {
  id: string;
  token: string;
  auth: { authorization: string };
}

export const OWNER = 'owner@firm.test';
export const OFFICE = 'Main Office';

export async function createFirm(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<TestFirm> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/firms',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    payload: { name: 'Test Firm', offlineClientsEnabled: true, owners: [OWNER], offices: [OFFICE], users: ['staff@firm.test'], ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`createFirm: ${res.statusCode} ${res.body}`);
  const { id, token } = res.json();
  return { id, token, auth: { authorization: `Bearer ${token}` } };
}

/** A valid template row; `n` picks the Tax Client ID `C00001`-style and a unique email. */
export function clientRow(n: number, overrides: Partial<ClientRow> = {}): ClientRow {
  const id = `C${String(n).padStart(5, '0')}`;
  return {
    row: n + 1,
    taxClientId: id,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    email: `client${n}@example.com`,
    ownerEmail: OWNER,
    officeLocation: OFFICE,
    isOffline: 'No',
    ...overrides,
  };
}

export async function startImport(app: FastifyInstance, firm: TestFirm, body: Record<string, unknown> = {}): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: firm.auth, payload: body });
  if (res.statusCode !== 201) throw new Error(`startImport: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** PUT of a batch; `after`: the batch it follows, as the add-in names it. */
export function putBatch(
  app: FastifyInstance,
  firm: TestFirm,
  importId: string,
  seq: number,
  rows: unknown[],
  after?: number,
): Promise<LightMyRequestResponse> {
  const query = after === undefined ? '' : `?after=${after}`;
  return app.inject({ method: 'PUT', url: `/api/v1/imports/${importId}/batches/${seq}${query}`, headers: firm.auth, payload: { rows } });
}

/** Runs `work` over `items` with at most `width` calls in flight (the add-in keeps 6 batches in flight). */
export async function inFlight<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Resolves once `count()` reaches `n` (polled): a test waits for requests to reach a state the database shows. */
export async function until(count: () => Promise<number>, n: number): Promise<void> {
  for (let tries = 0; (await count()) < n; tries++) {
    if (tries > 1000) throw new Error(`never reached ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Imports rows in one batch of a new import and returns the results. */
export async function importRows(app: FastifyInstance, firm: TestFirm, rows: ClientRow[], body: Record<string, unknown> = {}) {
  const id = await startImport(app, firm, body);
  const res = await putBatch(app, firm, id, 1, rows);
  if (res.statusCode !== 200) throw new Error(`importRows: ${res.statusCode} ${res.body}`);
  await app.inject({ method: 'POST', url: `/api/v1/imports/${id}/complete`, headers: firm.auth });
  return { importId: id, results: res.json().results as { outcome: string; status: string | null; comment: string; taxClientId: string }[] };
}

export async function listAllClients(app: FastifyInstance, firm: TestFirm, query = '') {
  const res = await app.inject({ method: 'GET', url: `/api/v1/clients?limit=1000${query}`, headers: firm.auth });
  return res.json().clients as { taxClientId: string; kind: string; status: string; invitationUrl?: string }[];
}
