// `npm run firm -- create|update|rotate-token|list`: firm administration on the configured database.
// Tokens are printed once, here, and nowhere else.
import type { Kysely } from 'kysely';
import { optionsFromEnv } from '../config';
import { rotateFirmToken, updateFirm } from '../firms/firm-admin.service';
import { createApiKey } from '../access/access.service';
import { findFirmById, listFirms, type FirmRecord } from '../firms/firm.repository';
import { createFirm } from '../firms/firm.service';
import { openStorage } from '../storage/database';
import type { Database } from '../storage/schema';
import { parseFirmArgs, type FirmCommand } from './firm-args';

const describeFirm = (f: FirmRecord) =>
  `${f.name} (${f.id})\n  offline clients: ${f.offlineClientsEnabled ? 'on' : 'off'}\n  owners: ${f.owners.join(', ')}\n  offices: ${f.offices.join(', ')}\n  users: ${f.users.join(', ')}\n`;

async function run(db: Kysely<Database>, parsed: FirmCommand): Promise<string> {
  switch (parsed.command) {
    case 'create': {
      const firm = await createFirm(db, parsed.settings, 'cli');
      return `Firm created: ${firm.name} (${firm.id})\nAPI key "initial" (shown once, keep it safe): ${firm.token}\n`;
    }
    case 'update':
      return `Firm updated: ${describeFirm(await updateFirm(db, parsed.id, parsed.change))}`;
    case 'rotate-token':
      return `New API key "rotated" for ${parsed.id} (shown once; every older key of the firm stops working: at once on PostgreSQL, within 2 seconds on a PGlite server running now): ${(await rotateFirmToken(db, parsed.id, 'cli')).token}\n`;
    case 'create-key': {
      if (!(await findFirmById(db, parsed.id))) throw new Error(`No firm ${parsed.id}`);
      const key = await createApiKey(db, parsed.id, parsed.name, 'cli');
      return `API key "${key.name}" for ${parsed.id} (shown once, keep it safe): ${key.key}\n`;
    }
    case 'list': {
      const firms = await listFirms(db);
      return firms.length === 0 ? 'No firms yet.\n' : firms.map(describeFirm).join('');
    }
  }
}

async function main(): Promise<void> {
  const parsed = parseFirmArgs(process.argv.slice(2));
  const options = optionsFromEnv(process.env);
  const storage = await openStorage({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    process.stdout.write(await run(storage.db, parsed));
  } finally {
    await storage.db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
