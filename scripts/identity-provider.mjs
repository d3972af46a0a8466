// A real OpenID Connect provider (oidc-provider, certified) on loopback, for tests and `npm start`. Never part of
// `npm run serve`: it signs in whoever asks. `interactions: 'hint'` signs in the `login_hint` (or `loginAs`) at
// once, for tests that drive the flow over HTTP; `'form'` shows oidc-provider's own development login page.
// Plain JavaScript, loaded by Node itself: oidc-provider refuses a configuration made in another realm (jest's sandbox).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** @param {import('./identity-provider.mjs').IdentityProviderOptions} options */
export async function startIdentityProvider(options) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'signing-key', alg: 'RS256', use: 'sig' };
  const server = createServer();
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const account = (email) => options.accounts[email.toLowerCase()] ?? (options.anyone ? {} : null);
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret ? { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_post' } : { token_endpoint_auth_method: 'none' }),
      redirect_uris: c.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
    })),
    jwks: { keys: [signingKey] },
    // Email and name in the ID token itself, as Entra ID and Google put them.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, sub) => {
      const known = account(sub);
      if (!known) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: sub, email_verified: known.emailVerified ?? true, name: known.name ?? sub.split('@')[0] }),
      };
    },
    features: { devInteractions: { enabled: options.interactions === 'form' } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
  });
  const running = {
    issuer,
    signingKey,
    loginAs: null,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (options.interactions === 'form' || !req.url?.startsWith('/interaction/')) return callback(req, res);
    (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = (running.loginAs ?? String(details.params.login_hint ?? '')).toLowerCase();
      if (!account(accountId)) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown account' }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: false });
    })().catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return running;
}
