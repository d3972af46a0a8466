import { sql, type Kysely } from 'kysely';

// Each profile records the import and sheet row that created it. A later row of the same import
// with that Tax Client ID is then an in-file duplicate found by the profile lookup the batch does
// anyway, so import_seen_ids only needs the first rows that were rejected: one index insert per
// imported row saved. Nullable without default: adding them rewrites nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table clients add column import_id text, add column import_row integer`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table clients drop column import_id, drop column import_row`.execute(db);
}
