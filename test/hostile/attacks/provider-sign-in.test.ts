// Attacks on signing in through a firm's identity provider (issue 22): ID tokens that are forged, expired or
// meant for another client; a state, nonce or code used twice; a person the firm does not know; a user of
// another firm; an address the provider does not vouch for. The provider is a real one (oidc-provider) on
// loopback; the server's token-endpoint answers pass through TokenAnswers, which can swap the ID token.
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { sql } from 'kysely';
import type { RunningIdentityProvider } from '../../../scripts/identity-provider.mjs';
import { build, createFirm, type TestApp } from '../../server/build';
import { DIALECTS } from '../../server/dialects';
import { authorize, finishSignIn, setProvider, signInThroughProvider, startSignIn, testProvider, TokenAnswers } from '../../server/provider-sign-in';
import { signInByCode } from '../../server/sign-in';

describe.each(DIALECTS)('provider sign-in attacks on %s', (dialect) => {
  let t: TestApp;
  let idp: RunningIdentityProvider;
  const answers = new TokenAnswers();
  let firmA: { id: string; admin: string };
  let firmB: { id: string; admin: string };
  beforeAll(async () => {
    idp = await testProvider({
      'a.user@firm-a.test': {},
      'b.user@firm-b.test': {},
      'stranger@elsewhere.test': {},
      'unverified@firm-a.test': { emailVerified: false },
    });
    t = await build(dialect, { oidcFetch: answers.fetch });
    const firm = async (letter: string) => {
      const admin = `admin@firm-${letter}.test`;
      const made = await createFirm(t.app, { name: `Firm ${letter.toUpperCase()}`, admins: [admin] });
      const session = await signInByCode(t.app, t.storage, admin);
      await setProvider(t.app, session.auth, idp.issuer);
      for (const email of [`${letter}.user@firm-${letter}.test`, `unverified@firm-${letter}.test`])
        await t.app.inject({ method: 'POST', url: '/api/v1/firm/users', headers: session.auth, payload: { email, role: 'preparer' } });
      return { id: made.id, admin };
    };
    firmA = await firm('a');
    firmB = await firm('b');
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });
  afterEach(() => {
    answers.rewrite = null;
    idp.loginAs = null;
  });

  const sessions = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from sessions where method = 'oidc'`.execute(t.storage.db)).rows[0].n);
  const refusedWith = async (status: number, run: () => Promise<{ statusCode: number; body: string }>) => {
    const before = await sessions();
    const res = await run();
    expect({ status: res.statusCode, body: res.body }).toEqual({ status, body: expect.any(String) });
    expect(await sessions()).toBe(before);
    return JSON.parse(res.body) as { detail: string; type: string };
  };
  const providerKey = () => importJWK(idp.signingKey, 'RS256');
  const resign =
    (change: (claims: JWTPayload) => JWTPayload, key: () => Promise<CryptoKey | Uint8Array> = providerKey) =>
    async (idToken: string) =>
      new SignJWT(change(decodeJwt(idToken))).setProtectedHeader({ alg: 'RS256', kid: idp.signingKey.kid! }).sign(await key());

  it('the genuine flow signs in (the attacks below change one thing each)', async () => {
    expect((await signInThroughProvider(t.app, 'a.user@firm-a.test')).statusCode).toBe(200);
    // The provider's own token, re-signed unchanged with its own key, still passes: the checks below are about what changed.
    answers.rewrite = resign((claims) => claims);
    expect((await signInThroughProvider(t.app, 'a.user@firm-a.test')).statusCode).toBe(200);
  });

  it('refuses an ID token with a forged signature (another key under the provider’s key id)', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const forged = await importJWK({ ...(await exportJWK(privateKey)), alg: 'RS256' }, 'RS256');
    answers.rewrite = resign(
      (claims) => ({ ...claims, email: 'admin@firm-a.test' }),
      async () => forged,
    );
    const problem = await refusedWith(401, () => signInThroughProvider(t.app, 'a.user@firm-a.test'));
    expect(problem.detail).toMatch(/signature/i);
  });

  it('refuses an expired ID token signed by the provider', async () => {
    const now = Math.floor(Date.now() / 1000);
    answers.rewrite = resign((claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 }));
    expect((await refusedWith(401, () => signInThroughProvider(t.app, 'a.user@firm-a.test'))).detail).toMatch(/exp|expired/i);
  });

  it('refuses an ID token signed by the provider for another client (audience)', async () => {
    answers.rewrite = resign((claims) => ({ ...claims, aud: 'another-client' }));
    expect((await refusedWith(401, () => signInThroughProvider(t.app, 'a.user@firm-a.test'))).detail).toMatch(/aud/i);
  });

  it('refuses a state used twice: the provider’s answer sent again signs nobody in', async () => {
    const back = await authorize(await startSignIn(t.app, 'a.user@firm-a.test'));
    expect((await finishSignIn(t.app, back)).statusCode).toBe(200);
    await refusedWith(401, () => finishSignIn(t.app, back));
  });

  it('refuses a nonce used before: a flow whose provider request carried an earlier flow’s nonce', async () => {
    const first = await startSignIn(t.app, 'a.user@firm-a.test');
    expect((await finishSignIn(t.app, await authorize(first))).statusCode).toBe(200);
    const second = await startSignIn(t.app, 'a.user@firm-a.test');
    second.searchParams.set('nonce', first.searchParams.get('nonce')!);
    const problem = await refusedWith(401, async () => finishSignIn(t.app, await authorize(second)));
    expect(problem.detail).toMatch(/nonce/i);
  });

  it('refuses a code used before, even with a fresh state', async () => {
    const back = await authorize(await startSignIn(t.app, 'a.user@firm-a.test'));
    expect((await finishSignIn(t.app, back)).statusCode).toBe(200);
    const fresh = await startSignIn(t.app, 'a.user@firm-a.test');
    back.searchParams.set('state', fresh.searchParams.get('state')!);
    await refusedWith(401, () => finishSignIn(t.app, back));
  });

  it('refuses a started sign-in finished after it expired', async () => {
    const back = await authorize(await startSignIn(t.app, 'a.user@firm-a.test'));
    await sql`update oidc_sign_ins set expires_at = now() - interval '1 second' where used_at is null`.execute(t.storage.db);
    await refusedWith(401, () => finishSignIn(t.app, back));
  });

  it('refuses a person the firm does not know (no user, no allowed domain), and adds nobody', async () => {
    idp.loginAs = 'stranger@elsewhere.test';
    const problem = await refusedWith(403, () => signInThroughProvider(t.app, 'a.user@firm-a.test'));
    expect(problem.type).toBe('urn:problem:not-a-member');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from firm_users where email = 'stranger@elsewhere.test'`.execute(t.storage.db);
    expect(rows[0].n).toBe(0);
  });

  it('keeps firms apart: a user of firm B signing in at firm A’s start gets no session of either firm', async () => {
    idp.loginAs = 'b.user@firm-b.test';
    await refusedWith(403, () => signInThroughProvider(t.app, 'a.user@firm-a.test'));
    const { rows } = await sql<{ firm_id: string }>`
      select s.firm_id from sessions s join firm_users u on u.id = s.user_id where u.email = 'b.user@firm-b.test'`.execute(t.storage.db);
    expect(rows).toEqual([]);
    expect([firmA.id, firmB.id]).not.toContain(undefined);
  });

  it('refuses an address the provider does not vouch for (email_verified false)', async () => {
    const problem = await refusedWith(401, () => signInThroughProvider(t.app, 'unverified@firm-a.test'));
    expect(problem.detail).toMatch(/vouch/);
  });
});
