import { sql, type Kysely } from 'kysely';

// Every import records who started it (DESIGN §6): a person's address or an API key's name. Imports
// made before sign-in existed have none ('').
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports add column created_by text not null default ''`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports drop column created_by`.execute(db);
}
