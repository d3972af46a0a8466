// Authentication runs before the body is read (DESIGN §9): a caller without the right token gets 401 for
// bodies that would otherwise be refused as too large (413) or malformed (400), so it learns nothing of a
// route's rules, and nothing changes. With a valid token the same bodies get their 413/400.
import { clientRow } from '../server/build';
import { badInputMatrix, type BadCase } from './support/matrix';
import { json, raw, threeMegabytes, type World } from './support/world';

const batch = (w: World) => `/api/v1/imports/${w.openOfA}/batches/2`;
const rows = (n: number) => Array.from({ length: n }, (_, i) => clientRow(100 + i));
const forged = { authorization: `Bearer ${'F'.repeat(43)}` };

const BODIES: [string, (w: World, headers: Record<string, string>) => ReturnType<typeof raw>, number][] = [
  ['a 3 MB batch', (w, h) => raw('PUT', batch(w), h, threeMegabytes('rows')), 413],
  ['a batch of 1,001 rows', (w, h) => json('PUT', batch(w), h, { rows: rows(1001) }), 413],
  ['malformed JSON to a batch', (w, h) => raw('PUT', batch(w), h, '{"rows": ['), 400],
  ['an unknown field in a batch', (w, h) => json('PUT', batch(w), h, { rows: [clientRow(70)], debug: true }), 400],
  ['a 3 MB POST /imports', (_w, h) => raw('POST', '/api/v1/imports', h, threeMegabytes('source')), 413],
  ['a 3 MB POST /clients/invitations', (_w, h) => raw('POST', '/api/v1/clients/invitations', h, threeMegabytes('taxClientIds')), 413],
];

const cases: BadCase[] = BODIES.flatMap(([name, request, withToken]): BadCase[] => [
  { name: `${name} without a token → 401`, request: (w) => request(w, {}), status: 401 },
  { name: `${name} with a forged token → 401`, request: (w) => request(w, forged), status: 401 },
  { name: `${name} with the admin token → 401`, request: (w) => request(w, w.admin), status: 401 },
  { name: `${name} with a valid token → ${withToken}`, request: (w) => request(w, w.a.auth), status: withToken },
]);

const admin: BadCase[] = [
  { name: 'a 3 MB POST /admin/firms without a token → 401', request: () => raw('POST', '/api/v1/admin/firms', {}, threeMegabytes()), status: 401 },
  { name: "a 3 MB POST /admin/firms with a firm's token → 401", request: (w) => raw('POST', '/api/v1/admin/firms', w.a.auth, threeMegabytes()), status: 401 },
  { name: 'malformed JSON to /admin/firms without a token → 401', request: () => raw('POST', '/api/v1/admin/firms', {}, '{"name":'), status: 401 },
  { name: 'a 3 MB POST /admin/firms with the admin token → 413', request: (w) => raw('POST', '/api/v1/admin/firms', w.admin, threeMegabytes()), status: 413 },
];

badInputMatrix('authentication before the body', [...cases, ...admin]);
