import type { FirmSettings } from '../firms/firm.service';

const USAGE = 'usage: npm run firm -- create --name NAME --owner EMAIL [--owner EMAIL…] --office NAME [--office NAME…] [--user EMAIL…] [--offline]';

/** `create --name X --owner a@b --office Main` → firm settings; throws with the usage on anything else. */
export function parseFirmArgs(argv: readonly string[]): FirmSettings {
  const [command, ...rest] = argv;
  if (command !== 'create') throw new Error(USAGE);
  const settings: FirmSettings = { name: '', owners: [], offices: [], users: [], offlineClientsEnabled: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--offline') {
      settings.offlineClientsEnabled = true;
      continue;
    }
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--name') settings.name = value;
    else if (flag === '--owner') settings.owners.push(value);
    else if (flag === '--office') settings.offices.push(value);
    else if (flag === '--user') settings.users!.push(value);
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!settings.name.trim() || settings.owners.length === 0 || settings.offices.length === 0) {
    throw new Error(`--name, --owner and --office are required\n${USAGE}`);
  }
  return settings;
}
