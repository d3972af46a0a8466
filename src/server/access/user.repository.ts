import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import type { Role } from './actor';

export interface FirmUserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'created_at'] as const;

export async function listUsers(db: Kysely<Database>, firmId: string): Promise<FirmUserView[]> {
  const rows = await db.selectFrom('firm_users').select(USER_COLUMNS).where('firm_id', '=', firmId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toView);
}

export async function findUser(db: Kysely<Database>, firmId: string, id: string): Promise<FirmUserView | null> {
  const row = await db.selectFrom('firm_users').select(USER_COLUMNS).where('firm_id', '=', firmId).where('id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

/** The names of the firm's users with these addresses, by lower-case address (only those with a name). */
export async function namesByEmail(db: Kysely<Database>, firmId: string, emails: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.filter((e) => e.includes('@')).map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('firm_users')
    .select(['email', 'name'])
    .where('firm_id', '=', firmId)
    .where(sql<string>`lower(email)`, 'in', wanted)
    .where('name', '<>', '')
    .execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.name]));
}

/** The firm's user with this address (any case), or null. */
export async function findUserByEmail(db: Kysely<Database>, firmId: string, email: string): Promise<FirmUserView | null> {
  const row = await db
    .selectFrom('firm_users')
    .select(USER_COLUMNS)
    .where('firm_id', '=', firmId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? toView(row) : null;
}

/**
 * Adds a person to the firm, or gives an existing one (any case of the address) this role and name.
 * Their address joins the firm's user addresses, which clients may not use (DESIGN §3).
 */
export async function upsertUser(db: Kysely<Database>, firmId: string, user: { email: string; role: Role; name?: string }): Promise<FirmUserView> {
  const email = user.email.trim();
  const { rows } = await sql<{ id: string; email: string; name: string; role: Role; created_at: Date }>`
    insert into firm_users (id, firm_id, email, name, role) values (${randomUUID()}, ${firmId}, ${email}, ${user.name?.trim() ?? ''}, ${user.role})
    on conflict (firm_id, lower(email)) do update set role = excluded.role,
      name = case when excluded.name = '' then firm_users.name else excluded.name end
    returning id, email, name, role, created_at`.execute(db);
  await sql`
    update firms set users = users || array[${email}]::text[]
    where id = ${firmId} and not exists (select 1 from unnest(users) u where lower(u) = lower(${email}))`.execute(db);
  return toView(rows[0]);
}

export async function setUserRole(db: Kysely<Database>, firmId: string, id: string, role: Role): Promise<boolean> {
  const result = await db.updateTable('firm_users').set({ role }).where('firm_id', '=', firmId).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the person; their sessions go with them (foreign keys, migration 011). */
export async function deleteUser(db: Kysely<Database>, firmId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('firm_users').where('firm_id', '=', firmId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many admins the firm has; locks them, so two admins removing each other cannot both succeed. */
export async function lockAdmins(db: Kysely<Database>, firmId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from firm_users where firm_id = ${firmId} and role = 'admin' for update`.execute(db);
  return rows.map((r) => r.id);
}

function toView(row: { id: string; email: string; name: string; role: Role; created_at: Date }): FirmUserView {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: new Date(row.created_at).toISOString() };
}
