import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { ServerOptions } from './config';
import { openStorage } from './storage/database';

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. `https://127.0.0.1:3000` */
  url: string;
  /** Graceful: new requests get 503, running ones (a batch mid-transaction) finish, then the server and storage close. */
  close(): Promise<void>;
}

const DEFAULT_GRACE_MS = 30_000;

/** Opens storage (running migrations), builds the app and listens; `close()` stops both. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const storage = await openStorage({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const app = await buildApp({
    db: storage.db,
    storage: storage.kind,
    adminToken: options.adminToken,
    publicOrigin: options.publicOrigin,
    devMail: options.development,
    staticDir: options.staticDir,
    sourceMaps: options.development,
    https: options.tls,
    trustProxy: options.trustProxy,
    rateLimits: options.rateLimits,
    frameAncestors: options.frameAncestors,
    logger: { level: 'info' },
  });
  app.addHook('onClose', async () => storage.db.destroy());
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const close = async () => {
    await app.drain(options.shutdownGraceMs ?? DEFAULT_GRACE_MS);
    await app.close();
  };
  return { app, url: `${options.tls ? 'https' : 'http'}://${host}:${port}`, close };
}
