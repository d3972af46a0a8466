// `npm run firm -- create|update|move|create-key|rotate-token|list`: firm administration on the configured database.
// Tokens are printed once, here, and nowhere else.
import { optionsFromEnv } from '../config';
import { openStorage } from '../storage/database';
import { parseFirmArgs } from './firm-args';
import { runFirmCommand } from './firm-commands';

async function main(): Promise<void> {
  const parsed = parseFirmArgs(process.argv.slice(2));
  const options = optionsFromEnv(process.env);
  const storage = await openStorage({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    process.stdout.write(await runFirmCommand(storage.db, parsed));
  } finally {
    await storage.db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
