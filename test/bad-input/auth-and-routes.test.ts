// Every firm route of DESIGN §6 refuses missing, malformed and forged tokens with a 401 problem;
// unknown routes and methods answer a 404 problem; GET /health and GET /firm ignore what they do not use.
import type { InjectOptions } from 'fastify';
import { clientRow } from '../server/build';
import { badInputMatrix, type BadCase } from './support/matrix';
import type { World } from './support/world';

const FIRM_ROUTES: [string, (w: World) => Omit<InjectOptions, 'headers'> & { body?: unknown }][] = [
  ['GET /firm', () => ({ method: 'GET', url: '/api/v1/firm' })],
  ['GET /template.xlsx', () => ({ method: 'GET', url: '/api/v1/template.xlsx' })],
  ['POST /imports', () => ({ method: 'POST', url: '/api/v1/imports', body: {} })],
  ['GET /imports/{id}', (w) => ({ method: 'GET', url: `/api/v1/imports/${w.openOfA}` })],
  ['PUT /imports/{id}/batches/2', (w) => ({ method: 'PUT', url: `/api/v1/imports/${w.openOfA}/batches/2`, body: { rows: [clientRow(70)] } })],
  ['POST /imports/{id}/complete', (w) => ({ method: 'POST', url: `/api/v1/imports/${w.openOfA}/complete` })],
  ['GET /imports/{id}/report', (w) => ({ method: 'GET', url: `/api/v1/imports/${w.openOfA}/report` })],
  ['GET /imports/{id}/report.xlsx', (w) => ({ method: 'GET', url: `/api/v1/imports/${w.openOfA}/report.xlsx` })],
  ['GET /clients', () => ({ method: 'GET', url: '/api/v1/clients' })],
  ['POST /clients/invitations', () => ({ method: 'POST', url: '/api/v1/clients/invitations', body: { taxClientIds: ['C00010'] } })],
];

const BAD_AUTH: [string, (w: World) => Record<string, string>][] = [
  ['no Authorization header', () => ({})],
  ['"Bearer" alone', () => ({ authorization: 'Bearer' })],
  ['a forged token', () => ({ authorization: `Bearer ${'Z'.repeat(43)}` })],
  ["A's token under Basic", (w) => ({ authorization: `Basic ${w.a.token}` })],
  ["A's token with one more character", (w) => ({ authorization: `Bearer ${w.a.token}x` })],
  ["A's token twice", (w) => ({ authorization: `Bearer ${w.a.token} ${w.a.token}` })],
  ['the admin token', (w) => w.admin],
  ['a 10,000-character token', () => ({ authorization: `Bearer ${'t'.repeat(10_000)}` })],
];

function withAuth(route: ReturnType<(typeof FIRM_ROUTES)[number][1]>, auth: Record<string, string>): InjectOptions {
  const { body, ...rest } = route;
  return body === undefined ? { ...rest, headers: auth } : { ...rest, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(body) };
}

const authCases: BadCase[] = FIRM_ROUTES.flatMap(([name, route]) =>
  BAD_AUTH.map(([label, auth]): BadCase => ({
    name: `${name} with ${label}`,
    request: (w) => withAuth(route(w), auth(w)),
    status: 401,
  })),
);

const routeCases: BadCase[] = [
  { name: 'an unknown route', request: (w) => ({ method: 'GET', url: '/api/v1/firms', headers: w.a.auth }), status: 404 },
  { name: 'an unknown API version', request: () => ({ method: 'GET', url: '/api/v2/health' }), status: 404 },
  { name: 'POST /health', request: () => ({ method: 'POST', url: '/api/v1/health' }), status: 404 },
  { name: 'DELETE /imports/{id}', request: (w) => ({ method: 'DELETE', url: `/api/v1/imports/${w.openOfA}`, headers: w.a.auth }), status: 404 },
  { name: 'DELETE /clients', request: (w) => ({ method: 'DELETE', url: '/api/v1/clients', headers: w.a.auth }), status: 404 },
  { name: 'GET /admin/firms', request: (w) => ({ method: 'GET', url: '/api/v1/admin/firms', headers: w.admin }), status: 404 },
  { name: 'a traversal out of /api/v1', request: () => ({ method: 'GET', url: '/api/v1/..%2F..%2Fpackage.json' }), status: 404 },
  {
    name: 'GET /health with a junk query and a forged token still answers health only',
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/health?debug=1&storage=postgres', headers: { authorization: 'Bearer forged' } }),
    check: (res) => expect(Object.keys(res.json()).sort()).toEqual(['status', 'storage']),
  },
  {
    name: "GET /firm shows the token's own firm whatever the query says",
    status: 200,
    request: (w) => ({ method: 'GET', url: `/api/v1/firm?id=${w.b.id}`, headers: w.a.auth }),
    check: (res, w) => expect(res.json()).toMatchObject({ id: w.a.id, name: 'Firm A' }),
  },
];

badInputMatrix('bad tokens and unknown routes', [...authCases, ...routeCases]);
