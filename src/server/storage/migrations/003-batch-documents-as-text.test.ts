import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { listBatches } from '../../imports/batch.repository';
import { migrateToLatest } from '../migrate';
import { pglitePool } from '../pglite-pool';
import type { Database } from '../schema';
import * as m001 from './001-initial';
import * as m002 from './002-import-provenance';

// The SQL is plain PostgreSQL; an empty database is needed, which PGlite in memory gives for free.
describe('migration 003: stored batches as compact text', () => {
  it('rewrites batches stored as json objects so replays and reports read them as before', async () => {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(new PGlite()) }) });
    try {
      const old = new Migrator({ db, provider: { getMigrations: async () => ({ '001-initial': m001, '002-import-provenance': m002 }) } });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      await sql`insert into firms (id, name, token_hash, owners, offices, users) values ('f', 'F', 'h', '{}', '{}', '{}')`.execute(db);
      await sql`insert into imports (id, firm_id) values ('i', 'f')`.execute(db);
      const rows = [
        { row: 3, taxClientId: '007', firstName: 'A', lastName: 'B', email: 'a@b.test', ownerEmail: 'o@f.test', officeLocation: 'Main', isOffline: 'No' },
        { row: 4, taxClientId: 'X', firstName: '', lastName: 'C', ownerEmail: 'o@f.test', officeLocation: 'Main', isOffline: '' },
      ];
      const results = [
        { row: 3, taxClientId: '007', outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' },
        { row: 4, taxClientId: 'X', outcome: 'rejected', kind: null, status: null, comment: 'Missing mandatory fields: Taxpayer First Name' },
      ];
      await sql`insert into import_batches (import_id, seq, rows, results)
        values ('i', 1, ${JSON.stringify(rows)}::json, ${JSON.stringify(results)}::json), ('i', 2, '[]'::json, '[]'::json)`.execute(db);

      await migrateToLatest(db);

      expect(await listBatches(db, 'i')).toEqual([
        { seq: 1, rows, results },
        { seq: 2, rows: [], results: [] },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
