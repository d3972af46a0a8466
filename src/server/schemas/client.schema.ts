import { Type } from 'typebox';
import type { Client, InvitationResult } from '../../domain/api-types';
import { CLIENT_STATUSES, nullableEnum, PROFILE_KINDS } from './client-row.schema';
import { digits, plainText } from './text.schema';
import { wire } from './wire-type';

const taxClientId = plainText(50);

export const ClientQuery = Type.Object(
  {
    /** One ID, a comma-separated list, or the parameter repeated. */
    taxClientId: Type.Optional(Type.Union([plainText(51000), Type.Array(taxClientId, { maxItems: 1000 })])),
    kind: Type.Optional(Type.Enum(PROFILE_KINDS)),
    status: Type.Optional(Type.Enum(CLIENT_STATUSES)),
    limit: Type.Optional(digits(4)),
    cursor: Type.Optional(digits(18)),
  },
  { additionalProperties: false },
);

const text = Type.String();

export const ClientSchema = wire<Client>()(
  Type.Object({
    taxClientId: text,
    kind: Type.Enum(PROFILE_KINDS),
    status: Type.Enum(CLIENT_STATUSES),
    firstName: text,
    lastName: text,
    email: text,
    mobile: text,
    spouseFirstName: text,
    spouseLastName: text,
    spouseEmail: text,
    ownerEmail: text,
    officeLocation: text,
    invitationUrl: Type.Optional(Type.String({ format: 'uri' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  }),
);

export const ClientPage = Type.Object({ clients: Type.Array(ClientSchema), next: Type.Union([Type.String(), Type.Null()]) });

export const InvitationRequest = Type.Object(
  {
    taxClientIds: Type.Array(taxClientId, { minItems: 1, maxItems: 1000 }),
  },
  { additionalProperties: false },
);

export const InvitationResults = Type.Object({
  results: Type.Array(
    wire<InvitationResult>()(
      Type.Object({
        taxClientId: Type.String(),
        invited: Type.Boolean(),
        status: nullableEnum(CLIENT_STATUSES),
        comment: Type.String(),
        invitationUrl: Type.Optional(Type.String({ format: 'uri' })),
      }),
    ),
  ),
});

export const InvitationParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) }, { additionalProperties: false });

export const Accepted = Type.Object({ taxClientId: Type.String(), status: Type.Literal('Connected') });
