import { openStorage, type Storage, type StorageKind } from '../../src/server/storage/database';
import { createThrowawayDatabase } from '../support/throwaway-database';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  // CI wraps jest in scripts/with-postgres.sh; a run there without PostgreSQL must fail, not pass quietly.
  if (process.env.CI) throw new Error('TEST_DATABASE_URL is not set: run the server tests through scripts/with-postgres.sh');
  console.warn('PostgreSQL server tests SKIPPED: TEST_DATABASE_URL is not set (run via bash scripts/with-postgres.sh)');
}

/** `describe` for tests only PostgreSQL can run (a server, or two connections at once): wherever the PostgreSQL tests run. */
export const onPostgres = url ? describe : describe.skip;

/** Every dialect the server tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DIALECTS: StorageKind[] = url ? ['pglite', 'postgres'] : ['pglite'];

export interface TestStorage extends Storage {
  close(): Promise<void>;
  /** A connection string for this test database (PostgreSQL only). */
  url?: string;
}

/** A fresh, migrated, isolated database: PGlite in memory, or a new database on the PostgreSQL server. */
export async function openTestStorage(kind: StorageKind): Promise<TestStorage> {
  if (kind === 'pglite') {
    const storage = await openStorage({});
    return { ...storage, close: () => storage.db.destroy() };
  }
  const database = await createThrowawayDatabase(url!, 'test');
  const storage = await openStorage({ databaseUrl: database.url });
  return {
    ...storage,
    url: database.url,
    close: async () => {
      await storage.db.destroy();
      await database.drop();
    },
  };
}
