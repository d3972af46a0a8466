// Security headers (DESIGN §9) on pane files and on every kind of API answer; the CSP lets Office frame the
// pane; HSTS only over TLS (or a trusted proxy's TLS); source maps only in development; TRUST_PROXY.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { build, clientRow, createFirm, importRows, listAllClients, type TestApp, type TestFirm } from '../server/build';
import { DIALECTS } from '../server/dialects';

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  expect({ what, nosniff: res.headers['x-content-type-options'] }).toEqual({ what, nosniff: 'nosniff' });
  const csp = directives(res);
  expect({ what, script: csp.get('script-src') }).toEqual({ what, script: ["'self'", 'https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'] });
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(
    expect.arrayContaining(["'self'", 'https://*.officeapps.live.com', 'https://*.cloud.microsoft', 'https://*.sharepoint.com']),
  );
  // X-Frame-Options would stop Excel on the web from framing the pane; frame-ancestors does that job.
  expect(res.headers['x-frame-options']).toBeUndefined();
  expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['strict-transport-security']).toBeUndefined();
}

describe.each(DIALECTS)('security headers on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pane-files-'));
    writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>pane</title>');
    writeFileSync(path.join(dir, 'taskpane.js'), 'console.log(1);\n//# sourceMappingURL=taskpane.js.map');
    writeFileSync(path.join(dir, 'taskpane.js.map'), '{"version":3,"sources":["secret-source.ts"]}');
    t = await build(dialect, { staticDir: dir, frameAncestors: ['https://oos.firm.example'] });
    firm = await createFirm(t.app);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ANSWERS: [string, (f: TestFirm) => InjectOptions, number][] = [
    ['the pane page', () => ({ method: 'GET', url: '/taskpane.html' }), 200],
    ['a pane bundle', () => ({ method: 'GET', url: '/taskpane.js' }), 200],
    ['GET /health', () => ({ method: 'GET', url: '/api/v1/health' }), 200],
    ['GET /firm', (f) => ({ method: 'GET', url: '/api/v1/firm', headers: f.auth }), 200],
    ['the OpenAPI document', () => ({ method: 'GET', url: '/api/v1/openapi.json' }), 200],
    ['a 401', () => ({ method: 'GET', url: '/api/v1/firm' }), 401],
    ['a 400', (f) => ({ method: 'POST', url: '/api/v1/imports', headers: f.auth, payload: { nope: 1 } }), 400],
    ['a 404', () => ({ method: 'GET', url: '/nowhere' }), 404],
  ];

  it.each(ANSWERS)('%s carries nosniff, the CSP and no X-Frame-Options', async (what, request, status) => {
    const res = await t.app.inject(request(firm));
    expect(res.statusCode).toBe(status);
    expectSecurityHeaders(res, what);
  });

  it('adds the FRAME_ANCESTORS origins to the Office ones', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/taskpane.html' });
    expect(directives(res).get('frame-ancestors')).toContain('https://oos.firm.example');
  });

  it('serves no source map in production', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/taskpane.js.map' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret-source');
  });

  it('serves source maps in development', async () => {
    const dev = await build(dialect, { staticDir: dir, sourceMaps: true });
    try {
      expect((await dev.app.inject({ method: 'GET', url: '/taskpane.js.map' })).body).toContain('secret-source');
    } finally {
      await dev.close();
    }
  });

  it('sends no HSTS for a forwarded https without TRUST_PROXY (anyone can send that header)', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'portal.example.com' };
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: forwarded });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('behind a trusted proxy: HSTS for its TLS answers, and invitation links still on PUBLIC_ORIGIN', async () => {
    const proxied = await build(dialect, { trustProxy: true });
    try {
      const me = await createFirm(proxied.app);
      await importRows(proxied.app, me, [clientRow(1)], { sendInvitations: true });
      const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'portal.example.com', 'x-forwarded-for': '198.51.100.9' };
      const res = await proxied.app.inject({ method: 'GET', url: '/api/v1/clients', headers: { ...me.auth, ...forwarded } });
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      const links = (res.json().clients as { invitationUrl?: string }[]).map((c) => c.invitationUrl).filter(Boolean);
      expect(links).toHaveLength(1);
      expect(links[0]).toMatch(/^https:\/\/portal\.test\/invitations\/[A-Za-z0-9_-]{20,}$/);
      const plain = await proxied.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'http' } });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('without TRUST_PROXY, forwarded headers do not change invitation links', async () => {
    const direct = await build(dialect);
    try {
      const me = await createFirm(direct.app);
      await importRows(direct.app, me, [clientRow(1)], { sendInvitations: true });
      const [client] = await listAllClients(direct.app, me);
      expect(client.invitationUrl).toMatch(/^https:\/\/portal\.test\/invitations\//);
      const res = await direct.app.inject({
        method: 'GET',
        url: '/api/v1/clients',
        headers: { ...me.auth, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' },
      });
      expect(res.body).not.toContain('evil.example');
    } finally {
      await direct.close();
    }
  });
});
