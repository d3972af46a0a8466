import { sql, type Kysely } from 'kysely';

// Stored batches are gzipped by the server (imports/batch-document.ts): the columns hold bytes. Batches
// stored before keep their text as UTF-8 bytes, which the reader tells from gzip by its first two bytes.
// Storage stays external: compressing what is compressed already would cost time for nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_batches alter column rows type bytea using convert_to(rows, 'UTF8'),
    alter column results type bytea using convert_to(results, 'UTF8')`.execute(db);
  await sql`alter table import_batches alter column rows set storage external, alter column results set storage external`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('005-batch-documents-gzipped cannot be undone');
}
