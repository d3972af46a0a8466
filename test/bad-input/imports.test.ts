// POST /imports and every /imports/{id}… route: bad bodies, bad tokens, other firms' ids and odd ids
// in the path all answer a 4xx problem and change nothing. (The batch body cases the server's own
// src/server/routes/bad-input.test.ts covers are not repeated here.)
import { clientRow } from '../server/build';
import { badInputMatrix, type BadCase } from './support/matrix';
import { json, raw, threeMegabytes, type World } from './support/world';

const CREATE = '/api/v1/imports';
const create =
  (body: unknown): BadCase['request'] =>
  (w) =>
    json('POST', CREATE, w.a.auth, body);

const createCases: BadCase[] = [
  { name: 'POST /imports without a token', request: () => json('POST', CREATE, {}, {}), status: 401 },
  { name: 'POST /imports with a forged token', request: () => json('POST', CREATE, { authorization: `Bearer ${'A'.repeat(43)}` }, {}), status: 401 },
  { name: 'POST /imports with the admin token', request: (w) => json('POST', CREATE, w.admin, {}), status: 401 },
  { name: 'POST /imports with "Bearer" and no token', request: () => json('POST', CREATE, { authorization: 'Bearer ' }, {}), status: 401 },
  { name: 'POST /imports with malformed JSON', request: (w) => raw('POST', CREATE, w.a.auth, '{"source": '), status: 400 },
  { name: 'POST /imports with an empty JSON body', request: (w) => raw('POST', CREATE, w.a.auth, ''), status: 400 },
  { name: 'POST /imports with a form body', request: (w) => raw('POST', CREATE, w.a.auth, 'source=x', 'application/x-www-form-urlencoded'), status: 415 },
  { name: 'POST /imports with an array', request: create([]), status: 400 },
  { name: 'POST /imports with null', request: (w) => raw('POST', CREATE, w.a.auth, 'null'), status: 400 },
  { name: 'POST /imports with sendInvitations "yes"', request: create({ sendInvitations: 'yes' }), status: 400, detail: /sendInvitations/ },
  { name: 'POST /imports with sendInvitations 1', request: create({ sendInvitations: 1 }), status: 400, detail: /sendInvitations/ },
  { name: 'POST /imports with a numeric source', request: create({ source: 7 }), status: 400, detail: /source/ },
  { name: 'POST /imports with a 10,000-character source', request: create({ source: 's'.repeat(10_000) }), status: 400, detail: /source/ },
  { name: 'POST /imports with a NUL in the source', request: create({ source: 'book\u0000.xlsx' }), status: 400, detail: /source/ },
  { name: 'POST /imports with an escape character in the source', request: create({ source: '\u001b[31mred' }), status: 400, detail: /source/ },
  { name: 'POST /imports with an unknown field', request: create({ firmId: 'other' }), status: 400, detail: /unknown field "firmId"/ },
  { name: 'POST /imports with a __proto__ key', request: (w) => raw('POST', CREATE, w.a.auth, '{"__proto__":{"status":"completed"}}'), status: 400 },
  { name: 'POST /imports with a 3 MB body', request: (w) => raw('POST', CREATE, w.a.auth, threeMegabytes('source')), status: 413 },
];

/** The routes that take an import id, each with a request that would change something if it got through. */
const ID_ROUTES: [string, (id: string, w: World) => BadCase['request'] extends (w: World) => infer R ? R : never][] = [
  ['GET /imports/{id}', (id, w) => ({ method: 'GET', url: `/api/v1/imports/${id}`, headers: w.a.auth })],
  ['GET /imports/{id}/report', (id, w) => ({ method: 'GET', url: `/api/v1/imports/${id}/report`, headers: w.a.auth })],
  ['GET /imports/{id}/report.xlsx', (id, w) => ({ method: 'GET', url: `/api/v1/imports/${id}/report.xlsx`, headers: w.a.auth })],
  ['POST /imports/{id}/complete', (id, w) => ({ method: 'POST', url: `/api/v1/imports/${id}/complete`, headers: w.a.auth })],
  ['PUT /imports/{id}/batches/2', (id, w) => json('PUT', `/api/v1/imports/${id}/batches/2`, w.a.auth, { rows: [clientRow(60)] })],
];

/** Ids as they appear in the URL (already percent-encoded where needed) and the status they must get. */
const ODD_IDS: [string, (w: World) => string, number][] = [
  ["firm B's import", (w) => w.openOfB, 404],
  ['an unknown uuid', () => '00000000-0000-4000-8000-000000000000', 404],
  ['an encoded ../ traversal', () => '..%2F..%2Ffirm', 404],
  ['%2e%2e', () => '%2e%2e', 404],
  ['a Windows path', () => 'C:%5Cwindows%5Cwin.ini', 404],
  ['SQL in the id', () => "'%20or%20'1'='1", 404],
  ['an emoji', () => encodeURIComponent('😀'), 404],
  ['a NUL byte', () => '%00', 400],
  ['CR LF and a header', () => 'x%0d%0aX-Injected:%201', 400],
  ['a 101-character id', () => 'a'.repeat(101), 400],
  ['a 5,000-character id', () => 'a'.repeat(5000), 400],
  ['invalid percent-encoding', () => '%ff', 400],
];

function withoutToken(options: ReturnType<BadCase['request']>): ReturnType<BadCase['request']> {
  const { authorization: _dropped, ...headers } = (options.headers ?? {}) as Record<string, string>;
  return { ...options, headers };
}

const idCases: BadCase[] = ID_ROUTES.flatMap(([route, request]) => [
  ...ODD_IDS.map(([label, id, status]): BadCase => ({ name: `${route} with ${label}`, request: (w) => request(id(w), w), status })),
  { name: `${route} of A's import without a token`, request: (w) => withoutToken(request(w.openOfA, w)), status: 401 },
]);

const BATCH = (w: World, seq: string) => `/api/v1/imports/${w.openOfA}/batches/${seq}`;
const batch =
  (seq: string, body: unknown): BadCase['request'] =>
  (w) =>
    json('PUT', BATCH(w, seq), w.a.auth, body);
const rowWith = (change: Record<string, unknown>) => ({ rows: [{ ...clientRow(61), ...change }] });

const batchCases: BadCase[] = [
  ...['abc', '-1', '1.5', '1e3', '0x10', '%20', '1234567890'].map((seq): BadCase => ({
    name: `PUT batches/${seq}`,
    request: batch(seq, { rows: [clientRow(61)] }),
    status: 400,
    detail: /seq/,
  })),
  { name: 'PUT a batch without rows', request: batch('2', {}), status: 400, detail: /missing field "rows"/ },
  { name: 'PUT a batch with rows null', request: batch('2', { rows: null }), status: 400 },
  { name: 'PUT a batch with rows as an object', request: batch('2', { rows: { 0: clientRow(61) } }), status: 400 },
  { name: 'PUT a batch with a null row', request: batch('2', { rows: [null] }), status: 400 },
  {
    name: 'PUT a row without its row number',
    request: batch('2', { rows: [{ ...clientRow(61), row: undefined }] }),
    status: 400,
    detail: /missing field "row"/,
  },
  { name: 'PUT a row numbered 0', request: batch('2', rowWith({ row: 0 })), status: 400 },
  { name: 'PUT a row numbered -3', request: batch('2', rowWith({ row: -3 })), status: 400 },
  { name: 'PUT a row numbered 1.5', request: batch('2', rowWith({ row: 1.5 })), status: 400 },
  { name: 'PUT a row numbered past the sheet', request: batch('2', rowWith({ row: 1_048_577 })), status: 400 },
  { name: 'PUT isOffline as a boolean', request: batch('2', rowWith({ isOffline: true })), status: 400, detail: /isOffline/ },
  { name: 'PUT email null', request: batch('2', rowWith({ email: null })), status: 400, detail: /email/ },
  { name: 'PUT a nested object as a name', request: batch('2', rowWith({ firstName: { $ne: '' } })), status: 400, detail: /firstName/ },
  { name: 'PUT a 10,000-character Tax Client ID', request: batch('2', rowWith({ taxClientId: '9'.repeat(10_000) })), status: 400, detail: /taxClientId/ },
  { name: 'PUT a DEL character in an office', request: batch('2', rowWith({ officeLocation: 'Main\u007f' })), status: 400, detail: /officeLocation/ },
  { name: 'PUT a __proto__ key in a row', request: (w) => raw('PUT', BATCH(w, '2'), w.a.auth, `{"rows":[{"__proto__":{"row":2}}]}`), status: 400 },
  {
    name: 'PUT a batch as text/plain',
    request: (w) => raw('PUT', BATCH(w, '2'), w.a.auth, JSON.stringify({ rows: [clientRow(61)] }), 'text/plain'),
    status: 400,
  },
  { name: 'PUT a batch form-encoded', request: (w) => raw('PUT', BATCH(w, '2'), w.a.auth, 'rows=1', 'application/x-www-form-urlencoded'), status: 415 },
  { name: 'PUT a batch with no body', request: (w) => ({ method: 'PUT', url: BATCH(w, '2'), headers: w.a.auth }), status: 400 },
  {
    name: "PUT a batch into A's completed import",
    request: (w) => json('PUT', `/api/v1/imports/${w.completedOfA}/batches/2`, w.a.auth, { rows: [clientRow(61)] }),
    status: 409,
  },
  { name: "PUT a batch into A's import with B's token", request: (w) => json('PUT', BATCH(w, '2'), w.b.auth, { rows: [clientRow(61)] }), status: 404 },
];

badInputMatrix('bad input to the import routes', [...createCases, ...idCases, ...batchCases]);
