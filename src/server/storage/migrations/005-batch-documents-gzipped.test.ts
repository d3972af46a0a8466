import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { listBatches } from '../../imports/batch.repository';
import { migrateToLatest } from '../migrate';
import { pglitePool } from '../pglite-pool';
import type { Database } from '../schema';
import * as m001 from './001-initial';
import * as m002 from './002-import-provenance';
import * as m003 from './003-batch-documents-as-text';
import * as m004 from './004-invitations-and-delivery';

// The SQL is plain PostgreSQL; an empty database is needed, which PGlite in memory gives for free.
describe('migration 005: stored batches gzipped', () => {
  it('keeps batches stored as text readable, for replays and reports, next to gzipped ones', async () => {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(new PGlite()) }) });
    try {
      const before = { '001-initial': m001, '002-import-provenance': m002, '003-batch-documents-as-text': m003, '004-invitations-and-delivery': m004 };
      const old = new Migrator({ db, provider: { getMigrations: async () => before } });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      await sql`insert into firms (id, name, token_hash, owners, offices, users) values ('f', 'F', 'h', '{}', '{}', '{}')`.execute(db);
      await sql`insert into imports (id, firm_id) values ('i', 'f')`.execute(db);
      await sql`insert into import_batches (import_id, seq, rows, results) values
        ('i', 1, '[[3,"007","Zoë","B","a@b.test",null,null,null,null,"o@f.test","Main","No"]]', '[["imported","standard","Not Invited",""]]')`.execute(db);

      await migrateToLatest(db);

      expect(await listBatches(db, 'i')).toEqual([
        {
          seq: 1,
          rows: [
            { row: 3, taxClientId: '007', firstName: 'Zoë', lastName: 'B', email: 'a@b.test', ownerEmail: 'o@f.test', officeLocation: 'Main', isOffline: 'No' },
          ],
          results: [{ row: 3, taxClientId: '007', outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' }],
        },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
