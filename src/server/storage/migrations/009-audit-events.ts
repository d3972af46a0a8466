import { sql, type Kysely } from 'kysely';

// Who did what to a firm, and when: one row an action (e.g. moving clients off an owner or office).
// actor is the caller as the server knows it ("admin" for the admin token, or the firm token's or
// user's identity once sign-in exists); detail holds the action's own facts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_events (
      id bigint generated always as identity primary key,
      firm_id text not null references firms(id),
      actor text not null,
      action text not null,
      detail jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index audit_events_firm on audit_events (firm_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_events`.execute(db);
}
