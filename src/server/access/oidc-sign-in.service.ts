import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import { recordAuditEvent } from '../audit/audit.repository';
import { conflict, HttpProblem, unauthorized } from '../http/problem';
import type { Sealer } from '../security/sealing';
import { hashToken } from '../security/tokens';
import type { Database } from '../storage/schema';
import { findIdentityProvider, findProviderFirms, type StoredIdentityProvider } from './identity-provider.repository';
import type { OidcClients, ProviderClient } from './oidc-clients';
import { claimPendingSignIn, insertPendingSignIn } from './oidc-sign-in.repository';
import { startSession, type TokenPair } from './session.service';
import { findUserByEmail, upsertUser } from './user.repository';

/** A started sign-in must finish within 10 minutes, once. */
export const PROVIDER_SIGN_IN_TTL_MS = 10 * 60 * 1000;
export const PROVIDER_SCOPES = 'openid email profile';

export interface ProviderSignInDeps {
  db: Kysely<Database>;
  sealer: Sealer;
  clients: OidcClients;
}

const noProvider = () => new HttpProblem(404, 'No identity provider signs in this address: sign in with an e-mailed code', 'urn:problem:no-identity-provider');

function providerClient(sealer: Sealer, stored: StoredIdentityProvider): ProviderClient {
  const clientSecret = stored.clientSecretSealed === null ? null : sealer.open(stored.clientSecretSealed);
  if (stored.clientSecretSealed !== null && clientSecret === null)
    throw new HttpProblem(500, 'The identity provider’s client secret was sealed under another key: a firm admin sets it again');
  return { issuer: stored.issuer, clientId: stored.clientId, clientSecret };
}

/**
 * Starts a sign-in through the identity provider of the firm this address belongs to (`firmId` chooses
 * when several firms would): the state, nonce and PKCE verifier go to the database, where any server can
 * finish it; the answer is the provider's authorization URL for the Office dialog.
 */
export async function startProviderSignIn(deps: ProviderSignInDeps, request: { email: string; firmId?: string; redirectUri: string }): Promise<URL> {
  const firms = (await findProviderFirms(deps.db, request.email.trim())).filter((id) => !request.firmId || id === request.firmId);
  if (firms.length === 0) throw noProvider();
  if (firms.length > 1) throw conflict('This address signs in to several firms: say which (firmId)');
  const stored = (await findIdentityProvider(deps.db, firms[0]))!;
  const config = await deps.clients.configFor(providerClient(deps.sealer, stored));
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await insertPendingSignIn(deps.db, {
    stateHash: hashToken(state),
    firmId: stored.firmId,
    nonce,
    codeVerifierSealed: deps.sealer.seal(codeVerifier),
    redirectUri: request.redirectUri,
    expiresAt: new Date(Date.now() + PROVIDER_SIGN_IN_TTL_MS),
  });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: request.redirectUri,
    scope: PROVIDER_SCOPES,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: request.email.trim(),
  });
}

// openid-client's errors say which check failed (signature, "aud", "exp", nonce, invalid_grant); read duck-typed,
// as an Error from another realm (a test's sandbox) is not `instanceof Error` here.
// openid-client wraps the failed check in `cause`.
function errorMessage(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  const causeMessage = typeof cause?.message === 'string' && cause.message !== message ? ` (${cause.message})` : '';
  return `${String(message ?? 'unknown error')}${causeMessage}`.slice(0, 300);
}

/** The person's verified address from the ID token's claims (Entra ID vouches with `xms_edov`, others with `email_verified`). */
function verifiedEmail(claims: client.IDToken): string | null {
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  const verified = claims.email_verified === true || claims.xms_edov === true;
  return email && verified ? email : null;
}

/**
 * Finishes a sign-in with what the provider sent back to the dialog (`code`, `state`, `iss`): the state is
 * taken once from the database, the code exchanged with its PKCE verifier, and the ID token checked by
 * openid-client (signature against the JWKS, issuer, audience, expiry, nonce). The person is the firm's
 * user with the token's verified address, or joins as a preparer when the address's domain is allowed.
 */
export async function finishProviderSignIn(deps: ProviderSignInDeps, callback: { code: string; state: string; iss?: string }): Promise<TokenPair> {
  const pending = await claimPendingSignIn(deps.db, hashToken(callback.state));
  if (!pending) throw unauthorized('The sign-in is not valid (unknown, expired or already finished): start again');
  const stored = await findIdentityProvider(deps.db, pending.firmId);
  if (!stored) throw noProvider();
  const config = await deps.clients.configFor(providerClient(deps.sealer, stored));
  const codeVerifier = deps.sealer.open(pending.codeVerifierSealed);
  if (codeVerifier === null) throw unauthorized('The sign-in was started by a server with another key: start again');
  const url = new URL(pending.redirectUri);
  url.search = new URLSearchParams({ code: callback.code, state: callback.state, ...(callback.iss ? { iss: callback.iss } : {}) }).toString();
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: codeVerifier,
      expectedState: callback.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    throw unauthorized(`The identity provider’s answer was refused: ${errorMessage(error)}`);
  }
  const email = claims ? verifiedEmail(claims) : null;
  if (!email) throw unauthorized('The identity provider did not vouch for an e-mail address (email and email_verified)');
  const name = typeof claims?.name === 'string' ? claims.name.trim().slice(0, 200) : '';
  return deps.db.transaction().execute(async (trx) => {
    let user = await findUserByEmail(trx, stored.firmId, email);
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    if (!user && stored.allowedDomains.some((d) => d.toLowerCase() === domain)) {
      user = await upsertUser(trx, stored.firmId, { email, role: 'preparer', name });
      await recordAuditEvent(trx, { firmId: stored.firmId, actor: email, action: 'user.admitted', detail: { id: user.id, email, domain } });
    }
    if (user && !user.name && name) user = await upsertUser(trx, stored.firmId, { email: user.email, role: user.role, name });
    if (!user) throw new HttpProblem(403, `${email} is not a member of this firm: a firm admin adds people`, 'urn:problem:not-a-member');
    return startSession(trx, { firmId: stored.firmId, userId: user.id }, 'oidc');
  });
}
