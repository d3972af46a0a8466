// What each `npm run firm` command does, apart from the process around it (firm-cli.ts), so tests run it on both databases.
import type { Kysely } from 'kysely';
import { moveClients } from '../firms/client-move.service';
import { rotateFirmToken, updateFirm } from '../firms/firm-admin.service';
import { createApiKey } from '../access/access.service';
import { findFirmById, listFirms, type FirmRecord } from '../firms/firm.repository';
import { createFirm } from '../firms/firm.service';
import type { Database } from '../storage/schema';
import type { FirmCommand } from './firm-args';

const describeFirm = (f: FirmRecord) =>
  `${f.name} (${f.id})\n  offline clients: ${f.offlineClientsEnabled ? 'on' : 'off'}\n  owners: ${f.owners.join(', ')}\n  offices: ${f.offices.join(', ')}\n  users: ${f.users.join(', ')}\n`;

/** Runs one parsed command and returns what to print. */
export async function runFirmCommand(db: Kysely<Database>, parsed: FirmCommand): Promise<string> {
  switch (parsed.command) {
    case 'create': {
      const firm = await createFirm(db, parsed.settings, 'cli');
      return `Firm created: ${firm.name} (${firm.id})\nAPI key "initial" (shown once, keep it safe): ${firm.token}\n`;
    }
    case 'update':
      return `Firm updated: ${describeFirm(await updateFirm(db, parsed.id, parsed.change, 'cli'))}`;
    case 'move': {
      const { firm, moved } = await moveClients(db, parsed.id, parsed.move, 'cli');
      return `Clients moved: ${moved.owner} to another owner, ${moved.office} to another office.\nFirm updated: ${describeFirm(firm)}`;
    }
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
