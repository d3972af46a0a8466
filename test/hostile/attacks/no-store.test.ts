// Attack 5 of issue 24: answers carrying invitation links, tokens or clients' data could be kept by a browser or
// proxy cache. Now every /api/v1 answer and every invitation page says `Cache-Control: no-store`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { ADMIN, firmToken, listen, type Listening } from './support/listening';

let t: Listening;
let token: string;
let firmId: string;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pane-files-'));
  writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>pane</title>');
  t = await listen({ staticDir: dir });
  token = await firmToken(t.app);
  firmId = (await t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: { authorization: `Bearer ${token}` } })).json().id;
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const firm = () => ({ authorization: `Bearer ${token}` });
const admin = { authorization: `Bearer ${ADMIN}` };

const ANSWERS: [string, () => InjectOptions][] = [
  ['the client list (it carries invitation links)', () => ({ method: 'GET', url: '/api/v1/clients', headers: firm() })],
  ['an invitation send', () => ({ method: 'POST', url: '/api/v1/clients/invitations', headers: firm(), payload: { taxClientIds: ['X1'] } })],
  ['a new import', () => ({ method: 'POST', url: '/api/v1/imports', headers: firm(), payload: {} })],
  ['the firm', () => ({ method: 'GET', url: '/api/v1/firm', headers: firm() })],
  ['health', () => ({ method: 'GET', url: '/api/v1/health' })],
  ['a 401', () => ({ method: 'GET', url: '/api/v1/clients' })],
  ['an API 404', () => ({ method: 'GET', url: '/api/v1/nowhere', headers: firm() })],
  ['an invitation page', () => ({ method: 'GET', url: `/invitations/${'b'.repeat(43)}` })],
  ['an invitation accept', () => ({ method: 'POST', url: `/api/v1/invitations/${'b'.repeat(43)}/accept` })],
  // Last: the answers above use the firm's token.
  ['an admin token rotation', () => ({ method: 'POST', url: `/api/v1/admin/firms/${firmId}/token`, headers: admin })],
];

describe('caching', () => {
  it.each(ANSWERS)('%s says no-store', async (_what, request) => {
    const res = await t.app.inject(request());
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('leaves the pane files to their own caching', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/taskpane.html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).not.toBe('no-store');
  });
});
