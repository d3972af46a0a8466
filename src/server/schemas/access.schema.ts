import { Type } from 'typebox';
import { plainText, visibleText } from './text.schema';

const Role = Type.Union([Type.Literal('admin'), Type.Literal('preparer')]);
const instant = Type.String({ format: 'date-time' });
const email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });

/** A path id of a user or key; the database decides whether it exists. */
export const AccessIdParams = Type.Object({ id: plainText(100) }, { additionalProperties: false });

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdBy: Type.String(),
  createdAt: instant,
  lastUsedAt: Type.Union([instant, Type.Null()]),
});

export const ApiKeyList = Type.Object({ keys: Type.Array(ApiKeySchema) });

export const NewApiKeyBody = Type.Object({ name: visibleText(100) }, { additionalProperties: false });

/** The new key with its secret: the only answer that ever carries it. */
export const ApiKeyCreated = Type.Object({ ...ApiKeySchema.properties, key: Type.String({ description: 'The secret; shown once, stored only as a hash' }) });

export const FirmUserSchema = Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), role: Role, createdAt: instant });

export const FirmUserList = Type.Object({ users: Type.Array(FirmUserSchema) });

export const NewFirmUserBody = Type.Object({ email, role: Role, name: Type.Optional(plainText(200)) }, { additionalProperties: false });

export const FirmUserChangeBody = Type.Object({ role: Role }, { additionalProperties: false });

export const CodeRequestBody = Type.Object({ email }, { additionalProperties: false });

export const CodeSent = Type.Object({ status: Type.Literal('sent', { description: 'The same answer whether or not the address is known' }) });

export const CodeSignInBody = Type.Object({ email, code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.-]+$' }) },
  { additionalProperties: false },
);

/** A session's tokens: the access token goes in `Authorization: Bearer`, the refresh token buys the next pair once. */
export const TokenPairSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
});

/** GET /me: the firm and who is calling. */
export const MeSchema = Type.Object({
  firm: Type.Object({ id: Type.String(), name: Type.String() }),
  actor: Type.Object({
    kind: Type.Union([Type.Literal('user'), Type.Literal('key')]),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    role: Role,
  }),
});

/** GET /firm/activity: who did what, newest first. */
export const ActivityList = Type.Object({
  events: Type.Array(
    Type.Object({
      actor: Type.String({ description: 'A person\'s address, `API key "name"`, `admin token` or `cli`' }),
      action: Type.String(),
      detail: Type.Record(Type.String(), Type.Unknown()),
      createdAt: instant,
    }),
  ),
});
