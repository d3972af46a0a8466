import { COMMENTS } from '../../domain/import-decision';
import { build, clientRow, createFirm, importRows, listAllClients, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

describe.each(DIALECTS)('seed scenario on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app);
  });
  afterAll(() => t.close());

  const accept = (url: string) => t.app.inject({ method: 'POST', url: `/api/v1/invitations/${url.split('/').pop()}/accept` });

  it('connects 90 of 100, rejects them as offline, keeps 10 offline, then marks a late acceptance Duplicate', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => clientRow(i + 1));
    const first = await importRows(t.app, firm, rows, { sendInvitations: true });
    expect(first.results.every((r) => r.outcome === 'imported' && r.status === 'Not Enrolled')).toBe(true);

    const invited = await listAllClients(t.app, firm);
    expect(invited).toHaveLength(100);
    const urls = new Map(invited.map((c) => [c.taxClientId, c.invitationUrl!]));
    expect(urls.get('C00001')).toMatch(/^https:\/\/portal\.test\/invitations\/[A-Za-z0-9_-]+$/);
    for (const row of rows.slice(0, 90)) {
      const res = await accept(urls.get(row.taxClientId)!);
      expect(res.json()).toEqual({ taxClientId: row.taxClientId, status: 'Connected' });
    }

    const second = await importRows(
      t.app,
      firm,
      rows.map((r) => ({ ...r, isOffline: 'Yes' })),
    );
    const rejected = second.results.filter((r) => r.outcome === 'rejected');
    expect(rejected).toHaveLength(90);
    expect(rejected.every((r) => r.comment === 'A connected client already exists with this Tax Client ID')).toBe(true);
    expect(COMMENTS.connectedExists).toBe('A connected client already exists with this Tax Client ID');
    const imported = second.results.filter((r) => r.outcome === 'imported');
    expect(imported.map((r) => r.taxClientId)).toEqual(rows.slice(90).map((r) => r.taxClientId));
    expect(imported.every((r) => r.status === 'Offline' && r.comment === '')).toBe(true);

    const late = rows[95].taxClientId;
    expect((await accept(urls.get(late)!)).statusCode).toBe(200);
    const profiles = await listAllClients(t.app, firm, `&taxClientId=${late}`);
    expect(profiles.map((p) => [p.kind, p.status]).sort()).toEqual([
      ['offline', 'Duplicate'],
      ['standard', 'Connected'],
    ]);
    const offline = await listAllClients(t.app, firm, '&kind=offline');
    expect(offline.filter((c) => c.status === 'Offline')).toHaveLength(9);
    expect(offline.filter((c) => c.status === 'Duplicate')).toHaveLength(1);
  });
});
