import { sql, type Kysely } from 'kysely';

// A sign-in through a firm's identity provider between its start and its finish, kept in the database so
// any server may finish what another started. Found by the SHA-256 of its `state`; used once (`used_at`).
// The PKCE verifier is sealed with the server's key; the nonce is compared with the ID token's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table oidc_sign_ins (
      state_hash text primary key,
      firm_id text not null references firms(id) on delete cascade,
      nonce text not null,
      code_verifier_sealed text not null,
      redirect_uri text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index oidc_sign_ins_expiry on oidc_sign_ins (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table oidc_sign_ins`.execute(db);
}
