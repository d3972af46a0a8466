import { sql } from 'kysely';
import { build, createFirm, startImport, type TestApp } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';
import { lastCode, signInByCode } from '../../../test/server/sign-in';

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(() => t?.close());
  const get = (url: string, auth: Record<string, string>) => t.app.inject({ method: 'GET', url, headers: auth });
  const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
  let n = 0;
  const newFirm = async () => {
    n++;
    const admin = `boss${n}@firm${n}.test`;
    const firm = await createFirm(t.app, { admins: [admin] });
    return { firm, admin, adminSession: await signInByCode(t.app, t.storage, admin) };
  };

  it('an admin signed in with a code manages API keys and people; a preparer gets 403 there but imports', async () => {
    const { firm, adminSession } = await newFirm();
    expect((await get('/api/v1/me', adminSession.auth)).json()).toEqual({
      firm: { id: firm.id, name: 'Test Firm' },
      actor: { kind: 'user', name: '', email: `boss${n}@firm${n}.test`, role: 'admin' },
    });
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/firm/keys', headers: adminSession.auth, payload: { name: 'Nightly sync' } });
    expect(made.statusCode).toBe(201);
    const key = made.json();
    expect(key).toMatchObject({ name: 'Nightly sync', createdBy: `boss${n}@firm${n}.test`, lastUsedAt: null });
    expect((await get('/api/v1/firm', { authorization: `Bearer ${key.key}` })).statusCode).toBe(200);
    const listed = (await get('/api/v1/firm/keys', adminSession.auth)).json().keys;
    expect(listed.map((k: { name: string }) => k.name)).toEqual(['initial', 'Nightly sync']);
    expect(listed[1].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(key.key);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/firm/keys/${key.id}`, headers: adminSession.auth })).statusCode).toBe(204);
    expect((await get('/api/v1/firm', { authorization: `Bearer ${key.key}` })).statusCode).toBe(401);

    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/firm/users',
      headers: adminSession.auth,
      payload: { email: `prep${n}@firm.test`, role: 'preparer', name: 'Pat Preparer' },
    });
    expect(added.statusCode).toBe(201);
    const preparer = await signInByCode(t.app, t.storage, `prep${n}@firm.test`);
    for (const [method, url] of [
      ['GET', '/api/v1/firm/keys'],
      ['POST', '/api/v1/firm/keys'],
      ['GET', '/api/v1/firm/users'],
      ['POST', '/api/v1/firm/users'],
      ['DELETE', `/api/v1/firm/users/${added.json().id}`],
    ] as const) {
      expect({ url, status: (await t.app.inject({ method, url, headers: preparer.auth, payload: {} })).statusCode }).toEqual({ url, status: 403 });
    }
    expect((await get('/api/v1/me', preparer.auth)).json().actor).toMatchObject({ name: 'Pat Preparer', role: 'preparer' });
    await startImport(t.app, { id: firm.id, token: preparer.accessToken, auth: preparer.auth });
  });

  it('refresh tokens rotate; a reused refresh token ends the whole session', async () => {
    const { adminSession } = await newFirm();
    const first = await refresh(adminSession.refreshToken);
    expect(first.statusCode).toBe(200);
    const next = first.json();
    expect(next).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 600,
      accessToken: expect.stringMatching(/^at\./),
      refreshToken: expect.stringMatching(/^rt\./),
    });
    expect((await get('/api/v1/me', { authorization: `Bearer ${next.accessToken}` })).statusCode).toBe(200);
    expect((await get('/api/v1/me', adminSession.auth)).statusCode).toBe(200); // the old access token lives out its minutes

    const replay = await refresh(adminSession.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toMatch(/already used/);
    for (const token of [adminSession.accessToken, next.accessToken])
      expect((await get('/api/v1/me', { authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await refresh(next.refreshToken)).statusCode).toBe(401);
  });

  it('signing out ends the access and the refresh token; an expired access token is refused', async () => {
    const { admin, adminSession } = await newFirm();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: adminSession.auth })).statusCode).toBe(204);
    expect((await get('/api/v1/me', adminSession.auth)).statusCode).toBe(401);
    expect((await refresh(adminSession.refreshToken)).statusCode).toBe(401);

    const again = await signInByCode(t.app, t.storage, admin);
    await sql`update session_tokens set expires_at = now() - interval '1 second' where kind = 'access'`.execute(t.storage.db);
    t.app.credentials.forget(); // as after 2 s on PGlite; PostgreSQL keeps nothing
    expect((await get('/api/v1/me', again.auth)).statusCode).toBe(401);
    expect((await refresh(again.refreshToken)).statusCode).toBe(200);
  });

  it('a removed user, or one whose sessions an admin revoked, is refused at once', async () => {
    const { adminSession } = await newFirm();
    const user = async (email: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/firm/users', headers: adminSession.auth, payload: { email, role: 'preparer' } })).json().id;
    const goneId = await user(`gone${n}@firm.test`);
    const gone = await signInByCode(t.app, t.storage, `gone${n}@firm.test`);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/firm/users/${goneId}`, headers: adminSession.auth })).statusCode).toBe(204);
    expect((await get('/api/v1/me', gone.auth)).statusCode).toBe(401);
    expect((await refresh(gone.refreshToken)).statusCode).toBe(401);
    const mails = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from outbox where to_email = ${`gone${n}@firm.test`}`.execute(t.storage.db)).rows[0].n;
    const before = await mails();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { email: `gone${n}@firm.test` } })).statusCode).toBe(202);
    expect(await mails()).toBe(before); // no code for someone who is no longer a user

    const paused = await user(`paused${n}@firm.test`);
    const session = await signInByCode(t.app, t.storage, `paused${n}@firm.test`);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/firm/users/${paused}/sessions`, headers: adminSession.auth })).statusCode).toBe(204);
    expect((await get('/api/v1/me', session.auth)).statusCode).toBe(401);
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
  });

  it('one-time codes: same answer for unknown addresses, single use, the newest only, expiring, and 5 wrong guesses kill a code', async () => {
    const { admin } = await newFirm();
    const ask = (email: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { email } });
    const signIn = (email: string, code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/code/sign-in', payload: { email, code } });
    const unknown = await ask('nobody@nowhere.test');
    expect([unknown.statusCode, unknown.json()]).toEqual([202, { status: 'sent' }]);
    expect(await lastCode(t.app, t.storage, 'nobody@nowhere.test')).toBeNull();

    await ask(admin);
    const used = (await lastCode(t.app, t.storage, admin))!;
    expect((await signIn(admin.toUpperCase(), used)).statusCode).toBe(200);
    expect((await signIn(admin, used)).statusCode).toBe(401);

    await ask(admin);
    const older = (await lastCode(t.app, t.storage, admin))!;
    await ask(admin);
    const newest = (await lastCode(t.app, t.storage, admin))!;
    if (older !== newest) expect((await signIn(admin, older)).statusCode).toBe(401);
    const wrong = newest === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await signIn(admin, wrong)).statusCode).toBe(401);
    expect((await signIn(admin, newest)).statusCode).toBe(401); // brute force is capped: the right code is dead too

    await ask(admin); // the fifth code in the window
    const late = (await lastCode(t.app, t.storage, admin))!;
    await sql`update sign_in_codes set expires_at = now() - interval '1 second'`.execute(t.storage.db);
    expect((await signIn(admin, late)).statusCode).toBe(401);
    await ask(admin); // a sixth in 15 minutes is not sent
    expect(await lastCode(t.app, t.storage, admin)).toBe(late);
  });

  it('one address in two firms: each code signs into its own firm, and neither sees the other', async () => {
    const a = await createFirm(t.app, { name: 'Firm A', admins: ['shared@both.test'] });
    const b = await createFirm(t.app, { name: 'Firm B', admins: ['shared@both.test'] });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { email: 'shared@both.test' } });
    const { rows } = await sql<{ firm_id: string; body: string }>`select firm_id, body from outbox where to_email = 'shared@both.test' order by id`.execute(
      t.storage.db,
    );
    expect(rows.map((r) => r.firm_id).sort()).toEqual([a.id, b.id].sort());
    const codeFor = (firmId: string) => /is (\d{6})/.exec(t.app.sealer.open(rows.find((r) => r.firm_id === firmId)!.body)!)![1];
    const inA = await t.app.inject({ method: 'POST', url: '/api/v1/auth/code/sign-in', payload: { email: 'shared@both.test', code: codeFor(a.id) } });
    const inB = await t.app.inject({ method: 'POST', url: '/api/v1/auth/code/sign-in', payload: { email: 'shared@both.test', code: codeFor(b.id) } });
    const authA = { authorization: `Bearer ${inA.json().accessToken}` };
    const authB = { authorization: `Bearer ${inB.json().accessToken}` };
    expect((await get('/api/v1/firm', authA)).json().name).toBe('Firm A');
    expect((await get('/api/v1/firm', authB)).json().name).toBe('Firm B');
    const importOfB = await startImport(t.app, { id: b.id, token: inB.json().accessToken, auth: authB });
    expect((await get(`/api/v1/imports/${importOfB}`, authA)).statusCode).toBe(404);
    const usersOfB = (await get('/api/v1/firm/users', authB)).json().users;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/firm/users/${usersOfB[0].id}`, headers: authA })).statusCode).toBe(404);
    expect((await get('/api/v1/firm/keys', authA)).json().keys).toHaveLength(1);
  });
});
