import { sql, type Kysely } from 'kysely';

// Each batch write stamps the import with a token of its own (imports/batch-engine.ts). A batch that
// read its facts while the batch before it was still being written (and counted on that batch's
// effects) writes only if the import still carries that batch's token, i.e. exactly that write committed.
// Nullable without default: adding it rewrites nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports add column last_write text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports drop column last_write`.execute(db);
}
