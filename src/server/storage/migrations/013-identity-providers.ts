import { sql, type Kysely } from 'kysely';

// A firm's OpenID Connect identity provider (DESIGN §6): at most one per firm. The client secret, if the
// provider gives one, is sealed with the server's key (security/sealing.ts). `allowed_domains` are the
// verified e-mail domains whose people the provider may admit as preparers without an admin adding them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table identity_providers (
      firm_id text primary key references firms(id) on delete cascade,
      issuer text not null,
      client_id text not null,
      client_secret_sealed text,
      allowed_domains text[] not null default '{}',
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table identity_providers`.execute(db);
}
