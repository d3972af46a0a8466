import swagger from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import { shared } from '../http/shared-plugin';
import { ProblemSchema } from '../schemas/problem.schema';

const PROBLEM = { description: 'An error (RFC 9457)', content: { 'application/problem+json': { schema: ProblemSchema } } };

/**
 * Collects every route's schema into one OpenAPI 3.1 document (JSON Schema 2020-12, which TypeBox writes).
 * Registered before the routes; GET /api/v1/openapi.json serves it.
 */
export const openApiPlugin: FastifyPluginAsync = shared(async (app) => {
  // Every route answers its errors as problems; saying so once keeps the route files to their own answers.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const schema = (route.schema ??= {}) as { response?: Record<string, unknown> };
    schema.response = { ...schema.response, default: PROBLEM };
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Client Import for Excel portal API', version: '1.0.0' },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A named API key of a firm, for scripts and integrations (created by a firm admin, or printed by `npm run firm -- create`); it acts as a preparer. Keys made from the old firm tokens are named `migrated`.',
          },
          session: {
            type: 'http',
            scheme: 'bearer',
            description:
              "A signed-in person's short-lived access token (10 minutes; `at.…`), from signing in through the firm's identity provider (`/auth/oidc/start`, `/auth/oidc/finish`) or with an e-mailed code; `/auth/refresh` buys the next one. The firm's admin routes (people, API keys, identity provider, activity) need an admin's.",
          },
          adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN setting' },
        },
      },
    },
  });
});
