import { build, clientRow, createFirm, importRows, listAllClients, putBatch, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

describe.each(DIALECTS)('firm isolation on %s', (dialect) => {
  let t: TestApp;
  let a: TestFirm;
  let b: TestFirm;
  let importOfA: string;
  beforeAll(async () => {
    t = await build(dialect);
    a = await createFirm(t.app, { name: 'Firm A', offices: ['A Office'] });
    b = await createFirm(t.app, { name: 'Firm B', offices: ['Main Office', 'B Office'] });
    importOfA = (await importRows(t.app, a, [clientRow(1, { officeLocation: 'A Office' })], { sendInvitations: true })).importId;
  });
  afterAll(() => t.close());

  it.each([
    ['GET', ''],
    ['GET', '/report'],
    ['GET', '/report.xlsx'],
    ['POST', '/complete'],
  ])('answers 404 to another firm for %s /imports/{id}%s', async (method, suffix) => {
    const res = await t.app.inject({ method: method as 'GET' | 'POST', url: `/api/v1/imports/${importOfA}${suffix}`, headers: b.auth });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it("does not accept batches into another firm's import", async () => {
    expect((await putBatch(t.app, b, importOfA, 5, [clientRow(2)])).statusCode).toBe(404);
    const job = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importOfA}`, headers: a.auth });
    expect(job.json().counts.rows).toBe(1);
  });

  it('shows each firm only its own settings, clients and template', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: b.auth })).json()).toMatchObject({ id: b.id, name: 'Firm B' });
    expect(await listAllClients(t.app, b)).toEqual([]);
    expect(await listAllClients(t.app, b, '&taxClientId=C00001')).toEqual([]);
    expect(await listAllClients(t.app, a)).toHaveLength(1);
    const template = await t.app.inject({ method: 'GET', url: '/api/v1/template.xlsx', headers: b.auth });
    expect(template.statusCode).toBe(200);
  });

  it('lets the same Tax Client ID exist in two firms and keeps invitations per firm', async () => {
    const res = await importRows(t.app, b, [clientRow(1)]);
    expect(res.results[0].outcome).toBe('imported');
    const invite = await t.app.inject({ method: 'POST', url: '/api/v1/clients/invitations', headers: b.auth, payload: { taxClientIds: ['C00001'] } });
    expect(invite.json().results[0]).toMatchObject({ taxClientId: 'C00001', invited: true, status: 'Not Enrolled' });
    const [clientOfA] = await listAllClients(t.app, a);
    expect(clientOfA.status).toBe('Not Enrolled');
    const [clientOfB] = await listAllClients(t.app, b);
    expect(clientOfB.invitationUrl).not.toEqual(clientOfA.invitationUrl);
    await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${clientOfB.invitationUrl!.split('/').pop()}/accept` });
    expect((await listAllClients(t.app, a))[0].status).toBe('Not Enrolled');
    expect((await listAllClients(t.app, b))[0].status).toBe('Connected');
  });
});
