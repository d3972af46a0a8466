import { Type } from 'typebox';
import { MAX_CELL_CHARS, type ClientRow, type ClientStatus, type ProfileKind, type RowResult } from '../../domain/api-types';
import { plainText, visibleText } from './text.schema';
import { wire } from './wire-type';

// Longer values are a malformed request, not a row error (the add-in shortens them before sending).
const cell = plainText(MAX_CELL_CHARS);
const optionalCell = Type.Optional(cell);

export const PROFILE_KINDS = ['standard', 'offline'] as const satisfies readonly ProfileKind[];
export const CLIENT_STATUSES = ['Missing Info', 'Not Invited', 'Not Enrolled', 'Connected', 'Offline', 'Duplicate'] as const satisfies readonly ClientStatus[];

/** DESIGN §6 ClientRow: every field a string except `row`; semantic checks belong to the import rules. */
export const ClientRowSchema = wire<ClientRow>()(
  Type.Object(
    {
      row: Type.Integer({ minimum: 1, maximum: 1048576 }),
      taxClientId: cell,
      firstName: cell,
      lastName: cell,
      email: optionalCell,
      mobile: optionalCell,
      spouseFirstName: optionalCell,
      spouseLastName: optionalCell,
      spouseEmail: optionalCell,
      ownerEmail: cell,
      officeLocation: cell,
      isOffline: cell,
      heldBack: Type.Optional(visibleText(MAX_CELL_CHARS)),
    },
    { additionalProperties: false },
  ),
);

/** One of `values` or null, as one schema: the response serializer writes it without trying anyOf branches. */
export const nullableEnum = <const V extends readonly string[]>(values: V) =>
  Type.Unsafe<V[number] | null>({ type: ['string', 'null'], enum: [...values, null] });

// Enums rather than unions of literals, for the same reason.
export const RowResultSchema = wire<RowResult>()(
  Type.Object({
    row: Type.Integer(),
    taxClientId: Type.String(),
    outcome: Type.Enum(['imported', 'rejected']),
    kind: nullableEnum(PROFILE_KINDS),
    status: nullableEnum(CLIENT_STATUSES),
    comment: Type.String(),
  }),
);
