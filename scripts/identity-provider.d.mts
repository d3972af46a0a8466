import type { JWK } from 'jose';

export interface ProviderAccount {
  name?: string;
  emailVerified?: boolean;
}

export interface IdentityProviderOptions {
  /** Unset: a free port. Always on 127.0.0.1. */
  port?: number;
  clients: { clientId: string; clientSecret?: string; redirectUris: string[] }[];
  /** Known people by lower-case e-mail address; with `anyone`, any other address signs in too (verified, named after it). */
  accounts: Record<string, ProviderAccount>;
  anyone?: boolean;
  interactions: 'hint' | 'form';
}

export interface RunningIdentityProvider {
  issuer: string;
  /** The private signing key (its `kid` is in the JWKS): tests sign their own tokens with it. */
  signingKey: JWK;
  /** Who the next 'hint' interactions sign in instead of the login hint (null: the hint). */
  loginAs: string | null;
  close(): Promise<void>;
}

export function startIdentityProvider(options: IdentityProviderOptions): Promise<RunningIdentityProvider>;
