import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { findPrincipal } from '../../access/principal-lookup';
import { hashToken } from '../../security/tokens';
import { migrateToLatest, MIGRATIONS } from '../migrate';
import { pglitePool } from '../pglite-pool';
import type { Database } from '../schema';

describe('migration 010: firm tokens become API keys', () => {
  it('turns each firm token into a key named "migrated" that keeps working, and leaves no secret on the firm', async () => {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(new PGlite()) }) });
    try {
      const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '010'));
      const old = new Migrator({ db, provider: { getMigrations: async () => before } });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      for (const [id, token] of [
        ['f1', 'token-of-firm-one'],
        ['f2', 'token-of-firm-two'],
      ]) {
        await sql`insert into firms (id, name, token_hash, owners, offices, users) values (${id}, ${id}, ${hashToken(token)}, '{o@f.test}', '{Main}', '{o@f.test}')`.execute(
          db,
        );
      }

      await migrateToLatest(db);

      expect(await findPrincipal(db, 'token-of-firm-one')).toMatchObject({
        firm: { id: 'f1', offices: ['Main'] },
        actor: { kind: 'key', name: 'migrated', role: 'preparer' },
      });
      expect(await findPrincipal(db, 'token-of-firm-two')).toMatchObject({ firm: { id: 'f2' } });
      expect(await findPrincipal(db, 'no-such-token')).toBeNull();
      const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'firms'`.execute(db);
      expect(rows.map((r) => r.column_name)).not.toContain('token_hash');
    } finally {
      await db.destroy();
    }
  });
});
