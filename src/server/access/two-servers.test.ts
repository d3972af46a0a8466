import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { openStorage, type Storage } from '../storage/database';
import { ADMIN_TOKEN, build, createFirm, type TestApp } from '../../../test/server/build';
import { onPostgres } from '../../../test/server/dialects';
import { signInByCode } from '../../../test/server/sign-in';

// DESIGN §9: a revoked session or key, or a removed user, stops at once on every server. Two API servers
// share one PostgreSQL database, each with its own pool, as behind a load balancer.
onPostgres('revocation across two servers on one PostgreSQL', () => {
  let a: TestApp;
  let b: FastifyInstance;
  let bStorage: Storage;
  beforeAll(async () => {
    a = await build('postgres');
    bStorage = await openStorage({ databaseUrl: a.storage.url });
    b = await buildApp({
      db: bStorage.db,
      storage: 'postgres',
      adminToken: ADMIN_TOKEN,
      publicOrigin: 'https://portal.test',
      sealer: a.app.sealer,
      rateLimits: { perAddress: 1e6, failedAuthPerAddress: 1e6 },
    });
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await bStorage?.db.destroy();
    await a?.close();
  });
  const me = (server: FastifyInstance, auth: Record<string, string>) =>
    server.inject({ method: 'GET', url: '/api/v1/me', headers: auth }).then((r) => r.statusCode);

  it("a removed user's next request gets 401 on both servers", async () => {
    const firm = await createFirm(a.app, { admins: ['boss@two.test'] });
    const boss = await signInByCode(a.app, a.storage, 'boss@two.test');
    const added = await b.inject({ method: 'POST', url: '/api/v1/firm/users', headers: boss.auth, payload: { email: 'leaver@two.test', role: 'preparer' } });
    const leaver = await signInByCode(b, a.storage, 'leaver@two.test');
    expect([await me(a.app, leaver.auth), await me(b, leaver.auth)]).toEqual([200, 200]);
    expect((await a.app.inject({ method: 'DELETE', url: `/api/v1/firm/users/${added.json().id}`, headers: boss.auth })).statusCode).toBe(204);
    expect([await me(a.app, leaver.auth), await me(b, leaver.auth)]).toEqual([401, 401]);
    expect((await b.inject({ method: 'GET', url: '/api/v1/firm', headers: leaver.auth })).statusCode).toBe(401);
    expect(firm.id).toBeTruthy();
  });

  it('a session signed out on one server, and a key revoked on one, stop on the other at once', async () => {
    const firm = await createFirm(a.app, { admins: ['admin@two.test'] });
    const first = await signInByCode(a.app, a.storage, 'admin@two.test');
    const second = await signInByCode(a.app, a.storage, 'admin@two.test');
    expect([await me(a.app, first.auth), await me(b, first.auth)]).toEqual([200, 200]);
    expect((await b.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: first.auth })).statusCode).toBe(204);
    expect([await me(a.app, first.auth), await me(b, first.auth)]).toEqual([401, 401]);
    expect([await me(a.app, second.auth), await me(b, second.auth)]).toEqual([200, 200]); // another session of the same person goes on

    expect(await me(b, firm.auth)).toBe(200);
    const [key] = (await a.app.inject({ method: 'GET', url: '/api/v1/firm/keys', headers: second.auth })).json().keys;
    expect((await a.app.inject({ method: 'DELETE', url: `/api/v1/firm/keys/${key.id}`, headers: second.auth })).statusCode).toBe(204);
    expect([await me(a.app, firm.auth), await me(b, firm.auth)]).toEqual([401, 401]);
  });
});
