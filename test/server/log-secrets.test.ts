// No token, invitation link or Authorization header in any server log line, in either mode: a full
// invite → deliver → open → accept → resend → rotate flow over real HTTP, its log captured and grepped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { linkIn, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { clientRow, OFFICE, OWNER } from './build';

const ADMIN = 'log-test-admin-token-0123456789abcdef';

describe.each([false, true])('server log with development=%s', (development) => {
  let server: RunningServer;
  let sink: SmtpSink;
  let dataDir: string;
  let log = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'log-secrets-'));
    sink = await startSmtpSink();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminToken: ADMIN, smtpUrl: sink.url, development }, stream);
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? (headers['content-type'] ? '' : undefined) : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) };
  }

  it('never writes a secret while a client is invited, mailed, connected and re-invited', async () => {
    const secrets: string[] = [ADMIN];
    const firm = (
      await call('POST', '/api/v1/admin/firms', ADMIN, { name: 'Log Firm', offlineClientsEnabled: true, owners: [OWNER], offices: [OFFICE] })
    ).json();
    secrets.push(firm.token);
    const job = (await call('POST', '/api/v1/imports', firm.token, { sendInvitations: true, source: 'log.xlsx' })).json();
    expect((await call('PUT', `/api/v1/imports/${job.id}/batches/1`, firm.token, { rows: [clientRow(1), clientRow(2)] })).status).toBe(200);
    await call('POST', `/api/v1/imports/${job.id}/complete`, firm.token);
    await server.outbox.runOnce();
    expect(sink.received).toHaveLength(2);
    const links = sink.received.map(linkIn);
    const listed = (await call('GET', '/api/v1/clients?kind=standard', firm.token)).json().clients.map((c: { invitationUrl: string }) => c.invitationUrl);
    expect(listed.sort()).toEqual([...links].sort());

    const [first, second] = links.map((l) => new URL(l).pathname);
    expect((await call('GET', `${first}?utm=${encodeURIComponent(links[0])}`, null)).status).toBe(200);
    expect((await call('POST', `/api/v1${first}/accept`, null, undefined, { 'content-type': 'application/x-www-form-urlencoded' })).text).toContain(
      'connected to Log Firm',
    );
    expect((await call('POST', `/api/v1${first}/accept`, null)).status).toBe(200);
    const resent = (await call('POST', '/api/v1/clients/invitations/resend', firm.token, { taxClientIds: ['C00002'] })).json().results[0];
    expect((await call('GET', second, null)).status).toBe(410);
    expect((await call('POST', `/api/v1${second}/accept`, null)).status).toBe(410);
    await server.outbox.runOnce();
    // An SMTP refusal whose answer names the recipient (as real servers do): neither the address nor the name is logged.
    sink.rejectRecipient('refused.person@example.com');
    await call('POST', `/api/v1/imports`, firm.token, { sendInvitations: true }).then(async (r) => {
      const refused = clientRow(3, { email: 'refused.person@example.com', firstName: 'Refusedfirst', lastName: 'Refusedlast' });
      expect((await call('PUT', `/api/v1/imports/${r.json().id}/batches/1`, firm.token, { rows: [refused] })).status).toBe(200);
    });
    expect(await server.outbox.runOnce()).toMatchObject({ failed: 1 });
    secrets.push('refused.person@example.com', 'Refusedfirst', 'Refusedlast', 'client1@example.com', 'client2@example.com');
    const rotated = (await call('POST', `/api/v1/admin/firms/${firm.id}/token`, ADMIN)).json();
    expect((await call('GET', '/api/v1/firm', firm.token)).status).toBe(401);
    expect((await call('GET', '/api/v1/imports', rotated.token)).status).toBe(200);
    expect((await call('GET', '/api/v1/nowhere', rotated.token)).status).toBe(404);
    expect((await call('POST', '/api/v1/invitations/not-a-token/accept', null)).status).toBe(400);

    secrets.push(rotated.token, ...links, resent.invitationUrl, ...[...links, resent.invitationUrl].map((l: string) => l.split('/').pop()!));
    await server.app.close();
    expect(log).toMatch(/"url":"\/invitations\/\[redacted\]"/);
    expect(log).toMatch(/outbox delivery/);
    expect(log).toMatch(/"outcome":"failed"[^\n]*"reason":"SMTP 550"/);
    for (const secret of secrets) expect(log.includes(secret) ? secret : null).toBeNull();
    expect(log).not.toMatch(/authorization|bearer/i);
    expect(log).not.toMatch(/\/invitations\/(?!\[redacted\])[A-Za-z0-9_-]{20,}/);
  });
});
