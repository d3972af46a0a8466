import { sql } from 'kysely';
import { build, clientRow, createFirm, importRows, listAllClients, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(DIALECTS)('the invitation page and its links on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let n = 0;

  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app, { name: 'Lee & <Partners>' });
  });
  afterAll(() => t?.close());

  /** A new Not Enrolled client and its link's path, e.g. `/invitations/abc…`. */
  async function invited(overrides = {}) {
    const row = clientRow(++n, overrides);
    await importRows(t.app, firm, [row], { sendInvitations: true });
    await importRows(t.app, firm, [{ ...row, email: '', isOffline: 'Yes' }]);
    const client = (await listAllClients(t.app, firm, `&taxClientId=${row.taxClientId}&kind=standard`))[0];
    return { id: row.taxClientId, path: new URL(client.invitationUrl!).pathname };
  }
  const page = (path: string) => t.app.inject({ method: 'GET', url: path });
  const acceptForm = (path: string) => t.app.inject({ method: 'POST', url: `/api/v1${path}/accept`, headers: FORM, payload: '' });
  const statuses = async (id: string) => (await listAllClients(t.app, firm, `&taxClientId=${id}`)).map((c) => `${c.kind}:${c.status}`).sort();

  it('shows the firm and the first name, escaped, with an Accept form, on an accessible page', async () => {
    const { path } = await invited({ firstName: '<script>alert(1)</script>' });
    const res = await page(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<h1>Connect with Lee &amp; &lt;Partners&gt;</h1>');
    expect(res.body).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(res.body).not.toContain('<script>');
    expect(res.body).toContain(`<form method="post" action="/api/v1${path}/accept">`);
    expect(res.body).toMatch(/<button type="submit" autofocus>Accept<\/button>/);
  });

  it('Accept connects the client, makes its offline profile Duplicate and says so; again changes nothing', async () => {
    const { id, path } = await invited();
    const res = await acceptForm(path);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 tabindex="-1" autofocus>You&#39;re connected to Lee &amp; &lt;Partners&gt;</h1>');
    expect(await statuses(id)).toEqual(['offline:Duplicate', 'standard:Connected']);
    const updated = (await listAllClients(t.app, firm, `&taxClientId=${id}`)).map((c) => JSON.stringify(c));

    expect((await acceptForm(path)).body).toContain('You&#39;re connected to');
    const api = await t.app.inject({ method: 'POST', url: `/api/v1${path}/accept` });
    expect(api.json()).toEqual({ taxClientId: id, status: 'Connected' });
    expect((await listAllClients(t.app, firm, `&taxClientId=${id}`)).map((c) => JSON.stringify(c))).toEqual(updated);
    const used = await page(path);
    expect(used.statusCode).toBe(200);
    expect(used.body).toContain('This invitation has already been accepted');
    expect(used.body).not.toContain('<form');
  });

  it('an expired link (30 days) gets a page saying to ask for a new one, and accepting it changes nothing', async () => {
    const { id, path } = await invited();
    await sql`update clients set created_at = now() - interval '31 days', invited_at = now() - interval '31 days'
      where firm_id = ${firm.id} and tax_client_id = ${id}`.execute(t.storage.db);
    const res = await page(path);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('This invitation has expired');
    expect(res.body).toContain('Ask Lee &amp; &lt;Partners&gt; to send you a new invitation');
    const api = await t.app.inject({ method: 'POST', url: `/api/v1${path}/accept` });
    expect(api.statusCode).toBe(410);
    expect(api.json().detail).toMatch(/expired/);
    expect((await acceptForm(path)).statusCode).toBe(410);
    expect(await statuses(id)).toEqual(['offline:Offline', 'standard:Not Enrolled']);
  });

  it('a resend replaces the link: the old one says so and cannot accept, the new one works', async () => {
    const { id, path } = await invited();
    const resend = await t.app.inject({ method: 'POST', url: '/api/v1/clients/invitations/resend', headers: firm.auth, payload: { taxClientIds: [id] } });
    expect(resend.statusCode).toBe(200);
    const [result] = resend.json().results;
    expect(result).toMatchObject({ taxClientId: id, invited: true, status: 'Not Enrolled', comment: '' });
    const fresh = new URL(result.invitationUrl).pathname;
    expect(fresh).not.toBe(path);
    expect((await listAllClients(t.app, firm, `&taxClientId=${id}&kind=standard`))[0].invitationUrl).toBe(result.invitationUrl);

    const old = await page(path);
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain('This invitation was replaced');
    const api = await t.app.inject({ method: 'POST', url: `/api/v1${path}/accept` });
    expect(api.statusCode).toBe(410);
    expect(api.json().detail).toMatch(/replaced/);
    expect(await statuses(id)).toEqual(['offline:Offline', 'standard:Not Enrolled']);

    expect((await t.app.inject({ method: 'POST', url: `/api/v1${fresh}/accept` })).json()).toEqual({ taxClientId: id, status: 'Connected' });
  });

  it('resend answers per ID: Connected, Not Invited and unknown clients are reported and left alone', async () => {
    const { id: connected, path } = await invited();
    await t.app.inject({ method: 'POST', url: `/api/v1${path}/accept` });
    await importRows(t.app, firm, [clientRow(900)]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/clients/invitations/resend',
      headers: firm.auth,
      payload: { taxClientIds: [connected, 'C00900', 'NOPE'] },
    });
    expect(res.json().results).toEqual([
      { taxClientId: connected, invited: false, status: 'Connected', comment: 'The client is already connected' },
      { taxClientId: 'C00900', invited: false, status: 'Not Invited', comment: 'The client has not been invited yet: send an invitation instead' },
      { taxClientId: 'NOPE', invited: false, status: null, comment: 'No standard client with this Tax Client ID' },
    ]);
    expect((await page(path)).body).toContain('This invitation has already been accepted');
  });

  it('an unknown or malformed link gets a plain not-found page', async () => {
    for (const path of ['/invitations/' + 'x'.repeat(43), '/invitations/short', '/invitations/%3Cb%3E']) {
      const res = await page(path);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Invitation not found');
      expect(res.body).not.toContain('<b>');
    }
  });

  it('does not keep the token in plain text anywhere in the database', async () => {
    const { path } = await invited();
    const token = path.split('/').pop()!;
    const { rows } = await sql<{ hit: number }>`select count(*)::int as hit from clients c where c::text like ${'%' + token + '%'}`.execute(t.storage.db);
    expect(rows[0].hit).toBe(0);
    const outbox = await sql<{ hit: number }>`select count(*)::int as hit from outbox o where o::text like ${'%' + token + '%'}`.execute(t.storage.db);
    expect(outbox.rows[0].hit).toBe(0);
  });
});
