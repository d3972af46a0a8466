import { sql, type Kysely } from 'kysely';

// Plain SQL so the schema reads the same on PGlite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table firms (
      id text primary key,
      name text not null,
      token_hash text not null unique,
      offline_clients_enabled boolean not null default false,
      owners text[] not null,
      offices text[] not null,
      users text[] not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table clients (
      id bigint generated always as identity primary key,
      firm_id text not null references firms(id),
      tax_client_id text not null,
      kind text not null check (kind in ('standard', 'offline')),
      status text not null,
      first_name text not null,
      last_name text not null,
      email text not null default '',
      mobile text not null default '',
      spouse_first_name text not null default '',
      spouse_last_name text not null default '',
      spouse_email text not null default '',
      owner_email text not null,
      office_location text not null,
      invitation_token text unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (firm_id, tax_client_id, kind)
    )`.execute(db);
  // Two racing imports must not give two standard clients one address (§3), so the database decides.
  await sql`
    create unique index clients_standard_email on clients (firm_id, lower(email))
    where kind = 'standard' and email <> ''`.execute(db);
  await sql`
    create table imports (
      id text primary key,
      firm_id text not null references firms(id),
      source text not null default '',
      send_invitations boolean not null default false,
      status text not null default 'open',
      row_count integer not null default 0,
      imported_count integer not null default 0,
      rejected_count integer not null default 0,
      created_at timestamptz not null default now(),
      completed_at timestamptz
    )`.execute(db);
  await sql`create index imports_firm on imports (firm_id)`.execute(db);
  await sql`
    create table import_batches (
      import_id text not null references imports(id),
      seq integer not null,
      rows json not null,
      results json not null,
      created_at timestamptz not null default now(),
      primary key (import_id, seq)
    )`.execute(db);
  // Batch documents are written once and read rarely: skip TOAST compression, it costs more than the disk.
  await sql`alter table import_batches alter column rows set storage external, alter column results set storage external`.execute(db);
  await sql`
    create table import_seen_ids (
      import_id text not null references imports(id),
      tax_client_id text not null,
      first_row integer not null,
      primary key (import_id, tax_client_id)
    )`.execute(db);
  await sql`
    create table outbox (
      id bigint generated always as identity primary key,
      firm_id text not null references firms(id),
      to_email text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['outbox', 'import_seen_ids', 'import_batches', 'imports', 'clients', 'firms']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
