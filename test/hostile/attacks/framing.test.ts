// Attack 8 of issue 24: the taxpayer's invitation page (an Accept button) could be framed by any SharePoint or
// Office origin, as frame-ancestors listed Office's hosts on every page. Now only the pane may be framed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listen, type Listening } from './support/listening';

let t: Listening;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pane-files-'));
  writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>pane</title>');
  t = await listen({ staticDir: dir, frameAncestors: ['https://oos.firm.example'] });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const frameAncestors = (csp: unknown) =>
  String(csp)
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'frame-ancestors')
    ?.slice(1);

describe('framing', () => {
  it.each([
    ['an unknown link', `/invitations/${'c'.repeat(43)}`],
    ['a malformed link', '/invitations/not-a-token'],
  ])('the invitation page for %s may not be framed by anyone', async (_what, url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(frameAncestors(res.headers['content-security-policy'])).toEqual(["'none'"]);
    // The rest of the policy still holds.
    expect(String(res.headers['content-security-policy'])).toContain("script-src-attr 'none'");
  });

  it('the pane may still be framed by Office and the FRAME_ANCESTORS origins', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/taskpane.html' });
    expect(frameAncestors(res.headers['content-security-policy'])).toEqual(
      expect.arrayContaining(["'self'", 'https://*.officeapps.live.com', 'https://*.sharepoint.com', 'https://oos.firm.example']),
    );
  });
});
