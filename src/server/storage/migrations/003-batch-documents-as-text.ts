import { sql, type Kysely } from 'kysely';

// Stored batches become compact JSON text (see imports/batch-document.ts): only this service writes
// and reads them, so the json type's parse-on-insert buys nothing. Batches stored before this
// migration are rewritten into the same form, so a replay or report reads one format.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_batches alter column rows type text using rows::text, alter column results type text using results::text`.execute(db);
  await sql`alter table import_batches alter column rows set storage external, alter column results set storage external`.execute(db);
  await sql`
    update import_batches b set
      rows = (select coalesce(json_agg(json_build_array(r->'row', r->'taxClientId', r->'firstName', r->'lastName', r->'email',
          r->'mobile', r->'spouseFirstName', r->'spouseLastName', r->'spouseEmail', r->'ownerEmail', r->'officeLocation',
          r->'isOffline') order by n), '[]')::text
        from json_array_elements(b.rows::json) with ordinality as e(r, n)),
      results = (select coalesce(json_agg(json_build_array(r->'outcome', r->'kind', r->'status', r->'comment') order by n), '[]')::text
        from json_array_elements(b.results::json) with ordinality as e(r, n))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('003-batch-documents-as-text cannot be undone');
}
