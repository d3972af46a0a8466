import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/server/storage/schema';
import type { StorageKind } from '../../../src/server/storage/database';
import { ADMIN_TOKEN, build, type TestApp } from '../../server/build';

export interface ListeningApp {
  url: string;
  db: Kysely<Database>;
  adminToken: string;
  close(): Promise<void>;
}

/** The app on a fresh database of `kind`, listening on 127.0.0.1 so clients go through real HTTP. */
export async function listenApp(kind: StorageKind): Promise<ListeningApp> {
  const t: TestApp = await build(kind);
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { url, db: t.storage.db, adminToken: ADMIN_TOKEN, close: () => t.close() };
}

/** Rows per table of one firm's data, to compare with what the API says. */
export async function firmTables(db: Kysely<Database>, firmId: string) {
  const { rows } = await sql<{ imports: number; open_empty: number; batches: number; clients: number; outbox: number }>`
    select
      (select count(*)::int from imports where firm_id = ${firmId}) as imports,
      (select count(*)::int from imports where firm_id = ${firmId} and row_count = 0) as open_empty,
      (select count(*)::int from import_batches b join imports i on i.id = b.import_id where i.firm_id = ${firmId}) as batches,
      (select count(*)::int from clients where firm_id = ${firmId}) as clients,
      (select count(*)::int from outbox where firm_id = ${firmId}) as outbox`.execute(db);
  return rows[0];
}
