// Attack 2 of issue 24: with PUBLIC_ORIGIN unset, a batch sent with `Host: evil.example` got invitation links on
// http://evil.example, in the answer and in the e-mail. Links now come from PUBLIC_ORIGIN only: the production server
// does not start without it (test/server/built-server.test.ts), and a server started without it (npm start, tests)
// uses its own listening origin, never a request's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { startServer, type RunningServer } from '../../../src/server/start-server';
import { ADMIN, firmToken } from './support/listening';

let server: RunningServer;
let dir: string;
let auth: { authorization: string };
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'attack-origin-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, adminToken: ADMIN, development: false, trustProxy: true });
  server.app.log.level = 'silent';
  auth = { authorization: `Bearer ${await firmToken(server.app)}` };
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HOSTILE = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
const row = (id: string) => ({
  row: 2,
  taxClientId: id,
  firstName: 'Ann',
  lastName: 'Lee',
  email: `${id}@example.test`,
  ownerEmail: 'owner@firm.test',
  officeLocation: 'Main Office',
  isOffline: 'No',
});

describe('invitation links', () => {
  it('never follow Host or X-Forwarded-Host: client list, resend and both e-mails', async () => {
    const app = server.app;
    const headers = { ...auth, ...HOSTILE };
    const started = await app.inject({ method: 'POST', url: '/api/v1/imports', headers, payload: { sendInvitations: true } });
    const batch = await app.inject({ method: 'PUT', url: `/api/v1/imports/${started.json().id}/batches/1`, headers, payload: { rows: [row('H1')] } });
    expect(batch.statusCode).toBe(200);
    const listed = await app.inject({ method: 'GET', url: '/api/v1/clients', headers });
    const resent = await app.inject({ method: 'POST', url: '/api/v1/clients/invitations/resend', headers, payload: { taxClientIds: ['H1'] } });
    const mails = (await sql<{ body: string }>`select body from outbox`.execute(app.db)).rows.map((m) => app.sealer.open(m.body) ?? '');
    expect(mails).toHaveLength(2);
    const links = [listed.body, resent.body, ...mails].flatMap((body) => body.match(/https?:\/\/[^"/\s]+\/invitations\//g) ?? []);
    expect(links).toHaveLength(4);
    expect(new Set(links)).toEqual(new Set([`${server.url}/invitations/`]));
  });
});
