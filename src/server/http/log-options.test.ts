import { Writable } from 'node:stream';
import { buildApp } from '../app';
import { ADMIN_TOKEN, clientRow, createFirm, importRows, listAllClients } from '../../../test/server/build';
import { openTestStorage } from '../../../test/server/dialects';
import { redactUrl } from './log-options';

describe('log redaction', () => {
  it('redactUrl hides invitation tokens in paths and tokens in queries', () => {
    expect(redactUrl('/invitations/AbC-123_xyz/accept?x=1')).toBe('/invitations/[redacted]/accept?x=1');
    expect(redactUrl('/api/v1/invitations/AbC-123_xyz')).toBe('/api/v1/invitations/[redacted]');
    expect(redactUrl('/a?token=s3cret&b=2&access_token=t0k')).toBe('/a?token=[redacted]&b=2&access_token=[redacted]');
    expect(redactUrl('/api/v1/imports/42')).toBe('/api/v1/imports/42');
    expect(redactUrl(`/x?next=${encodeURIComponent('https://p.test/invitations/AbC-123_xyz')}&y=1`)).toBe(
      '/x?next=https%3A%2F%2Fp.test%2Finvitations%2F[redacted]&y=1',
    );
  });

  it('no token, Authorization header or invitation link reaches a log line, at the most verbose level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const storage = await openTestStorage('pglite');
    const app = await buildApp({
      db: storage.db,
      storage: storage.kind,
      adminToken: ADMIN_TOKEN,
      publicOrigin: 'https://portal.test',
      logger: { level: 'trace', stream },
    });
    try {
      await app.ready();
      const firm = await createFirm(app);
      await importRows(app, firm, [clientRow(1)], { sendInvitations: true });
      const link = (await listAllClients(app, firm)).find((c) => c.invitationUrl)!.invitationUrl!;
      const invitation = link.split('/').pop()!;
      await app.inject({ method: 'POST', url: `/api/v1/invitations/${invitation}/accept` });
      await app.inject({ method: 'GET', url: `/invitations/${invitation}` });
      await app.inject({ method: 'GET', url: '/api/v1/firm', headers: { authorization: `Bearer ${firm.token}x` } });
      await app.inject({ method: 'GET', url: `/api/v1/health?token=${firm.token}` });

      const log = lines.join('');
      expect(log).toContain('/invitations/[redacted]/accept');
      for (const secret of [ADMIN_TOKEN, firm.token, invitation]) expect(log).not.toContain(secret);
    } finally {
      await app.close();
      await storage.close();
    }
  });
});
