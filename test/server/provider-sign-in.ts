import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { startIdentityProvider, type RunningIdentityProvider } from '../../scripts/identity-provider.mjs';
import type { OidcFetch } from '../../src/server/access/oidc-clients';

export const CLIENT_ID = 'client-import';
export const CLIENT_SECRET = 'client-import-secret-0123456789';
/** test/server/build.ts's public origin: the dialog page the provider returns to. */
export const REDIRECT_URI = 'https://portal.test/sign-in.html';

/** oidc-provider on loopback, signing in whoever the login hint (or `loginAs`) names among `accounts`. */
export function testProvider(accounts: Record<string, { name?: string; emailVerified?: boolean }>): Promise<RunningIdentityProvider> {
  return startIdentityProvider({
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }],
    accounts,
    interactions: 'hint',
  });
}

/** What the server's token-endpoint answers pass through: `rewrite` (when set) changes the ID token the provider issued. */
export class TokenAnswers {
  rewrite: ((idToken: string) => Promise<string>) | null = null;

  readonly fetch: OidcFetch = async (url, init) => {
    const answer = await fetch(url, init as RequestInit);
    const rewrite = this.rewrite;
    if (!rewrite || !url.endsWith('/token') || answer.status !== 200) return answer;
    const body = await answer.json();
    return new Response(JSON.stringify({ ...body, id_token: await rewrite(body.id_token) }), { status: 200, headers: answer.headers });
  };
}

/** A firm admin's session sets the firm's identity provider. */
export async function setProvider(app: FastifyInstance, adminAuth: Record<string, string>, issuer: string, allowedDomains: string[] = []) {
  const res = await app.inject({
    method: 'PUT',
    url: '/api/v1/firm/identity-provider',
    headers: adminAuth,
    payload: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedDomains },
  });
  if (res.statusCode !== 200) throw new Error(`identity provider: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** POST /auth/oidc/start: the provider's authorization URL for this address. */
export async function startSignIn(app: FastifyInstance, email: string): Promise<URL> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { email } });
  if (res.statusCode !== 200) throw new Error(`start: ${res.statusCode} ${res.body}`);
  return new URL(res.json().authorizationUrl);
}

/**
 * Follows the provider's redirects with its cookies, as the dialog's browser would, until it sends the person
 * back to the redirect URI; that address (with `code`, `state`, `iss`) is the result.
 */
export async function authorize(authorizationUrl: URL): Promise<URL> {
  const jar = new Map<string, string>();
  let next = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const answer = await fetch(next, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const cookie of answer.headers.getSetCookie()) {
      const pair = cookie.split(';')[0];
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = answer.headers.get('location');
    if (!location) throw new Error(`the provider answered ${answer.status}: ${await answer.text()}`);
    next = new URL(location, next);
    if (next.href.startsWith(REDIRECT_URI)) return next;
  }
  throw new Error('the provider never sent the person back');
}

/** POST /auth/oidc/finish with what the provider sent back (or a changed copy of it). */
export function finishSignIn(app: FastifyInstance, back: URL): Promise<LightMyRequestResponse> {
  const payload: Record<string, string> = { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' };
  if (back.searchParams.get('iss')) payload.iss = back.searchParams.get('iss')!;
  return app.inject({ method: 'POST', url: '/api/v1/auth/oidc/finish', payload });
}

/** The whole flow for one address; the finish's answer. */
export async function signInThroughProvider(app: FastifyInstance, email: string): Promise<LightMyRequestResponse> {
  return finishSignIn(app, await authorize(await startSignIn(app, email)));
}
