import { sql, type Kysely } from 'kysely';

// Every PUT of a batch stores its rows first, as a pending batch (results null); whoever holds the
// import's lock applies the pending batches whose predecessor is applied, and sets their results
// (imports/batch-engine.ts). `follows` is the batch it follows in the file (`?after=`), null when none
// was named. The partial index finds an import's (and a firm's) pending batches without walking the
// applied ones. The read-ahead token of migration 006 is no longer written.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_batches alter column results drop not null, add column follows integer`.execute(db);
  await sql`create index import_batches_pending on import_batches (import_id, seq) where results is null`.execute(db);
  await sql`alter table imports drop column last_write`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports add column last_write text`.execute(db);
  await sql`drop index import_batches_pending`.execute(db);
  await sql`delete from import_batches where results is null`.execute(db);
  await sql`alter table import_batches drop column follows, alter column results set not null`.execute(db);
}
