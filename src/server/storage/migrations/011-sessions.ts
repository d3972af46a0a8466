import { sql, type Kysely } from 'kysely';

// Sessions of people who signed in (DESIGN §6): the server's own short-lived access tokens and rotating
// refresh tokens, stored as SHA-256 hashes. A session belongs to a user: deleting the user deletes its
// sessions and tokens, so the next request finds nothing. One-time codes sign in people of firms without
// an identity provider; their attempts are counted in the row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sessions (
      id text primary key,
      firm_id text not null references firms(id),
      user_id text not null references firm_users(id) on delete cascade,
      method text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);
  await sql`
    create table session_tokens (
      token_hash text primary key,
      session_id text not null references sessions(id) on delete cascade,
      kind text not null check (kind in ('access', 'refresh')),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index session_tokens_session on session_tokens (session_id)`.execute(db);
  await sql`
    create table sign_in_codes (
      id text primary key,
      user_id text not null references firm_users(id) on delete cascade,
      code_hash text not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sign_in_codes_user on sign_in_codes (user_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sign_in_codes', 'session_tokens', 'sessions']) await sql`drop table ${sql.table(table)}`.execute(db);
}
