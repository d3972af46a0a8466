// Signing in through a firm's identity provider (issue 22, DESIGN §6): a real OpenID Connect provider
// (oidc-provider) on loopback, the dialog's browser played by fetch, on every dialect.
import type { FastifyInstance } from 'fastify';
import type { RunningIdentityProvider } from '../../scripts/identity-provider.mjs';
import { buildApp } from '../../src/server/app';
import { createSealer } from '../../src/server/security/sealing';
import { build, createFirm, startImport, type TestApp } from './build';
import { DIALECTS } from './dialects';
import { authorize, setProvider, signInThroughProvider, startSignIn, testProvider, finishSignIn, REDIRECT_URI } from './provider-sign-in';
import { signInByCode } from './sign-in';

describe.each(DIALECTS)('signing in through the firm’s identity provider on %s', (dialect) => {
  let t: TestApp;
  let idp: RunningIdentityProvider;
  let other: FastifyInstance;
  // Two servers on one database sharing the server key, as behind a round-robin balancer.
  const sealer = createSealer('provider-sign-in-test-key-0123456789');
  beforeAll(async () => {
    idp = await testProvider({
      'pat@firm.test': { name: 'Pat Preparer' },
      'newcomer@allowed.test': { name: 'New Comer' },
      'stranger@other.test': {},
      'sam@firm.test': {},
    });
    t = await build(dialect, { sealer });
    other = await buildApp({ db: t.storage.db, storage: t.storage.kind, publicOrigin: 'https://portal.test', sealer });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
    await idp?.close();
  });
  const get = (url: string, auth: Record<string, string>) => t.app.inject({ method: 'GET', url, headers: auth });

  let n = 0;
  const newFirm = async (allowedDomains: string[] = []) => {
    n++;
    const admin = `boss${n}@firm${n}.test`;
    const firm = await createFirm(t.app, { admins: [admin] });
    const adminSession = await signInByCode(t.app, t.storage, admin);
    const provider = await setProvider(t.app, adminSession.auth, idp.issuer, allowedDomains);
    return { firm, adminSession, provider };
  };

  it('a firm user signs in through the provider, gets the server’s own session, and imports as themselves', async () => {
    const { firm, adminSession, provider } = await newFirm();
    expect(provider).toEqual({ issuer: idp.issuer, clientId: 'client-import', hasClientSecret: true, allowedDomains: [], redirectUri: REDIRECT_URI });
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/firm/users',
      headers: adminSession.auth,
      payload: { email: 'Pat@Firm.test', role: 'preparer' },
    });
    expect(added.statusCode).toBe(201);

    const start = await startSignIn(t.app, 'pat@firm.test');
    expect(start.origin).toBe(idp.issuer);
    expect(Object.fromEntries(start.searchParams)).toMatchObject({
      client_id: 'client-import',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
      login_hint: 'pat@firm.test',
    });
    for (const param of ['state', 'nonce', 'code_challenge']) expect(start.searchParams.get(param)).toMatch(/^[\w-]{40,}$/);

    const res = await finishSignIn(t.app, await authorize(start));
    expect(res.statusCode).toBe(200);
    const pair = res.json();
    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 600 });
    const auth = { authorization: `Bearer ${pair.accessToken}` };
    expect((await get('/api/v1/me', auth)).json()).toEqual({
      firm: { id: firm.id, name: 'Test Firm' },
      // Added without a name, the person takes the one the provider gives.
      actor: { kind: 'user', name: 'Pat Preparer', email: 'Pat@Firm.test', role: 'preparer' },
    });
    const importId = await startImport(t.app, { ...firm, auth });
    const history = (await get('/api/v1/imports', auth)).json().imports;
    expect(history.find((i: { id: string }) => i.id === importId)).toMatchObject({ createdBy: 'Pat@Firm.test', createdByName: 'Pat Preparer' });
    // The session is the server's own: it refreshes like a code sign-in's, and signs out.
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: auth })).statusCode).toBe(204);
    expect((await get('/api/v1/me', auth)).statusCode).toBe(401);
  });

  it('a person of an allowed verified domain joins the firm as a preparer at first sign-in, and the admin sees it', async () => {
    const { firm, adminSession } = await newFirm(['Allowed.test']);
    const res = await signInThroughProvider(t.app, 'newcomer@allowed.test');
    expect(res.statusCode).toBe(200);
    const me = (await get('/api/v1/me', { authorization: `Bearer ${res.json().accessToken}` })).json();
    expect(me).toEqual({
      firm: { id: firm.id, name: 'Test Firm' },
      actor: { kind: 'user', name: 'New Comer', email: 'newcomer@allowed.test', role: 'preparer' },
    });
    const users = (await get('/api/v1/firm/users', adminSession.auth)).json().users;
    expect(users.map((u: { email: string; role: string }) => [u.email, u.role])).toContainEqual(['newcomer@allowed.test', 'preparer']);
    const activity = (await get('/api/v1/firm/activity', adminSession.auth)).json().events;
    expect(activity[0]).toMatchObject({
      actor: 'newcomer@allowed.test',
      action: 'user.admitted',
      detail: { email: 'newcomer@allowed.test', domain: 'allowed.test' },
    });
    expect(activity.map((e: { action: string }) => e.action)).toContain('identity-provider.set');
  });

  it('a sign-in started on one server finishes on another: nothing of it lives in one server’s memory', async () => {
    const { adminSession } = await newFirm();
    await t.app.inject({ method: 'POST', url: '/api/v1/firm/users', headers: adminSession.auth, payload: { email: 'sam@firm.test', role: 'preparer' } });
    const back = await authorize(await startSignIn(t.app, 'sam@firm.test'));
    const finished = await finishSignIn(other, back);
    expect(finished.statusCode).toBe(200);
    expect((await get('/api/v1/me', { authorization: `Bearer ${finished.json().accessToken}` })).json().actor.email).toBe('sam@firm.test');
    // …and once finished there, it is finished here too.
    expect((await finishSignIn(t.app, back)).statusCode).toBe(401);
  });

  it('an address no firm’s provider signs in is told to use a code; only an admin sets the provider, and an http issuer off this machine is refused', async () => {
    const { firm, adminSession } = await newFirm();
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { email: 'nobody@nowhere.test' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe('urn:problem:no-identity-provider');
    const body = { issuer: idp.issuer, clientId: 'client-import' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/firm/identity-provider', headers: firm.auth, payload: body })).statusCode).toBe(403);
    const plain = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/firm/identity-provider',
      headers: adminSession.auth,
      payload: { ...body, issuer: 'http://idp.example.com' },
    });
    expect(plain.statusCode).toBe(400);
    const shown = (await get('/api/v1/firm/identity-provider', adminSession.auth)).json();
    expect(JSON.stringify(shown)).not.toContain('client-import-secret');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/firm/identity-provider', headers: adminSession.auth })).statusCode).toBe(204);
    expect((await get('/api/v1/firm/identity-provider', adminSession.auth)).statusCode).toBe(404);
  });
});
