import { ADMIN_TOKEN, build, clientRow, createFirm, importRows, type TestApp } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';
import { changeRole, createApiKey, removeUser } from './access.service';
import { listApiKeys, revokeApiKey } from './api-key.repository';
import { listUsers, upsertUser } from './user.repository';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe.each(DIALECTS)('API keys, users and roles on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(() => t?.close());
  const firmView = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: { authorization: `Bearer ${token}` } });

  it('names keys, lists them with their last use and never their secret, and a revoked key stops at once', async () => {
    const firm = await createFirm(t.app);
    const second = await createApiKey(t.storage.db, firm.id, ' Nightly sync ', 'ann@firm.test');
    expect(second.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    let keys = await listApiKeys(t.storage.db, firm.id);
    expect(keys.map((k) => [k.name, k.createdBy, k.lastUsedAt])).toEqual([
      ['initial', 'admin token', null],
      ['Nightly sync', 'ann@firm.test', null],
    ]);
    expect(JSON.stringify(keys)).not.toContain(second.key);

    expect((await firmView(second.key)).statusCode).toBe(200);
    keys = await listApiKeys(t.storage.db, firm.id);
    expect(keys[1].lastUsedAt).not.toBeNull();
    expect(keys[0].lastUsedAt).toBeNull();

    expect(await revokeApiKey(t.storage.db, firm.id, second.id)).toBe(true);
    t.app.credentials.forget(); // what the DELETE route's hook does on this server
    expect((await firmView(second.key)).statusCode).toBe(401);
    expect((await firmView(firm.token)).statusCode).toBe(200);
    expect((await listApiKeys(t.storage.db, firm.id)).map((k) => k.name)).toEqual(['initial']);
  });

  it("does not revoke another firm's key", async () => {
    const mine = await createFirm(t.app);
    const theirs = await createFirm(t.app);
    const [theirKey] = await listApiKeys(t.storage.db, theirs.id);
    expect(await revokeApiKey(t.storage.db, mine.id, theirKey.id)).toBe(false);
    expect((await firmView(theirs.token)).statusCode).toBe(200);
  });

  it('the operator’s rotation revokes every key of the firm and hands out one new key', async () => {
    const firm = await createFirm(t.app);
    const extra = await createApiKey(t.storage.db, firm.id, 'extra', 'x@firm.test');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/firms/${firm.id}/token`, headers: admin });
    expect((await firmView(firm.token)).statusCode).toBe(401);
    expect((await firmView(extra.key)).statusCode).toBe(401);
    expect((await firmView(res.json().token)).statusCode).toBe(200);
    expect((await listApiKeys(t.storage.db, firm.id)).map((k) => k.name)).toEqual(['rotated']);
  });

  it('an API key acts as a preparer: the firm admin routes answer 403 before reading the body', async () => {
    const firm = await createFirm(t.app);
    for (const [method, url] of [
      ['GET', '/api/v1/firm/keys'],
      ['GET', '/api/v1/firm/users'],
      ['DELETE', '/api/v1/firm/users/someone'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: firm.auth });
      expect({ url, status: res.statusCode, type: res.json().type }).toEqual({ url, status: 403, type: 'urn:problem:forbidden' });
    }
    const unread = await t.app.inject({
      method: 'POST',
      url: '/api/v1/firm/keys',
      headers: { ...firm.auth, 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(unread.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/firm/keys' })).statusCode).toBe(401);
  });

  it('firm admins are data: created with the firm, their addresses barred for clients, and the last admin stays', async () => {
    const firm = await createFirm(t.app, { admins: ['Boss@firm.test'] });
    const [boss] = await listUsers(t.storage.db, firm.id);
    expect(boss).toMatchObject({ email: 'Boss@firm.test', role: 'admin' });
    const { results } = await importRows(t.app, firm, [clientRow(1, { email: 'boss@FIRM.test' })]);
    expect(results[0].outcome).toBe('rejected');

    await expect(removeUser(t.storage.db, firm.id, boss.id)).rejects.toMatchObject({ status: 409 });
    await expect(changeRole(t.storage.db, firm.id, boss.id, 'preparer')).rejects.toMatchObject({ status: 409 });
    const clerk = await upsertUser(t.storage.db, firm.id, { email: 'clerk@firm.test', role: 'preparer', name: 'Clerk' });
    expect((await upsertUser(t.storage.db, firm.id, { email: 'CLERK@firm.test', role: 'admin' })).id).toBe(clerk.id);
    await changeRole(t.storage.db, firm.id, boss.id, 'preparer');
    expect((await listUsers(t.storage.db, firm.id)).map((u) => [u.email, u.name, u.role])).toEqual([
      ['Boss@firm.test', '', 'preparer'],
      ['clerk@firm.test', 'Clerk', 'admin'],
    ]);
    const other = await createFirm(t.app);
    await expect(removeUser(t.storage.db, other.id, clerk.id)).rejects.toMatchObject({ status: 404 });
  });
});
