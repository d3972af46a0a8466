import { Type } from 'typebox';
import type { Firm } from '../../domain/api-types';
import type { FirmChange } from '../firms/firm-admin.service';
import type { ClientMove } from '../firms/client-move.service';
import type { FirmSettings } from '../firms/firm.service';
import { plainText, visibleText } from './text.schema';
import { wire } from './wire-type';

const list = (maxLength: number, minItems = 0) => Type.Array(visibleText(maxLength), { minItems, maxItems: 1000 });

/** POST /admin/firms: DESIGN §6 firm settings; owners and users are e-mail addresses (254 characters at most). */
export const FirmSettingsBody = wire<FirmSettings>()(
  Type.Object(
    {
      name: visibleText(200),
      offlineClientsEnabled: Type.Optional(Type.Boolean()),
      owners: list(254, 1),
      offices: list(200, 1),
      users: Type.Optional(list(254)),
      admins: Type.Optional(list(254)),
    },
    { additionalProperties: false },
  ),
);

export const FirmCreated = Type.Object({ id: Type.String(), name: Type.String(), token: Type.String() });

const strings = Type.Array(Type.String());

export const FirmSchema = wire<Firm>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    offlineClientsEnabled: Type.Boolean(),
    owners: strings,
    offices: strings,
  }),
);

/** PATCH /admin/firms/{id}: any of the settings; a list given replaces the firm's list. */
export const FirmChangeBody = wire<FirmChange>()(
  Type.Object(
    {
      name: Type.Optional(visibleText(200)),
      offlineClientsEnabled: Type.Optional(Type.Boolean()),
      owners: Type.Optional(list(254, 1)),
      offices: Type.Optional(list(200, 1)),
      users: Type.Optional(list(254)),
      admins: Type.Optional(list(254)),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
);

export const FirmIdParams = Type.Object({ id: plainText(100) }, { additionalProperties: false });

/** The firm as the administrator sees it: with every firm user's address. */
export const AdminFirmSchema = Type.Object({ ...FirmSchema.properties, users: strings });

export const FirmToken = Type.Object({ token: Type.String() });

const reassignment = (maxLength: number) => Type.Object({ from: visibleText(maxLength), to: visibleText(maxLength) }, { additionalProperties: false });

/** Move an owner's and/or an office's clients to another of the firm's, then (unless `remove: false`) remove the old ones. */
export const ClientMoveBody = wire<ClientMove>()(
  Type.Object(
    { owner: Type.Optional(reassignment(254)), office: Type.Optional(reassignment(200)), remove: Type.Optional(Type.Boolean()) },
    { additionalProperties: false, anyOf: [{ required: ['owner'] }, { required: ['office'] }] },
  ),
);

export const ClientMoveAnswer = Type.Object({
  firm: AdminFirmSchema,
  moved: Type.Object({ owner: Type.Integer(), office: Type.Integer() }),
});
