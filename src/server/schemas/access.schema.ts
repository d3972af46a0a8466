import { Type } from 'typebox';
import { plainText, visibleText } from './text.schema';

const Role = Type.Union([Type.Literal('admin'), Type.Literal('preparer')]);
const instant = Type.String({ format: 'date-time' });

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

export const NewFirmUserBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' }), role: Role, name: Type.Optional(plainText(200)) },
  { additionalProperties: false },
);

export const FirmUserChangeBody = Type.Object({ role: Role }, { additionalProperties: false });
