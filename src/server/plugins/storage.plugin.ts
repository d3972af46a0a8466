import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { shared } from '../http/shared-plugin';
import type { Database } from '../storage/schema';
import type { StorageKind } from '../storage/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    storageKind: StorageKind;
  }
}

/** Shares the database handed to buildApp; its owner (main.ts or a test) opens and closes it. */
export const storagePlugin: FastifyPluginAsync<{ db: Kysely<Database>; kind: StorageKind }> = shared(async (app, options) => {
  app.decorate('db', options.db);
  app.decorate('storageKind', options.kind);
});
