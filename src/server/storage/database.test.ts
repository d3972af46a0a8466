import { sql } from 'kysely';
import { Client } from 'pg';
import { onPostgres, openTestStorage } from '../../../test/server/dialects';

const serverUrl = process.env.TEST_DATABASE_URL;

onPostgres('the PostgreSQL pool', () => {
  // Without a pool 'error' listener, node-postgres re-emits the idle client's error and the process dies.
  it('survives the server ending an idle connection, and the next query opens a new one', async () => {
    const storage = await openTestStorage('postgres');
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(storage.db);
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the idle client hears of it
      const again = await sql<{ one: number }>`select 1 as one`.execute(storage.db);
      expect(again.rows[0].one).toBe(1);
    } finally {
      await storage.close();
    }
  });
});
