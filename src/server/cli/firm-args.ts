import type { ClientMove } from '../firms/client-move.service';
import type { FirmChange } from '../firms/firm-admin.service';
import type { FirmSettings } from '../firms/firm.service';

const USAGE = `usage: npm run firm -- create --name NAME --owner EMAIL [--owner EMAIL…] --office NAME [--office NAME…] [--user EMAIL…] [--admin EMAIL…] [--offline]
       npm run firm -- update --id FIRM_ID [--name NAME] [--owner EMAIL…] [--office NAME…] [--user EMAIL…] [--admin EMAIL…] [--offline | --no-offline]
       npm run firm -- move --id FIRM_ID [--from-owner EMAIL --to-owner EMAIL] [--from-office NAME --to-office NAME] [--keep]
       npm run firm -- create-key --id FIRM_ID --name KEY_NAME
       npm run firm -- rotate-token --id FIRM_ID
       npm run firm -- list`;

export type FirmCommand =
  | { command: 'create'; settings: FirmSettings }
  | { command: 'update'; id: string; change: FirmChange }
  | { command: 'rotate-token'; id: string }
  | { command: 'move'; id: string; move: ClientMove }
  | { command: 'create-key'; id: string; name: string }
  | { command: 'list' };

interface Flags {
  id?: string;
  name?: string;
  owners: string[];
  offices: string[];
  users: string[];
  admins: string[];
  offline?: boolean;
  fromOwner?: string;
  toOwner?: string;
  fromOffice?: string;
  toOffice?: string;
  keep?: boolean;
}

function readFlags(rest: readonly string[]): Flags {
  const flags: Flags = { owners: [], offices: [], users: [], admins: [] };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--offline' || flag === '--no-offline') {
      flags.offline = flag === '--offline';
      continue;
    }
    if (flag === '--keep') {
      flags.keep = true;
      continue;
    }
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--name') flags.name = value;
    else if (flag === '--id') flags.id = value;
    else if (flag === '--owner') flags.owners.push(value);
    else if (flag === '--office') flags.offices.push(value);
    else if (flag === '--user') flags.users.push(value);
    else if (flag === '--admin') flags.admins.push(value);
    else if (flag === '--from-owner') flags.fromOwner = value;
    else if (flag === '--to-owner') flags.toOwner = value;
    else if (flag === '--from-office') flags.fromOffice = value;
    else if (flag === '--to-office') flags.toOffice = value;
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return flags;
}

function only(flags: Flags, allowed: (keyof Flags)[], command: string): void {
  const given = (Object.keys(flags) as (keyof Flags)[]).filter((k) => {
    const v = flags[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  });
  const extra = given.filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new Error(`${command} does not take --${extra.join(', --')}\n${USAGE}`);
}

/** `--from-owner a --to-owner b` and/or `--from-office X --to-office Y`, each pair whole. */
function parseMove(flags: Flags): ClientMove {
  const pair = (from: string | undefined, to: string | undefined, what: string) => {
    if (from === undefined && to === undefined) return undefined;
    if (from === undefined || to === undefined) throw new Error(`--from-${what} and --to-${what} go together\n${USAGE}`);
    return { from, to };
  };
  const owner = pair(flags.fromOwner, flags.toOwner, 'owner');
  const office = pair(flags.fromOffice, flags.toOffice, 'office');
  if (!owner && !office) throw new Error(`move needs --from-owner/--to-owner or --from-office/--to-office\n${USAGE}`);
  return { ...(owner && { owner }), ...(office && { office }), remove: !flags.keep };
}

function requireId(flags: Flags): string {
  if (!flags.id?.trim()) throw new Error(`--id is required\n${USAGE}`);
  return flags.id.trim();
}

/** `create --name X --owner a@b --office Main`, `update --id …`, `rotate-token --id …`, `list`; throws with the usage on anything else. */
export function parseFirmArgs(argv: readonly string[]): FirmCommand {
  const [command, ...rest] = argv;
  if (command === 'list') {
    if (rest.length > 0) throw new Error(`list takes no options\n${USAGE}`);
    return { command };
  }
  if (command !== 'create' && command !== 'update' && command !== 'rotate-token' && command !== 'create-key' && command !== 'move') throw new Error(USAGE);
  const flags = readFlags(rest);
  if (command === 'move') {
    only(flags, ['id', 'fromOwner', 'toOwner', 'fromOffice', 'toOffice', 'keep'], command);
    return { command, id: requireId(flags), move: parseMove(flags) };
  }
  if (command === 'rotate-token') {
    only(flags, ['id'], command);
    return { command, id: requireId(flags) };
  }
  if (command === 'create-key') {
    only(flags, ['id', 'name'], command);
    if (!flags.name?.trim()) throw new Error(`--name is required\n${USAGE}`);
    return { command, id: requireId(flags), name: flags.name };
  }
  if (command === 'update') {
    only(flags, ['id', 'name', 'owners', 'offices', 'users', 'admins', 'offline'], command);
    const id = requireId(flags);
    const change: FirmChange = {
      ...(flags.name !== undefined ? { name: flags.name } : {}),
      ...(flags.offline !== undefined ? { offlineClientsEnabled: flags.offline } : {}),
      ...(flags.owners.length > 0 ? { owners: flags.owners } : {}),
      ...(flags.offices.length > 0 ? { offices: flags.offices } : {}),
      ...(flags.users.length > 0 ? { users: flags.users } : {}),
      ...(flags.admins.length > 0 ? { admins: flags.admins } : {}),
    };
    if (Object.keys(change).length === 0) throw new Error(`update needs something to change\n${USAGE}`);
    return { command, id, change };
  }
  only(flags, ['name', 'owners', 'offices', 'users', 'admins', 'offline'], command);
  if (!flags.name?.trim() || flags.owners.length === 0 || flags.offices.length === 0) {
    throw new Error(`--name, --owner and --office are required\n${USAGE}`);
  }
  return {
    command,
    settings: {
      name: flags.name,
      owners: flags.owners,
      offices: flags.offices,
      users: flags.users,
      admins: flags.admins,
      offlineClientsEnabled: flags.offline ?? false,
    },
  };
}
