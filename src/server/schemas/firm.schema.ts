import { Type } from 'typebox';
import type { Firm } from '../../domain/api-types';
import type { FirmSettings } from '../firms/firm.service';
import { visibleText } from './text.schema';
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
