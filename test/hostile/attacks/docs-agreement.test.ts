// The smaller findings of issue 24's attack run: where the server disagreed with docs/api.md. Each answer is now the
// documented one, and a refused request changes nothing.
import { redactUrl } from '../../../src/server/http/log-options';
import { snapshot } from '../../bad-input/support/matrix';
import { build, clientRow, createFirm, putBatch, startImport, type TestApp, type TestFirm } from '../../server/build';

let t: TestApp;
let firm: TestFirm;
beforeAll(async () => {
  t = await build('pglite');
  firm = await createFirm(t.app, { name: 'Docs Agreement CPA' });
});
afterAll(() => t?.close());

it('POST /imports with no body at all opens an import (the body is optional)', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: firm.auth });
  expect(res.statusCode).toBe(201);
  expect(res.json()).toMatchObject({ status: 'open' });
  // An unknown field is still refused.
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: firm.auth, payload: { surprise: 1 } })).statusCode).toBe(400);
});

it('batch number 0 is refused with 400 and stores nothing; batches count from 1', async () => {
  const importId = await startImport(t.app, firm);
  const before = await snapshot(t.storage.db);
  const res = await putBatch(t.app, firm, importId, 0, [clientRow(1)]);
  expect(res.statusCode).toBe(400);
  expect(res.json().detail).toMatch(/seq/);
  expect(await snapshot(t.storage.db)).toEqual(before);
  expect((await putBatch(t.app, firm, importId, 1, [clientRow(1)])).statusCode).toBe(200);
});

it('the log keeps the firm route /clients/invitations/resend whole, and still hides link tokens', () => {
  expect(redactUrl('/api/v1/clients/invitations/resend')).toBe('/api/v1/clients/invitations/resend');
  expect(redactUrl('/api/v1/clients/invitations')).toBe('/api/v1/clients/invitations');
  expect(redactUrl(`/invitations/${'t'.repeat(43)}`)).toBe('/invitations/[redacted]');
  expect(redactUrl(`/api/v1/invitations/${'t'.repeat(43)}/accept`)).toBe('/api/v1/invitations/[redacted]/accept');
});

it('a lone surrogate in a name is a 400 naming the field that changes nothing; a whole emoji is stored and reported as sent', async () => {
  const importId = await startImport(t.app, firm);
  const before = await snapshot(t.storage.db);
  const lone = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/imports/${importId}/batches/1`,
    headers: { ...firm.auth, 'content-type': 'application/json' },
    // JSON can spell half a surrogate pair; JSON.stringify would not, so the body is written by hand.
    payload: JSON.stringify({ rows: [clientRow(7)] }).replace('"firstName":"', '"firstName":"\\ud800'),
  });
  expect(lone.statusCode).toBe(400);
  expect(lone.json().detail).toMatch(/firstName/);
  expect(await snapshot(t.storage.db)).toEqual(before);

  const emoji = 'Zoë 👩‍👩‍👧‍👦';
  expect((await putBatch(t.app, firm, importId, 1, [clientRow(8, { firstName: emoji })])).statusCode).toBe(200);
  const report = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importId}/report`, headers: firm.auth });
  expect(report.json().rows[0].firstName).toBe(emoji);
  const clients = await t.app.inject({ method: 'GET', url: `/api/v1/clients?taxClientId=${clientRow(8).taxClientId}`, headers: firm.auth });
  expect(clients.json().clients[0].firstName).toBe(emoji);
});
