import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { problem } from './http/problem';
import type { Kysely } from 'kysely';
import { MAX_BODY_BYTES } from '../domain/api-types';
import { applyConnectionLimits, checkingIntervalMs, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connection-limits';
import { loggerOptions } from './http/log-options';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limits';
import { OidcClients, type OidcFetch } from './access/oidc-clients';
import { authPlugin } from './plugins/auth.plugin';
import { openApiPlugin } from './plugins/openapi.plugin';
import { problemPlugin } from './plugins/problem.plugin';
import { rateLimitPlugin } from './plugins/rate-limit.plugin';
import { securityHeadersPlugin } from './plugins/security-headers.plugin';
import { shutdownPlugin } from './plugins/shutdown.plugin';
import { storagePlugin } from './plugins/storage.plugin';
import { apiRoutes } from './routes/api.routes';
import { invitationPageRoutes } from './routes/invitation-page.route';
import { createSealer, type Sealer } from './security/sealing';
import type { StorageKind } from './storage/database';
import type { Listen } from './storage/notifications';
import { DEFAULT_BATCH_LIMITS, newBatchEngine, type BatchEngine, type BatchLimits } from './imports/batch-engine';
import type { Database } from './storage/schema';

export interface AppDeps {
  db: Kysely<Database>;
  storage: StorageKind;
  /** Unset: the admin routes do not exist. */
  adminToken?: string;
  /**
   * Origin of invitation links (PUBLIC_ORIGIN), never a request's Host; a function when it is known only once the
   * server listens (startServer on a random port).
   */
  publicOrigin: string | (() => string);
  /** Seals invitation tokens and e-mails; unset: a random key (links can be shown only by this process). */
  sealer?: Sealer;
  /** Built add-in files served at `/` so the pane and the API share one origin. */
  staticDir?: string;
  /** Also serve the bundles' .map files (development only: they publish the source). */
  sourceMaps?: boolean;
  /** Unset: no logging. Secrets are redacted from every line (log-options.ts). */
  logger?: { level: string; stream?: NodeJS.WritableStream };
  https?: { cert: string | Buffer; key: string | Buffer };
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (Fastify's trustProxy). */
  trustProxy?: boolean | number | string;
  rateLimits?: Partial<RateLimits>;
  /** Request, header and idle timeouts and the connection cap (they act only once the app listens). */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Origins besides Office's own that may frame the pane. */
  frameAncestors?: string[];
  /** NOTIFYs from the other servers on the database (storage's `listen`): batches waiting here wake at once. */
  listen?: Listen;
  batches?: Partial<BatchLimits>;
  /** The `fetch` that talks to firms' identity providers (tests pass one that sees or changes their answers). */
  oidcFetch?: OidcFetch;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The origin invitation links are made from (DESIGN §9: never a request's Host header). */
    publicOrigin(): string;
    sealer: Sealer;
    batchEngine: BatchEngine;
    /** Firms' identity provider configurations (a cache of their discovery documents). */
    oidcClients: OidcClients;
  }
}

/** Builds the portal backend without listening; the caller owns `deps.db`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...deps.connectionLimits };
  const connectionsCheckingInterval = checkingIntervalMs(limits);
  const app = Fastify({
    logger: deps.logger ? loggerOptions(deps.logger) : false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    http: { connectionsCheckingInterval },
    // Wrong types and unknown fields are errors here, never silently coerced or dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    ...(deps.https ? { https: { ...deps.https, connectionsCheckingInterval } } : {}),
    // Router errors (bad percent-encoding, over-long path ids) bypass the error handler: answer them as problems too.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      // An over-long id is a bad value like any other (docs/api.md): 400, not the router's 414.
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 400 : (error.statusCode ?? 400);
      const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A value in the address is too long' : 'The address is not valid';
      return reply.code(status).header('cache-control', 'no-store').type('application/problem+json').send(problem(status, detail));
    },
  } as FastifyServerOptions).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;
  applyConnectionLimits(app.server, limits);

  const origin = deps.publicOrigin;
  app.decorate('publicOrigin', typeof origin === 'string' ? () => origin : origin);
  app.decorate('sealer', deps.sealer ?? createSealer());
  app.decorate('oidcClients', new OidcClients(deps.oidcFetch));
  app.decorate('batchEngine', newBatchEngine(deps.db, { ...DEFAULT_BATCH_LIMITS, ...deps.batches }, deps.listen));
  app.addHook('onClose', async () => app.batchEngine.close());
  // Headers first: even a 503 while shutting down says no-store.
  await app.register(securityHeadersPlugin, { frameAncestors: deps.frameAncestors ?? [] });
  await app.register(shutdownPlugin);
  await app.register(problemPlugin);
  await app.register(storagePlugin, { db: deps.db, kind: deps.storage });
  await app.register(rateLimitPlugin, { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits });
  await app.register(authPlugin);
  await app.register(openApiPlugin);
  await app.register(apiRoutes, { prefix: '/api/v1', adminToken: deps.adminToken });
  // The taxpayer's page lives outside /api/v1 (it is what the e-mail links to), limited per address like the API.
  await app.register(async (pages) => {
    pages.addHook('onRequest', pages.limits.byAddress);
    await pages.register(invitationPageRoutes);
  });

  if (deps.staticDir && existsSync(deps.staticDir)) {
    const sourceMaps = deps.sourceMaps ?? false;
    await app.register(fastifyStatic, { root: deps.staticDir, wildcard: false, allowedPath: (file) => sourceMaps || !file.endsWith('.map') });
  }
  return app;
}
