// GET /clients, POST /clients/invitations and POST /invitations/{token}/accept: bad queries, bodies,
// other firms' IDs and forged invitation tokens answer a problem (or a harmless "not invited") and change nothing.
import type { LightMyRequestResponse } from 'fastify';
import { badInputMatrix, type BadCase } from './support/matrix';
import { json, raw, threeMegabytes } from './support/world';

const list =
  (query: string): BadCase['request'] =>
  (w) => ({ method: 'GET', url: `/api/v1/clients?${query}`, headers: w.a.auth });

const listCases: BadCase[] = [
  ...[
    ['limit=-1', /limit/],
    ['limit=abc', /limit/],
    ['limit=1.5', /limit/],
    ['limit=99999', /limit/],
    ['limit=1000000000000', /limit/],
    ['limit=', /limit/],
    ['cursor=abc', /cursor/],
    ['cursor=-1', /cursor/],
    ['cursor=1.5', /cursor/],
    ['cursor=99999999999999999999', /cursor/],
    // Past PostgreSQL's bigint: must be refused like any other bad cursor, not fail in the database.
    ['cursor=9999999999999999999', /cursor/],
    ['cursor=%00', /cursor/],
    ['kind=Standard', /kind/],
    ['kind=both', /kind/],
    ['kind=standard&kind=offline', /kind/],
    ['status=connected', /status/],
    ['status=Not%20Sure', /status/],
    ['status=Connected&status=Offline', /status/],
    ['taxClientId=%00', /taxClientId/],
    ['taxClientId=a&taxClientId=%00', /taxClientId/],
    [`taxClientId=${'9'.repeat(60_000)}`, /taxClientId/],
    ['firmId=x', /unknown field "firmId"/],
  ].map(([query, detail]): BadCase => ({
    name: `GET /clients?${String(query).slice(0, 40)}`,
    request: list(String(query)),
    status: 400,
    detail: detail as RegExp,
  })),
  {
    name: 'GET /clients?limit=0 is read as 1',
    request: list('limit=0'),
    status: 200,
    check: (res) => expect(res.json().clients.length).toBeLessThanOrEqual(1),
  },
  { name: 'GET /clients without a token', request: () => ({ method: 'GET', url: '/api/v1/clients' }), status: 401 },
  {
    name: 'GET /clients with a forged token',
    request: () => ({ method: 'GET', url: '/api/v1/clients', headers: { authorization: `Bearer ${'B'.repeat(43)}` } }),
    status: 401,
  },
];

const INVITE = '/api/v1/clients/invitations';
const invite =
  (body: unknown): BadCase['request'] =>
  (w) =>
    json('POST', INVITE, w.a.auth, body);
const notInvited = (res: LightMyRequestResponse) => expect(res.json().results.every((r: { invited: boolean }) => !r.invited)).toBe(true);

const inviteCases: BadCase[] = [
  { name: 'invite without taxClientIds', request: invite({}), status: 400, detail: /taxClientIds/ },
  { name: 'invite an empty list', request: invite({ taxClientIds: [] }), status: 400, detail: /taxClientIds/ },
  { name: 'invite a string', request: invite({ taxClientIds: 'C00010' }), status: 400, detail: /taxClientIds/ },
  { name: 'invite numbers', request: invite({ taxClientIds: [10] }), status: 400, detail: /taxClientIds/ },
  { name: 'invite null', request: invite({ taxClientIds: [null] }), status: 400, detail: /taxClientIds/ },
  { name: 'invite 1,001 IDs', request: invite({ taxClientIds: Array.from({ length: 1001 }, (_, i) => `C${i}`) }), status: 400, detail: /taxClientIds/ },
  { name: 'invite a 10,000-character ID', request: invite({ taxClientIds: ['9'.repeat(10_000)] }), status: 400, detail: /taxClientIds/ },
  { name: 'invite an ID with a NUL', request: invite({ taxClientIds: ['C00010\u0000'] }), status: 400, detail: /taxClientIds/ },
  { name: 'invite with an unknown field', request: invite({ taxClientIds: ['C00010'], resend: true }), status: 400, detail: /unknown field "resend"/ },
  { name: 'invite with malformed JSON', request: (w) => raw('POST', INVITE, w.a.auth, '{"taxClientIds":["C00010"'), status: 400 },
  { name: 'invite with a form body', request: (w) => raw('POST', INVITE, w.a.auth, 'taxClientIds=C00010', 'application/x-www-form-urlencoded'), status: 415 },
  { name: 'invite with a 3 MB body', request: (w) => raw('POST', INVITE, w.a.auth, threeMegabytes('taxClientIds')), status: 413 },
  { name: 'invite without a token', request: () => json('POST', INVITE, {}, { taxClientIds: ['C00010'] }), status: 401 },
  { name: 'invite with the admin token', request: (w) => json('POST', INVITE, w.admin, { taxClientIds: ['C00010'] }), status: 401 },
  // A's Not Invited client C00010 is not B's: B's call answers "no such client" and A's client stays as it is.
  { name: "firm B invites firm A's client", request: (w) => json('POST', INVITE, w.b.auth, { taxClientIds: ['C00010'] }), status: 200, check: notInvited },
];

const accept =
  (token: string): BadCase['request'] =>
  () => ({ method: 'POST', url: `/api/v1/invitations/${token}/accept` });
const flip = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

const acceptCases: BadCase[] = [
  { name: 'accept a forged token of the right shape', request: accept('A'.repeat(43)), status: 404 },
  { name: "accept A's token with its last character changed", request: (w) => accept(flip(w.invitationOfA))(w), status: 404 },
  { name: "accept A's token upper-cased", request: (w) => accept(w.invitationOfA.toUpperCase())(w), status: 404 },
  { name: "accept firm A's firm token as an invitation", request: (w) => accept(w.a.token)(w), status: 404 },
  { name: 'accept a token that is too short', request: accept('abc'), status: 400 },
  { name: 'accept a token with dots', request: accept('a.b'.repeat(10)), status: 400 },
  { name: 'accept an encoded traversal', request: accept('..%2F..%2Fadmin%2Ffirms%2F..%2F..'), status: 400 },
  { name: 'accept NUL bytes', request: accept('%00'.repeat(21)), status: 400 },
  { name: 'accept a 101-character token', request: accept('A'.repeat(101)), status: 400 },
  {
    name: 'accept a token in the query instead of the path',
    request: () => ({ method: 'POST', url: `/api/v1/invitations/x/accept?token=${'A'.repeat(43)}` }),
    status: 400,
  },
  { name: 'accept with GET', request: (w) => ({ method: 'GET', url: `/api/v1/invitations/${w.invitationOfA}/accept` }), status: 404 },
];

badInputMatrix('bad input to the client and invitation routes', [...listCases, ...inviteCases, ...acceptCases]);
