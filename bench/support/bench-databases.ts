// The databases a bench run measures: PGlite in a temporary directory always, and PostgreSQL when
// TEST_DATABASE_URL or DATABASE_URL is set — in a throw-away database created on that server and
// dropped afterwards, so a bench never writes into an existing database.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createThrowawayDatabase } from '../../test/support/throwaway-database';

export interface BenchDatabase {
  label: 'pglite' | 'postgres';
  /** Unset: PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  dispose(): Promise<void>;
}

export function postgresServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function pgliteDatabase(): BenchDatabase {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
  return { label: 'pglite', dataDir, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function postgresDatabase(serverUrl: string): Promise<BenchDatabase> {
  const database = await createThrowawayDatabase(serverUrl, 'bench');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-unused-'));
  return {
    label: 'postgres',
    databaseUrl: database.url,
    dataDir,
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
