import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { build, type TestApp } from '../../../test/server/build';

/** `METHOD /path/{param}` of every route Fastify holds, read from its route tree (HEAD is GET's twin). */
function registeredRoutes(app: FastifyInstance): string[] {
  const paths: string[] = [];
  const found: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    paths[depth] = (depth > 0 ? paths[depth - 1] : '') + match[2];
    const methods = (match[3] ?? '').split(', ').filter((m) => m !== '' && m !== 'HEAD');
    for (const method of methods) found.push(`${method} ${paths[depth].replace(/:(\w+)/g, '{$1}')}`);
  }
  return found.sort();
}

describe('GET /api/v1/openapi.json', () => {
  let t: TestApp;
  let doc: {
    openapi: string;
    components: { securitySchemes: Record<string, unknown> };
    paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  };
  beforeAll(async () => {
    t = await build('pglite');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document by the OpenAPI schemas', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result).toEqual({ valid: true });
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every registered route, and nothing else', () => {
    const described = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(12);
    expect(routes).toContain('PUT /api/v1/imports/{id}/batches/{seq}');
    expect(described).toEqual(routes);
  });

  it('marks firm and admin routes with their token and gives every route its problem answer', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([m, op]) => ({ at: `${m} ${path}`, op })));
    for (const { at, op } of ops) expect({ at, default: Object.keys(op.responses) }).toEqual({ at, default: expect.arrayContaining(['default']) });
    expect(doc.paths['/api/v1/imports/{id}/batches/{seq}'].put.security).toEqual([{ apiKey: [] }, { session: [] }]);
    expect(doc.paths['/api/v1/firm/keys'].post.security).toEqual([{ session: [] }]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['adminToken', 'apiKey', 'session']);
    expect(doc.paths['/api/v1/admin/firms'].post.security).toEqual([{ adminToken: [] }]);
    expect(doc.paths['/api/v1/health'].get.security).toBeUndefined();
  });

  it('carries the request schemas that the server enforces', () => {
    const put = doc.paths['/api/v1/imports/{id}/batches/{seq}'].put as unknown as {
      requestBody: { content: Record<string, { schema: { properties: { rows: { items: { additionalProperties: boolean; required: string[] } } } } }> };
    };
    const row = put.requestBody.content['application/json'].schema.properties.rows.items;
    expect(row.additionalProperties).toBe(false);
    expect(row.required).toEqual(expect.arrayContaining(['row', 'taxClientId', 'ownerEmail', 'officeLocation', 'isOffline']));
  });
});
