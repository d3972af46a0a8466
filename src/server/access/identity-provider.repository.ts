import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';

/** A firm's identity provider as stored; the client secret stays sealed until a sign-in needs it. */
export interface StoredIdentityProvider {
  firmId: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string | null;
  allowedDomains: string[];
}

export async function findIdentityProvider(db: Kysely<Database>, firmId: string): Promise<StoredIdentityProvider | null> {
  const row = await db.selectFrom('identity_providers').selectAll().where('firm_id', '=', firmId).executeTakeFirst();
  return row
    ? { firmId: row.firm_id, issuer: row.issuer, clientId: row.client_id, clientSecretSealed: row.client_secret_sealed, allowedDomains: row.allowed_domains }
    : null;
}

/** Sets (or replaces) the firm's identity provider. */
export async function saveIdentityProvider(db: Kysely<Database>, provider: StoredIdentityProvider): Promise<void> {
  const values = {
    issuer: provider.issuer,
    client_id: provider.clientId,
    client_secret_sealed: provider.clientSecretSealed,
    allowed_domains: provider.allowedDomains,
  };
  await db
    .insertInto('identity_providers')
    .values({ firm_id: provider.firmId, ...values })
    .onConflict((oc) => oc.column('firm_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute();
}

export async function deleteIdentityProvider(db: Kysely<Database>, firmId: string): Promise<boolean> {
  const result = await db.deleteFrom('identity_providers').where('firm_id', '=', firmId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The firms whose identity provider may sign in this address: it is one of their users', or its domain is allowed. */
export async function findProviderFirms(db: Kysely<Database>, email: string): Promise<string[]> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const { rows } = await sql<{ firm_id: string }>`
    select p.firm_id from identity_providers p
    where exists (select 1 from firm_users u where u.firm_id = p.firm_id and lower(u.email) = lower(${email}))
       or exists (select 1 from unnest(p.allowed_domains) d where lower(d) = ${domain})
    order by p.firm_id`.execute(db);
  return rows.map((r) => r.firm_id);
}
