import { ADMIN_TOKEN, build, clientRow, createFirm, importRows, OFFICE, OWNER, type TestApp } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe.each(DIALECTS)('firm administration on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(() => t?.close());

  const patch = (id: string, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/admin/firms/${id}`, headers: admin, payload: payload as object });
  const firmView = async (token: string) => await t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: { authorization: `Bearer ${token}` } });

  it('changes the name, the offline setting, owners, offices and users; the firm sees the change', async () => {
    const firm = await createFirm(t.app);
    const res = await patch(firm.id, {
      name: ' Renamed LLP ',
      offlineClientsEnabled: false,
      owners: [OWNER, 'new@firm.test'],
      offices: [OFFICE, 'North'],
      users: ['clerk@firm.test'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: firm.id,
      name: 'Renamed LLP',
      offlineClientsEnabled: false,
      owners: [OWNER, 'new@firm.test'],
      offices: [OFFICE, 'North'],
      users: [OWNER, 'new@firm.test', 'clerk@firm.test'],
    });
    expect((await firmView(firm.token)).json()).toMatchObject({ name: 'Renamed LLP', offlineClientsEnabled: false, offices: [OFFICE, 'North'] });
    const { results } = await importRows(t.app, firm, [
      clientRow(1, { ownerEmail: 'NEW@firm.test', officeLocation: 'North' }),
      clientRow(2, { isOffline: 'Yes' }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'rejected']);
  });

  it('leaves out fields that are not given', async () => {
    const firm = await createFirm(t.app, { name: 'Keep Me' });
    expect((await patch(firm.id, { offlineClientsEnabled: false })).json()).toMatchObject({ name: 'Keep Me', owners: [OWNER], offices: [OFFICE] });
  });

  it('refuses to remove owners and offices that clients still use, naming them, and changes nothing', async () => {
    const firm = await createFirm(t.app, { owners: [OWNER, 'idle@firm.test'], offices: [OFFICE, 'Empty'] });
    await importRows(t.app, firm, [clientRow(1), clientRow(2)]);
    const res = await patch(firm.id, { name: 'Changed', owners: ['idle@firm.test'], offices: ['Empty'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      `Owners still used by clients: ${OWNER} (2 clients); Offices still used by clients: ${OFFICE} (2 clients). Keep them until those clients are moved to another owner or office`,
    );
    expect((await firmView(firm.token)).json()).toMatchObject({ name: 'Test Firm', owners: [OWNER, 'idle@firm.test'] });
    // Unused ones may go; a different case of a used one keeps it.
    expect((await patch(firm.id, { owners: [OWNER.toUpperCase()], offices: [OFFICE] })).statusCode).toBe(200);
  });

  it('rotates the token: the new one works, the old one stops at once', async () => {
    const firm = await createFirm(t.app);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/firms/${firm.id}/token`, headers: admin });
    expect(res.statusCode).toBe(200);
    const { token } = res.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await firmView(token)).statusCode).toBe(200);
    expect((await firmView(firm.token)).statusCode).toBe(401);
  });

  it('answers 404 for an unknown firm and 401 without the admin token', async () => {
    expect((await patch('no-such-firm', { name: 'X' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/firms/no-such-firm/token', headers: admin })).statusCode).toBe(404);
    const firm = await createFirm(t.app);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/firms/${firm.id}/token`, headers: firm.auth })).statusCode).toBe(401);
    expect((await firmView(firm.token)).statusCode).toBe(200);
  });
});
