// Links, resend and firm administration: forged, expired and replaced links, a resend for a Connected
// client, a PATCH that would strand clients' owners and offices, bad history cursors. Each answers
// plainly (a problem for the API, a plain page for the browser) and changes nothing. Then the SMTP
// server down: the message waits in the queue and the import is not affected.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { smtpDelivery } from '../../src/server/mail/mail-transport';
import { outboxWorker } from '../../src/server/mail/outbox-worker';
import { clientRow, importRows, listAllClients, OFFICE, OWNER } from '../server/build';
import { DIALECTS } from '../server/dialects';
import { expectProblem, snapshot } from './support/matrix';
import { buildWorld, json, raw, type World } from './support/world';

interface LinkWorld extends World {
  /** A's C00002: its link is 31 days old. */
  expired: string;
  /** A's C00001's first link, replaced by a resend. */
  replaced: string;
  /** A's C00010, invited and then connected. */
  connectedId: string;
}

async function buildLinkWorld(dialect: 'pglite' | 'postgres'): Promise<LinkWorld> {
  const w = await buildWorld(dialect);
  const linkOf = async (id: string) => (await listAllClients(w.app, w.a, `&taxClientId=${id}&kind=standard`))[0].invitationUrl!.split('/').pop()!;
  const replaced = w.invitationOfA;
  const resend = await w.app.inject(json('POST', '/api/v1/clients/invitations/resend', w.a.auth, { taxClientIds: ['C00001'] }));
  if (resend.statusCode !== 200) throw new Error(`world: resend ${resend.body}`);
  const expired = await linkOf('C00002');
  await sql`update clients set created_at = now() - interval '31 days' where tax_client_id = 'C00002' and firm_id = ${w.a.id}`.execute(w.db);
  await w.app.inject(json('POST', '/api/v1/clients/invitations', w.a.auth, { taxClientIds: ['C00010'] }));
  await w.app.inject({ method: 'POST', url: `/api/v1/invitations/${await linkOf('C00010')}/accept` });
  return { ...w, expired, replaced, connectedId: 'C00010' };
}

interface LinkCase {
  name: string;
  request: (w: LinkWorld) => InjectOptions;
  status: number;
  /** Problem detail for API answers; for pages, text the page must show. */
  detail?: RegExp;
  page?: boolean;
  check?: (res: LightMyRequestResponse, w: LinkWorld) => void;
}

const FORM = 'application/x-www-form-urlencoded';
const accept =
  (token: (w: LinkWorld) => string) =>
  (w: LinkWorld): InjectOptions => ({ method: 'POST', url: `/api/v1/invitations/${token(w)}/accept` });
const acceptForm = (token: (w: LinkWorld) => string) => (w: LinkWorld) => raw('POST', `/api/v1/invitations/${token(w)}/accept`, {}, '', FORM);
const open =
  (token: (w: LinkWorld) => string) =>
  (w: LinkWorld): InjectOptions => ({ method: 'GET', url: `/invitations/${token(w)}` });
const forged = () => 'A'.repeat(43);
const resend =
  (body: unknown, auth: 'a' | 'b' | 'admin' = 'a') =>
  (w: LinkWorld) =>
    json('POST', '/api/v1/clients/invitations/resend', auth === 'admin' ? w.admin : w[auth].auth, body);
const patch = (body: unknown) => (w: LinkWorld) => json('PATCH', `/api/v1/admin/firms/${w.a.id}`, w.admin, body);

const cases: LinkCase[] = [
  { name: 'accept a forged link', request: accept(forged), status: 404 },
  { name: 'accept an expired link', request: accept((w) => w.expired), status: 410, detail: /expired: ask the firm to send a new one/ },
  { name: 'accept a replaced link', request: accept((w) => w.replaced), status: 410, detail: /replaced by a newer one/ },
  { name: 'Accept button on a forged link', request: acceptForm(forged), status: 404, page: true, detail: /Invitation not found/ },
  { name: 'Accept button on an expired link', request: acceptForm((w) => w.expired), status: 410, page: true, detail: /This invitation has expired/ },
  { name: 'Accept button on a replaced link', request: acceptForm((w) => w.replaced), status: 410, page: true, detail: /This invitation was replaced/ },
  { name: 'open a forged link', request: open(forged), status: 404, page: true, detail: /Invitation not found/ },
  { name: "open firm A's firm token as a link", request: open((w) => w.a.token), status: 404, page: true, detail: /Invitation not found/ },
  { name: 'open an expired link', request: open((w) => w.expired), status: 410, page: true, detail: /Ask Firm A to send you a new invitation/ },
  { name: 'open a replaced link', request: open((w) => w.replaced), status: 410, page: true, detail: /Firm A has sent you a newer invitation/ },
  {
    name: 'open a link with markup in it',
    request: open(() => '%3Cscript%3Ealert(1)%3C%2Fscript%3E'),
    status: 404,
    page: true,
    detail: /Invitation not found/,
  },
  {
    name: 'resend for a Connected client',
    request: resend({ taxClientIds: ['C00010'] }),
    status: 200,
    check: (res) =>
      expect(res.json().results).toEqual([{ taxClientId: 'C00010', invited: false, status: 'Connected', comment: 'The client is already connected' }]),
  },
  {
    name: "firm B resends firm A's client",
    request: resend({ taxClientIds: ['C00002'] }, 'b'),
    status: 200,
    check: (res) => expect(res.json().results[0]).toMatchObject({ invited: false, status: null }),
  },
  { name: 'resend an empty list', request: resend({ taxClientIds: [] }), status: 400, detail: /taxClientIds/ },
  { name: 'resend with an unknown field', request: resend({ taxClientIds: ['C00002'], force: true }), status: 400, detail: /unknown field "force"/ },
  { name: 'resend an ID with a NUL', request: resend({ taxClientIds: ['C00002\u0000'] }), status: 400, detail: /taxClientIds/ },
  { name: 'resend without a token', request: () => json('POST', '/api/v1/clients/invitations/resend', {}, { taxClientIds: ['C00002'] }), status: 401 },
  { name: 'resend with the admin token', request: resend({ taxClientIds: ['C00002'] }, 'admin'), status: 401 },
  {
    name: 'PATCH removing an owner clients still use',
    request: patch({ owners: ['someone.else@firm.test'] }),
    status: 409,
    detail: new RegExp(`^Owners still used by clients: ${OWNER.replace('.', '\\.')} \\(\\d+ clients\\)`),
  },
  {
    name: 'PATCH removing an office clients still use',
    request: patch({ name: 'Renamed', offices: ['Elsewhere'] }),
    status: 409,
    detail: new RegExp(`Offices still used by clients: ${OFFICE}`),
  },
  { name: 'PATCH with an empty body', request: patch({}), status: 400 },
  { name: 'PATCH with no owners', request: patch({ owners: [] }), status: 400, detail: /owners/ },
  { name: 'PATCH with an unknown field', request: patch({ token: 'x' }), status: 400, detail: /unknown field "token"/ },
  { name: 'PATCH a blank name', request: patch({ name: '   ' }), status: 400, detail: /name/ },
  { name: 'PATCH an unknown firm', request: (w) => json('PATCH', '/api/v1/admin/firms/no-such-firm', w.admin, { name: 'X' }), status: 404 },
  { name: "PATCH with a firm's token", request: (w) => json('PATCH', `/api/v1/admin/firms/${w.a.id}`, w.a.auth, { name: 'X' }), status: 401 },
  { name: 'rotate an unknown firm', request: (w) => ({ method: 'POST', url: '/api/v1/admin/firms/no-such-firm/token', headers: w.admin }), status: 404 },
  { name: "rotate with a firm's token", request: (w) => ({ method: 'POST', url: `/api/v1/admin/firms/${w.a.id}/token`, headers: w.a.auth }), status: 401 },
  {
    name: 'history with a forged cursor',
    request: (w) => ({ method: 'GET', url: '/api/v1/imports?cursor=abc', headers: w.a.auth }),
    status: 400,
    detail: /cursor/,
  },
  {
    name: 'history with a cursor past bigint',
    request: (w) => ({ method: 'GET', url: `/api/v1/imports?cursor=${'9'.repeat(19)}.x`, headers: w.a.auth }),
    status: 400,
    detail: /cursor/,
  },
  { name: 'history with limit 1000', request: (w) => ({ method: 'GET', url: '/api/v1/imports?limit=1000', headers: w.a.auth }), status: 400, detail: /limit/ },
];

describe.each(DIALECTS)('bad links, resends and firm changes on %s', (dialect) => {
  let w: LinkWorld;
  beforeAll(async () => {
    w = await buildLinkWorld(dialect);
  });
  afterAll(() => w?.close());

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot(w.db);
    const res = await w.app.inject(c.request(w));
    if (c.page) {
      expect({ status: res.statusCode, type: res.headers['content-type'] }).toEqual({ status: c.status, type: 'text/html; charset=utf-8' });
      expect(res.body).toMatch(c.detail!);
      expect(res.body).not.toMatch(/<script|\n\s+at /);
    } else if (c.status >= 400) {
      expectProblem(res, c.status, c.detail);
    } else {
      expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status: c.status });
    }
    c.check?.(res, w);
    expect(await snapshot(w.db)).toEqual(before);
  });

  it('with the SMTP server down the import still answers, and the e-mail waits in the queue with the reason', async () => {
    const { results } = await importRows(w.app, w.a, [clientRow(40)], { sendInvitations: true });
    expect(results[0]).toMatchObject({ outcome: 'imported', status: 'Not Enrolled' });
    // Port 9 (discard) has no listener here: the connection is refused.
    const worker = outboxWorker({ db: w.db, deliver: smtpDelivery('smtp://127.0.0.1:9'), sealer: w.app.sealer, from: 'p@firm.test' });
    const round = await worker.runOnce();
    expect(round.sent).toBe(0);
    expect(round.retried).toBeGreaterThan(0);
    const { rows } = await sql<{ state: string; last_error: string }>`select state, last_error from outbox where to_email = 'client40@example.com'`.execute(
      w.db,
    );
    expect(rows).toEqual([{ state: 'queued', last_error: expect.stringMatching(/ECONNREFUSED/) }]);
    expect((await listAllClients(w.app, w.a, '&taxClientId=C00040'))[0]).toMatchObject({
      status: 'Not Enrolled',
      invitationUrl: expect.stringContaining('/invitations/'),
    });
  });
});
