// POST /api/v1/admin/firms: every bad request is a 4xx problem and creates no firm.
import { badInputMatrix, type BadCase } from './support/matrix';
import { json, raw, threeMegabytes } from './support/world';

const URL = '/api/v1/admin/firms';
const valid = { name: 'New Firm', owners: ['owner@new.test'], offices: ['Main'] };
const withBody =
  (body: unknown): BadCase['request'] =>
  (w) =>
    json('POST', URL, w.admin, body);

const cases: BadCase[] = [
  { name: 'no token', request: () => json('POST', URL, {}, valid), status: 401 },
  { name: "a firm's token", request: (w) => json('POST', URL, w.a.auth, valid), status: 401 },
  { name: 'a forged admin token of the same length', request: () => json('POST', URL, { authorization: `Bearer ${'x'.repeat(27)}` }, valid), status: 401 },
  {
    name: 'the admin token under the Basic scheme',
    request: (w) => json('POST', URL, { authorization: w.admin.authorization.replace('Bearer', 'Basic') }, valid),
    status: 401,
  },
  { name: 'the admin token with a suffix', request: (w) => json('POST', URL, { authorization: `${w.admin.authorization}x` }, valid), status: 401 },
  { name: 'malformed JSON', request: (w) => raw('POST', URL, w.admin, '{"name": "A", "owners": ['), status: 400 },
  { name: 'an empty JSON body', request: (w) => raw('POST', URL, w.admin, ''), status: 400 },
  { name: 'JSON sent as text/plain', request: (w) => raw('POST', URL, w.admin, JSON.stringify(valid), 'text/plain'), status: 400 },
  { name: 'a form-encoded body', request: (w) => raw('POST', URL, w.admin, 'name=A&owners=a', 'application/x-www-form-urlencoded'), status: 415 },
  { name: 'an array body', request: withBody([valid]), status: 400 },
  { name: 'missing name', request: withBody({ owners: valid.owners, offices: valid.offices }), status: 400, detail: /missing field "name"/ },
  { name: 'missing owners', request: withBody({ name: 'A', offices: valid.offices }), status: 400, detail: /owners/ },
  { name: 'no owners', request: withBody({ ...valid, owners: [] }), status: 400, detail: /owners/ },
  { name: 'owners as a string', request: withBody({ ...valid, owners: 'owner@new.test' }), status: 400, detail: /owners/ },
  { name: 'an owner that is a number', request: withBody({ ...valid, owners: [42] }), status: 400 },
  {
    name: 'offlineClientsEnabled as the string "true"',
    request: withBody({ ...valid, offlineClientsEnabled: 'true' }),
    status: 400,
    detail: /offlineClientsEnabled/,
  },
  { name: 'a 10,000-character name', request: withBody({ ...valid, name: 'n'.repeat(10_000) }), status: 400, detail: /name/ },
  { name: 'a bell character in the name', request: withBody({ ...valid, name: 'Firm\u0007' }), status: 400, detail: /name/ },
  { name: 'a newline in an office', request: withBody({ ...valid, offices: ['Main\nOffice'] }), status: 400, detail: /offices/ },
  { name: 'an unknown field', request: withBody({ ...valid, plan: 'gold' }), status: 400, detail: /unknown field "plan"/ },
  { name: '1,001 owners', request: withBody({ ...valid, owners: Array.from({ length: 1001 }, (_, i) => `o${i}@new.test`) }), status: 400 },
  { name: 'a 3 MB body', request: (w) => raw('POST', URL, w.admin, threeMegabytes()), status: 413 },
  {
    name: 'a __proto__ key',
    request: (w) => raw('POST', URL, w.admin, `{"name":"A","owners":["a@b.c"],"offices":["M"],"__proto__":{"admin":true}}`),
    status: 400,
  },
  {
    name: 'a constructor.prototype key',
    request: (w) => raw('POST', URL, w.admin, `{"name":"A","owners":["a@b.c"],"offices":["M"],"constructor":{"prototype":{"admin":true}}}`),
    status: 400,
  },
  // A name or owner of spaces only is blank once trimmed: the firm would have no name or no owner.
  { name: 'a name of spaces only', request: withBody({ ...valid, name: '   ' }), status: 400, detail: /name/ },
  { name: 'an owner of spaces only', request: withBody({ ...valid, owners: ['   '] }), status: 400, detail: /owners/ },
];

badInputMatrix('bad input to POST /admin/firms', cases);
