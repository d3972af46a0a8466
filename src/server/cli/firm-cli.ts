// `npm run firm -- create …`: creates a firm in the configured database and prints its token once.
import { optionsFromEnv } from '../config';
import { createFirm } from '../firms/firm.service';
import { openStorage } from '../storage/database';
import { parseFirmArgs } from './firm-args';

async function main(): Promise<void> {
  const settings = parseFirmArgs(process.argv.slice(2));
  const options = optionsFromEnv(process.env);
  const storage = await openStorage({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    const firm = await createFirm(storage.db, settings);
    process.stdout.write(`Firm created: ${firm.name} (${firm.id})\nToken (shown once, keep it safe): ${firm.token}\n`);
  } finally {
    await storage.db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
