import type { Kysely } from 'kysely';
import { conflict, notFound } from '../http/problem';
import { hashToken, newToken } from '../security/tokens';
import type { Database } from '../storage/schema';
import type { Role } from './actor';
import { insertApiKey, revokeAllApiKeys, type ApiKeyView } from './api-key.repository';
import { deleteUser, findUser, lockAdmins, setUserRole, type FirmUserView } from './user.repository';

/** A new key for the firm; the secret is returned here only (it is stored as its hash). */
export async function createApiKey(db: Kysely<Database>, firmId: string, name: string, createdBy: string): Promise<ApiKeyView & { key: string }> {
  const key = newToken();
  const view = await insertApiKey(db, { firmId, name: name.trim(), keyHash: hashToken(key), createdBy });
  return { ...view, key };
}

/** The operator's rotation (POST /admin/firms/{id}/token): every key of the firm stops, one new key replaces them. */
export async function replaceApiKeys(db: Kysely<Database>, firmId: string, createdBy: string): Promise<{ token: string }> {
  return db.transaction().execute(async (trx) => {
    await revokeAllApiKeys(trx, firmId);
    return { token: (await createApiKey(trx, firmId, 'rotated', createdBy)).key };
  });
}

/** Removes a person (their sessions end with them); the firm's last admin stays. */
export async function removeUser(db: Kysely<Database>, firmId: string, userId: string): Promise<FirmUserView> {
  return db.transaction().execute(async (trx) => {
    const admins = await lockAdmins(trx, firmId);
    const user = await findUser(trx, firmId, userId);
    if (!user) throw notFound('User');
    if (admins.length === 1 && admins[0] === userId) throw conflict('This is the firm’s last admin: make someone else an admin first');
    await deleteUser(trx, firmId, userId);
    return user;
  });
}

/** Gives a person another role; the firm's last admin stays an admin. */
export async function changeRole(db: Kysely<Database>, firmId: string, userId: string, role: Role): Promise<FirmUserView> {
  return db.transaction().execute(async (trx) => {
    const admins = await lockAdmins(trx, firmId);
    if (role !== 'admin' && admins.length === 1 && admins[0] === userId) throw conflict('This is the firm’s last admin: make someone else an admin first');
    if (!(await setUserRole(trx, firmId, userId, role))) throw notFound('User');
    return (await findUser(trx, firmId, userId))!;
  });
}
