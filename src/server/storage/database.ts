import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { pglitePool } from './pglite-pool';
import { PGliteThread } from './pglite-thread';
import type { Database } from './schema';
import { migrateToLatest } from './migrate';
import { keepPrivate } from './private-dir';

export type StorageKind = 'pglite' | 'postgres';

export interface StorageOptions {
  /** Set: PostgreSQL at this URL. Unset: PGlite in `dataDir`, or in memory when `dataDir` is unset too. */
  databaseUrl?: string;
  dataDir?: string;
}

export interface Storage {
  db: Kysely<Database>;
  kind: StorageKind;
}

/** Opens the database (the one PGlite-or-PostgreSQL choice) and runs pending migrations. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  let storage: Storage;
  if (options.databaseUrl) {
    // Pipeline mode: statements given to one connection go out at once, each still run after the one
    // before it ends (storage/pipeline.ts). Code that awaits each statement is unaffected.
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10, pipeline: true });
    // node-postgres: an idle client whose connection the server ends (a restart, pg_terminate_backend,
    // a dropped database) is emitted as a pool 'error', which crashes the process when nobody listens.
    // The pool has already discarded that client and opens a new one for the next query.
    pool.on('error', () => undefined);
    storage = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres' };
  } else {
    if (options.dataDir) keepPrivate(options.dataDir);
    const pglite = new PGliteThread(options.dataDir);
    await pglite.ready.catch(async (error: unknown) => {
      await pglite.close();
      throw error;
    });
    storage = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) }), kind: 'pglite' };
  }
  await migrateToLatest(storage.db);
  return storage;
}
