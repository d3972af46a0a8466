import { sql, type Kysely } from 'kysely';

// People sign in as themselves (DESIGN §6): each firm has users with a role, and scripts use named API
// keys instead of the one firm token. Each firm's token becomes a key named `migrated` (same hash: the
// token keeps working), and the firm row stops holding a secret.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table firm_users (
      id text primary key,
      firm_id text not null references firms(id),
      email text not null,
      name text not null default '',
      role text not null check (role in ('admin', 'preparer')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index firm_users_email on firm_users (firm_id, lower(email))`.execute(db);
  // Sign-in finds a person by address before it knows the firm.
  await sql`create index firm_users_any_firm on firm_users (lower(email))`.execute(db);
  await sql`
    create table api_keys (
      id text primary key,
      firm_id text not null references firms(id),
      name text not null,
      key_hash text not null unique,
      created_by text not null default '',
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_keys_firm on api_keys (firm_id, created_at)`.execute(db);
  await sql`
    insert into api_keys (id, firm_id, name, key_hash, created_by, created_at)
    select gen_random_uuid()::text, id, 'migrated', token_hash, 'migration 010', now() from firms`.execute(db);
  await sql`alter table firms drop column token_hash`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The newest live key of each firm becomes its token again.
  await sql`alter table firms add column token_hash text unique`.execute(db);
  await sql`
    update firms f set token_hash = (select k.key_hash from api_keys k where k.firm_id = f.id and k.revoked_at is null
      order by k.created_at desc limit 1)`.execute(db);
  await sql`drop table api_keys`.execute(db);
  await sql`drop table firm_users`.execute(db);
}
