import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { problem } from './http/problem';
import type { Kysely } from 'kysely';
import { MAX_BODY_BYTES } from '../domain/api-types';
import { authPlugin } from './plugins/auth.plugin';
import { openApiPlugin } from './plugins/openapi.plugin';
import { problemPlugin } from './plugins/problem.plugin';
import { storagePlugin } from './plugins/storage.plugin';
import { adminRoutes } from './routes/admin.route';
import { batchRoutes } from './routes/batches.route';
import { clientRoutes } from './routes/clients.route';
import { firmRoutes } from './routes/firm.route';
import { healthRoutes } from './routes/health.route';
import { importRoutes } from './routes/imports.route';
import { invitationRoutes } from './routes/invitations.route';
import { openApiRoutes } from './routes/openapi.route';
import { reportRoutes } from './routes/reports.route';
import type { StorageKind } from './storage/database';
import type { Database } from './storage/schema';

export interface AppDeps {
  db: Kysely<Database>;
  storage: StorageKind;
  /** Unset: the admin routes do not exist. */
  adminToken?: string;
  /** Origin for invitation links; unset: taken from each request. */
  publicOrigin?: string;
  /** Log each queued invitation e-mail (development). */
  devMail?: boolean;
  /** Built add-in files served at `/` so the pane and the API share one origin. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  https?: { cert: string | Buffer; key: string | Buffer };
}

declare module 'fastify' {
  interface FastifyInstance {
    publicOrigin(request: FastifyRequest): string;
    devMail: boolean;
  }
}

/** Builds the portal backend without listening; the caller owns `deps.db`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    // Wrong types and unknown fields are errors here, never silently coerced or dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    ...(deps.https ? { https: deps.https } : {}),
    // Router errors (bad percent-encoding, over-long path ids) bypass the error handler: answer them as problems too.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A value in the address is too long' : 'The address is not valid';
      return reply.code(status).type('application/problem+json').send(problem(status, detail));
    },
  } as FastifyServerOptions).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;

  app.decorate('publicOrigin', (request: FastifyRequest) => deps.publicOrigin ?? `${request.protocol}://${request.host}`);
  app.decorate('devMail', deps.devMail ?? false);
  await app.register(problemPlugin);
  await app.register(storagePlugin, { db: deps.db, kind: deps.storage });
  await app.register(authPlugin);
  await app.register(openApiPlugin);

  await app.register(
    async (api) => {
      await api.register(openApiRoutes);
      await api.register(healthRoutes);
      await api.register(invitationRoutes);
      if (deps.adminToken) await api.register(adminRoutes, { adminToken: deps.adminToken });
      await api.register(async (firm) => {
        // onRequest runs before the body is read: a caller without a firm token learns nothing of a route's rules.
        firm.addHook('onRequest', firm.requireFirm);
        firm.addHook('onRoute', (route) => {
          route.schema = { ...route.schema, security: [{ firmToken: [] }] };
        });
        for (const routes of [firmRoutes, importRoutes, batchRoutes, reportRoutes, clientRoutes]) await firm.register(routes);
      });
    },
    { prefix: '/api/v1' },
  );

  if (deps.staticDir && existsSync(deps.staticDir)) {
    await app.register(fastifyStatic, { root: deps.staticDir, wildcard: false });
  }
  return app;
}
