import type { FastifyPluginAsync } from 'fastify';

/** DESIGN §6: the OpenAPI document of this API, generated from the route schemas. */
export const openApiRoutes: FastifyPluginAsync = async (app) => {
  app.get('/openapi.json', { schema: { summary: 'This OpenAPI document', response: { 200: { type: 'object', additionalProperties: true } } } }, async () =>
    app.swagger(),
  );
};
