import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001-initial';
import * as m002 from './migrations/002-import-provenance';
import * as m003 from './migrations/003-batch-documents-as-text';
import * as m004 from './migrations/004-invitations-and-delivery';
import * as m005 from './migrations/005-batch-documents-gzipped';
import * as m006 from './migrations/006-import-last-write';
import * as m007 from './migrations/007-pending-batches';
import * as m009 from './migrations/009-audit-events';
import * as m010 from './migrations/010-users-and-api-keys';
import * as m011 from './migrations/011-sessions';
import * as m012 from './migrations/012-import-actor';
import * as m013 from './migrations/013-identity-providers';
import * as m014 from './migrations/014-oidc-sign-ins';

// Migrations are imported, not read from disk, so the built server and tsx run the same list.
export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-import-provenance': m002,
  '003-batch-documents-as-text': m003,
  '004-invitations-and-delivery': m004,
  '005-batch-documents-gzipped': m005,
  '006-import-last-write': m006,
  '007-pending-batches': m007,
  '009-audit-events': m009,
  '010-users-and-api-keys': m010,
  '011-sessions': m011,
  '012-import-actor': m012,
  '013-identity-providers': m013,
  '014-oidc-sign-ins': m014,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to the latest numbered migration; throws if one fails. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
