import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { pglitePool } from './pglite-pool';
import { PGliteThread } from './pglite-thread';
import type { Database } from './schema';
import { migrateToLatest } from './migrate';
import { keepPrivate } from './private-dir';
import { pgListener, type Listen } from './notifications';

export type StorageKind = 'pglite' | 'postgres';

export interface StorageOptions {
  /** Set: PostgreSQL at this URL. Unset: PGlite in `dataDir`, or in memory when `dataDir` is unset too. */
  databaseUrl?: string;
  dataDir?: string;
}

export interface Storage {
  db: Kysely<Database>;
  kind: StorageKind;
  /** NOTIFYs from every server on the database (PostgreSQL only; PGlite is one process). */
  listen?: Listen;
}

/** Opens the database (the one PGlite-or-PostgreSQL choice) and runs pending migrations. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  let storage: Storage;
  if (options.databaseUrl) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
    // node-postgres: an idle client whose connection the server ends (a restart, pg_terminate_backend,
    // a dropped database) is emitted as a pool 'error', which crashes the process when nobody listens.
    // The pool has already discarded that client and opens a new one for the next query.
    pool.on('error', () => undefined);
    const listener = pgListener(options.databaseUrl);
    // Closing the database (db.destroy()) ends the pool, and the listening connection with it.
    const end = async () => {
      await listener.close();
      await pool.end();
    };
    const closing = { connect: () => pool.connect(), end };
    storage = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: closing }) }), kind: 'postgres', listen: listener.listen };
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
