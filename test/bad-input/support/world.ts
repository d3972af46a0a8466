import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/storage/schema';
import type { StorageKind } from '../../../src/server/storage/database';
import { ADMIN_TOKEN, build, clientRow, createFirm, importRows, listAllClients, putBatch, startImport, type TestFirm } from '../../server/build';

/**
 * Two firms with data worth protecting: A has invited, not-invited and offline clients, a completed
 * import and an open one with a batch; B has its own client and import. Bad requests must leave all of it as it is.
 */
export interface World {
  app: FastifyInstance;
  db: Kysely<Database>;
  a: TestFirm;
  b: TestFirm;
  admin: { authorization: string };
  completedOfA: string;
  openOfA: string;
  openOfB: string;
  /** A's Not Enrolled client C00001's invitation token. */
  invitationOfA: string;
  close(): Promise<void>;
}

export async function buildWorld(kind: StorageKind): Promise<World> {
  const t = await build(kind);
  const a = await createFirm(t.app, { name: 'Firm A' });
  const b = await createFirm(t.app, { name: 'Firm B' });
  const completedOfA = (await importRows(t.app, a, [clientRow(1), clientRow(2), clientRow(3, { isOffline: 'Yes' })], { sendInvitations: true })).importId;
  await importRows(t.app, a, [clientRow(10), clientRow(11, { email: '' })]);
  const openOfA = await startImport(t.app, a);
  if ((await putBatch(t.app, a, openOfA, 1, [clientRow(20)])).statusCode !== 200) throw new Error('world: batch failed');
  await importRows(t.app, b, [clientRow(1)]);
  const openOfB = await startImport(t.app, b);
  const invited = (await listAllClients(t.app, a)).find((c) => c.taxClientId === 'C00001' && c.kind === 'standard');
  const invitationOfA = invited?.invitationUrl?.split('/').pop();
  if (!invitationOfA) throw new Error('world: no invitation token');
  return {
    app: t.app,
    db: t.storage.db,
    a,
    b,
    admin: { authorization: `Bearer ${ADMIN_TOKEN}` },
    completedOfA,
    openOfA,
    openOfB,
    invitationOfA,
    close: t.close,
  };
}

/** A JSON body given as raw text, with the content type a client would send (or another). */
export function raw(
  method: InjectOptions['method'],
  url: string,
  headers: Record<string, string>,
  payload: string,
  contentType = 'application/json',
): InjectOptions {
  return { method, url, payload, headers: { ...headers, 'content-type': contentType } };
}

export function json(method: InjectOptions['method'], url: string, headers: Record<string, string>, body: unknown): InjectOptions {
  return raw(method, url, headers, JSON.stringify(body));
}

/** A body just over 3 MB, valid JSON apart from its size. */
export const threeMegabytes = (field = 'name') => JSON.stringify({ [field]: 'x'.repeat(3 * 1024 * 1024) });
