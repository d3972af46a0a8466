import { Type } from 'typebox';
import { plainText } from './text.schema';

const email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
const domain = Type.String({ minLength: 3, maxLength: 253, pattern: '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$' });
const urlSafe = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '^[\\x21-\\x7e]+$' });

/** A firm's OpenID Connect identity provider as the admin sets it. */
export const IdentityProviderBody = Type.Object(
  {
    issuer: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'The issuer URL; https (http only on loopback)' }),
    clientId: urlSafe(500),
    clientSecret: Type.Optional(
      Type.Union([urlSafe(1000), Type.Null()], { description: 'Omitted or null: a public client (PKCE alone). Stored sealed, never shown again' }),
    ),
    allowedDomains: Type.Optional(Type.Array(domain, { maxItems: 50, description: 'Verified e-mail domains whose people join as preparers at first sign-in' })),
  },
  { additionalProperties: false },
);

export const IdentityProviderSchema = Type.Object({
  issuer: Type.String(),
  clientId: Type.String(),
  hasClientSecret: Type.Boolean(),
  allowedDomains: Type.Array(Type.String()),
  redirectUri: Type.String({ description: 'Register this redirect URI with the provider' }),
});

export const ProviderStartBody = Type.Object({ email, firmId: Type.Optional(plainText(100)) }, { additionalProperties: false });

export const ProviderStarted = Type.Object({
  authorizationUrl: Type.String({ description: 'Open it in the Office dialog; the provider returns to redirectUri with code and state' }),
});

export const ProviderFinishBody = Type.Object({ code: urlSafe(2000), state: urlSafe(500), iss: Type.Optional(urlSafe(500)) }, { additionalProperties: false });
