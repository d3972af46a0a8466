import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openStorage, type Storage, type StorageKind } from '../../src/server/storage/database';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  // CI wraps jest in scripts/with-postgres.sh; a run there without PostgreSQL must fail, not pass quietly.
  if (process.env.CI) throw new Error('TEST_DATABASE_URL is not set: run the server tests through scripts/with-postgres.sh');
  console.warn('PostgreSQL server tests SKIPPED: TEST_DATABASE_URL is not set (run via bash scripts/with-postgres.sh)');
}

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
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const dbUrl = new URL(url!);
  dbUrl.pathname = `/${name}`;
  const storage = await openStorage({ databaseUrl: dbUrl.toString() });
  return {
    ...storage,
    url: dbUrl.toString(),
    close: async () => {
      await storage.db.destroy();
      await adminQuery(`drop database ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
