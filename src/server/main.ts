// `npm run serve`: the only place that reads the environment.
import { optionsFromEnv } from './config';
import { startServer } from './start-server';

export { startServer } from './start-server';
export { optionsFromEnv } from './config';

async function main(): Promise<void> {
  const server = await startServer(optionsFromEnv(process.env));
  const stop = () => {
    server.close().then(() => process.exit(0), () => process.exit(1));
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
