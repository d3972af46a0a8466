import { createHash } from 'node:crypto';
import * as client from 'openid-client';

/** What a sign-in needs of a firm's provider: the issuer, the client id, and the secret if the client has one. */
export interface ProviderClient {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/** `fetch` used for discovery, the JWKS and the token endpoint (tests pass one that sees the answers). */
export type OidcFetch = client.CustomFetch;

/** An issuer on this machine may be plain http (the development provider of `npm start`, tests); any other must be https. */
export function isLoopbackIssuer(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/**
 * Provider configurations (discovery documents) for openid-client, fetched once per issuer, client and
 * secret and kept in memory as a cache only: nothing a sign-in decides depends on which server holds one.
 * Every ID token's signature is checked against the provider's JWKS (enableNonRepudiationChecks), not only
 * its issuer, audience, expiry and nonce: the token is trusted for what it says, not for the channel it came by.
 */
export class OidcClients {
  private readonly configs = new Map<string, Promise<client.Configuration>>();

  constructor(private readonly fetch?: OidcFetch) {}

  configFor(provider: ProviderClient): Promise<client.Configuration> {
    const key = createHash('sha256')
      .update(JSON.stringify([provider.issuer, provider.clientId, provider.clientSecret]))
      .digest('hex');
    let config = this.configs.get(key);
    if (!config) {
      config = this.discover(provider);
      config.catch(() => this.configs.delete(key));
      this.configs.set(key, config);
    }
    return config;
  }

  private async discover(provider: ProviderClient): Promise<client.Configuration> {
    const issuer = new URL(provider.issuer);
    const insecure = issuer.protocol === 'http:' && isLoopbackIssuer(issuer);
    const auth = provider.clientSecret === null ? client.None() : client.ClientSecretPost(provider.clientSecret);
    const config = await client.discovery(issuer, provider.clientId, undefined, auth, {
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      ...(this.fetch ? { [client.customFetch]: this.fetch } : {}),
      timeout: 10,
    });
    client.enableNonRepudiationChecks(config);
    return config;
  }
}
