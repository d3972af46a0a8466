import { ADMIN_TOKEN, build, clientRow, createFirm, importRows, type TestApp } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';
import { signInByCode } from '../../../test/server/sign-in';

describe.each(DIALECTS)('who did it (audit) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(() => t?.close());

  it('imports, invitations, settings, keys and people record who; History shows the person; admins read the activity list', async () => {
    const firm = await createFirm(t.app, { admins: ['boss@audit.test'] });
    const boss = await signInByCode(t.app, t.storage, 'boss@audit.test');
    const post = (url: string, auth: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url, headers: auth, payload });
    expect((await post('/api/v1/firm/users', boss.auth, { email: 'pat@audit.test', role: 'preparer', name: 'Pat' })).statusCode).toBe(201);
    const pat = await signInByCode(t.app, t.storage, 'pat@audit.test');

    const byPat = await importRows(t.app, { id: firm.id, token: pat.accessToken, auth: pat.auth }, [clientRow(1)]);
    const byKey = await importRows(t.app, firm, [clientRow(2)]);
    const history = (await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: boss.auth })).json().imports;
    expect(history.map((i: { id: string; createdBy: string }) => [i.id, i.createdBy])).toEqual([
      [byKey.importId, 'API key "initial"'],
      [byPat.importId, 'pat@audit.test'],
    ]);

    expect((await post('/api/v1/clients/invitations', pat.auth, { taxClientIds: ['C00001'] })).json().results[0].invited).toBe(true);
    expect((await post('/api/v1/clients/invitations/resend', firm.auth, { taxClientIds: ['C00001'] })).json().results[0].invited).toBe(true);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/firms/${firm.id}`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { offlineClientsEnabled: false },
    });
    expect(patch.statusCode).toBe(200);
    expect((await post('/api/v1/firm/keys', boss.auth, { name: 'Sync' })).statusCode).toBe(201);

    const activity = await t.app.inject({ method: 'GET', url: '/api/v1/firm/activity', headers: boss.auth });
    expect(activity.statusCode).toBe(200);
    const events = activity.json().events as { actor: string; action: string; detail: Record<string, unknown> }[];
    expect(events.map((e) => [e.actor, e.action])).toEqual([
      ['boss@audit.test', 'api-key.created'],
      ['admin token', 'firm.settings-changed'],
      ['API key "initial"', 'invitations.resent'],
      ['pat@audit.test', 'invitations.sent'],
      ['API key "initial"', 'import.started'],
      ['pat@audit.test', 'import.started'],
      ['boss@audit.test', 'user.added'],
    ]);
    expect(events[3].detail).toEqual({ count: 1, taxClientIds: ['C00001'] });
    expect(events[1].detail).toEqual({ offlineClientsEnabled: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/firm/activity', headers: pat.auth })).statusCode).toBe(403);
    const other = await createFirm(t.app, { admins: ['other@audit.test'] });
    const otherAdmin = await signInByCode(t.app, t.storage, 'other@audit.test');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/firm/activity', headers: otherAdmin.auth })).json().events).toEqual([]);
    expect(other.id).not.toBe(firm.id);
  });
});
