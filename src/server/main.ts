// `npm run serve`: the only place that reads the environment.
import { optionsFromEnv, requirePublicOrigin, type ServerOptions } from './config';
import { StartFailure, startServer } from './start-server';

export { startServer } from './start-server';
export { optionsFromEnv } from './config';

async function main(): Promise<void> {
  // Files the server makes (PGlite's among them) are its account's alone, DESIGN §9.
  process.umask(0o077);
  let options: ServerOptions;
  try {
    options = requirePublicOrigin(optionsFromEnv(process.env));
  } catch (error) {
    // A setting the operator must fix: say which and how, without a stack trace.
    console.error(`Not started: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const server = await startServer(options).catch((error: unknown) => {
    // The database thread, a migration, the port: a part that fails at start stops the process, never silently.
    console.error(`Not started: ${error instanceof StartFailure ? error.message : 'an unexpected error at start'}`);
    if (!(error instanceof StartFailure)) console.error(error);
    process.exit(1);
  });
  // SIGTERM/SIGINT: refuse new requests with 503, let running batches finish, then close (start-server.ts).
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
