import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { ServerOptions } from './config';
import { fileDelivery, smtpDelivery } from './mail/mail-transport';
import { outboxWorker, type OutboxWorker } from './mail/outbox-worker';
import { invitationKeyFromDataDir } from './security/invitation-key';
import { createSealer } from './security/sealing';
import { openStorage } from './storage/database';
import { keepPrivate } from './storage/private-dir';

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. `https://127.0.0.1:3000` */
  url: string;
  /** Graceful: new requests get 503, running ones (a batch mid-transaction) finish, then the server and storage close. */
  close(): Promise<void>;
  outbox: OutboxWorker;
}

const DEFAULT_GRACE_MS = 30_000;

const DEFAULT_FROM = 'Client portal <no-reply@localhost>';

/** Why the server did not start, in words for the operator (main.ts prints it and exits non-zero). */
export class StartFailure extends Error {}

async function atStart<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new StartFailure(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Opens storage (running migrations), builds the app, listens and starts the outbox worker; `close()` stops all. */
export async function startServer(options: ServerOptions, logStream?: NodeJS.WritableStream): Promise<RunningServer> {
  await atStart(`the data folder ${options.dataDir} could not be made private (0700)`, async () => keepPrivate(options.dataDir));
  const storage = await atStart('the database could not be opened and migrated', () =>
    openStorage({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }),
  );
  const sealer = await atStart('the invitation key could not be read or made', async () =>
    createSealer(options.invitationKey ?? invitationKeyFromDataDir(options.dataDir)),
  ).catch(async (error: unknown) => {
    await storage.db.destroy();
    throw error;
  });
  let url = '';
  const app = await buildApp({
    db: storage.db,
    storage: storage.kind,
    adminToken: options.adminToken,
    // Unset (npm start, tests on a random port): the origin this server listens at, known once it listens.
    publicOrigin: options.publicOrigin ?? (() => url),
    sealer,
    staticDir: options.staticDir,
    sourceMaps: options.development,
    https: options.tls,
    trustProxy: options.trustProxy,
    rateLimits: options.rateLimits,
    connectionLimits: options.connectionLimits,
    frameAncestors: options.frameAncestors,
    listen: storage.listen,
    batches: options.batches,
    logger: { level: options.development ? 'debug' : 'info', ...(logStream ? { stream: logStream } : {}) },
  });
  const outboxDir = join(options.dataDir, 'outbox');
  const outbox = outboxWorker({
    db: storage.db,
    sealer,
    from: options.mailFrom ?? DEFAULT_FROM,
    deliver: options.smtpUrl
      ? smtpDelivery(options.smtpUrl)
      : fileDelivery(outboxDir, (mail, file) => {
          // `npm start` only: the one place a link is shown outside the e-mail and the pane, the developer's own
          // terminal. In production the delivery log line (outbox id, no address, no link) is all there is.
          if (!options.development) return;
          const link = mail.text.match(/https?:\/\/\S+\/invitations\/\S+/)?.[0];
          process.stdout.write(`Invitation e-mail written to ${file}${link ? `\n  link: ${link}` : ''}\n`);
        }),
    log: (event) => app.log[event.outcome === 'sent' ? 'info' : 'warn'](event, 'outbox delivery'),
  });
  app.addHook('onClose', async () => {
    await outbox.stop();
    await storage.db.destroy();
    // PGlite rewrites some files (pg_internal.init) with modes of its own while it runs: the 0700 folder keeps
    // them from other accounts meanwhile, and here they are tightened too.
    keepPrivate(options.dataDir);
  });
  try {
    await atStart(`it could not listen on ${options.host}:${options.port}`, () => app.listen({ port: options.port, host: options.host }));
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  url = `${options.tls ? 'https' : 'http'}://${host}:${port}`;
  outbox.start();
  const close = async () => {
    await app.drain(options.shutdownGraceMs ?? DEFAULT_GRACE_MS);
    await app.close();
  };
  return { app, url, outbox, close };
}
