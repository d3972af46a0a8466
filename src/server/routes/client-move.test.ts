import { listAuditEvents } from '../audit/audit.repository';
import { ADMIN_TOKEN, build, clientRow, createFirm, importRows, listAllClients, OFFICE, OWNER, type TestApp } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const NEW_OWNER = 'new@firm.test';

describe.each(DIALECTS)('moving clients between owners and offices on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(() => t?.close());

  const move = (id: string, payload: unknown, headers: Record<string, string> = admin) =>
    t.app.inject({ method: 'POST', url: `/api/v1/admin/firms/${id}/client-moves`, headers, payload: payload as object });
  const firmWithClients = async () => {
    const firm = await createFirm(t.app, { owners: [OWNER, NEW_OWNER], offices: [OFFICE, 'North'] });
    await importRows(t.app, firm, [
      clientRow(1),
      clientRow(2, { ownerEmail: OWNER.toUpperCase(), officeLocation: 'main office' }),
      clientRow(3, { ownerEmail: NEW_OWNER, officeLocation: 'North' }),
    ]);
    return firm;
  };
  const placement = async (firm: Awaited<ReturnType<typeof createFirm>>) =>
    (await listAllClients(t.app, firm)).map((c) => {
      const full = c as unknown as { taxClientId: string; ownerEmail: string; officeLocation: string };
      return [full.taxClientId, full.ownerEmail, full.officeLocation];
    });

  it('moves an owner’s and an office’s clients and removes them, in one step recorded with who and when', async () => {
    const firm = await firmWithClients();
    // Setting the firm up is audited too (its import); the move adds exactly one event after those.
    const earlier = await listAuditEvents(t.storage.db, firm.id);
    const before = Date.now();
    const res = await move(firm.id, { owner: { from: OWNER, to: NEW_OWNER }, office: { from: 'MAIN OFFICE', to: 'north' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().moved).toEqual({ owner: 2, office: 2 });
    expect(res.json().firm).toMatchObject({ owners: [NEW_OWNER], offices: ['North'] });
    expect(res.json().firm.users).toContain(OWNER); // still a firm user: clients may not take the address
    expect((await placement(firm)).sort()).toEqual([
      ['C00001', NEW_OWNER, 'North'],
      ['C00002', NEW_OWNER, 'North'],
      ['C00003', NEW_OWNER, 'North'],
    ]);
    const events = (await listAuditEvents(t.storage.db, firm.id)).slice(earlier.length);
    expect(events.map(({ actor, action, detail }) => ({ actor, action, detail }))).toEqual([
      {
        actor: 'admin',
        action: 'clients.moved',
        detail: { owner: { from: OWNER, to: NEW_OWNER }, office: { from: OFFICE, to: 'North' }, removed: true, moved: { owner: 2, office: 2 } },
      },
    ]);
    expect(events[0].createdAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
    // The old owner and office are gone: a row naming them is now rejected.
    const { results } = await importRows(t.app, firm, [clientRow(4, { ownerEmail: OWNER })]);
    expect(results[0].outcome).toBe('rejected');
  });

  it('what was refused (409) before the move is allowed after it; `remove: false` keeps the old owner', async () => {
    const firm = await firmWithClients();
    const patch = () => t.app.inject({ method: 'PATCH', url: `/api/v1/admin/firms/${firm.id}`, headers: admin, payload: { owners: [NEW_OWNER] } });
    expect((await patch()).statusCode).toBe(409);
    const kept = await move(firm.id, { owner: { from: OWNER, to: NEW_OWNER }, remove: false });
    expect(kept.json()).toMatchObject({ moved: { owner: 2, office: 0 }, firm: { owners: [OWNER, NEW_OWNER], offices: [OFFICE, 'North'] } });
    expect((await patch()).statusCode).toBe(200);
  });

  it('changes nothing when any part is wrong: the clients, the firm and the audit stay as they were', async () => {
    const firm = await firmWithClients();
    const placed = await placement(firm);
    const audited = await listAuditEvents(t.storage.db, firm.id);
    for (const [payload, detail] of [
      [{ owner: { from: OWNER, to: NEW_OWNER }, office: { from: OFFICE, to: 'Mars' } }, "Mars is not one of the firm's offices"],
      [{ owner: { from: 'nobody@firm.test', to: NEW_OWNER } }, "nobody@firm.test is not one of the firm's owners"],
      [{ office: { from: 'North', to: 'NORTH' } }, 'changes nothing'],
    ] as const) {
      const res = await move(firm.id, payload);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toContain(detail);
    }
    expect(await placement(firm)).toEqual(placed);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: firm.auth })).json()).toMatchObject({
      owners: [OWNER, NEW_OWNER],
      offices: [OFFICE, 'North'],
    });
    expect(await listAuditEvents(t.storage.db, firm.id)).toEqual(audited);
  });

  it('is for the administrator only, names a firm that exists, and takes an owner or an office', async () => {
    const firm = await firmWithClients();
    expect((await move(firm.id, { owner: { from: OWNER, to: NEW_OWNER } }, firm.auth)).statusCode).toBe(401);
    expect((await move('no-such-firm', { owner: { from: OWNER, to: NEW_OWNER } })).statusCode).toBe(404);
    expect((await move(firm.id, { remove: true })).statusCode).toBe(400);
    expect((await move(firm.id, { owner: { from: OWNER } })).statusCode).toBe(400);
  });
});
