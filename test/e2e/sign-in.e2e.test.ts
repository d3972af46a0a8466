// Issue 22: a person signs in to the pane as themselves through the firm's identity provider (a real OpenID Connect
// provider, oidc-provider, on loopback), in an Office dialog the harness opens as Office documents it; imports; and
// History names them. An admin signed in the same way sees the firm's activity. Headless Chromium, built server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startIdentityProvider, type RunningIdentityProvider } from '../../scripts/identity-provider.mjs';
import { ADMIN_TOKEN, type Backend } from './support/backend';
import { expectNoCspViolations, openPane, seriousViolations } from './support/browser';
import { startE2eSuite, type E2eSuite } from './support/e2e-suite';
import { clientRows, OFFICE, OWNER, templateGrid } from './support/template-rows';

const ADMIN = 'boss@signin-cpa.test';
const PREPARER = 'pat@signin-cpa.test';

let suite: E2eSuite | undefined;
let backend: Backend;
let browser: Browser;
let idp: RunningIdentityProvider | undefined;

/** The code in the newest sign-in e-mail to `email` the server wrote to its outbox folder. */
async function emailedCode(email: string): Promise<string> {
  const dir = join(backend.dataDir, 'outbox');
  for (let tries = 0; tries < 200; tries++) {
    const files = (() => {
      try {
        return readdirSync(dir).filter((f) => f.endsWith('.eml'));
      } catch {
        return [];
      }
    })();
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const code = text.includes(email) ? /code for .* is (\d{6})/.exec(text)?.[1] : undefined;
      if (code) return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sign-in code reached ${email}`);
}

beforeAll(async () => {
  suite = await startE2eSuite();
  ({ backend, browser } = suite);
  idp = await startIdentityProvider({
    clients: [{ clientId: 'client-import', clientSecret: 'e2e-client-secret-0123456789', redirectUris: [`${backend.url}/sign-in.html`] }],
    accounts: { [PREPARER]: { name: 'Pat Lee' }, [ADMIN]: { name: 'Bo Boss' } },
    interactions: 'hint',
  });
  await backend.api('POST', '/admin/firms', ADMIN_TOKEN, { name: 'Sign-in CPA', owners: [OWNER], offices: [OFFICE], admins: [ADMIN] });
  // The firm's admin signs in once with an e-mailed code, connects the identity provider and adds a preparer.
  await fetch(`${backend.url}/api/v1/auth/code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: ADMIN }) });
  const signedIn = await fetch(`${backend.url}/api/v1/auth/code/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, code: await emailedCode(ADMIN) }),
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  await backend.api('PUT', '/firm/identity-provider', accessToken, {
    issuer: idp.issuer,
    clientId: 'client-import',
    clientSecret: 'e2e-client-secret-0123456789',
  });
  await backend.api('POST', '/firm/users', accessToken, { email: PREPARER, role: 'preparer', name: 'Pat Lee' });
});

afterAll(async () => {
  await suite?.close();
  await idp?.close();
});

/** Signs in from the Connect view through the provider's dialog; resolves once the pane says who is signed in. */
async function signInThroughDialog(page: Page, email: string, who: string) {
  await page.getByRole('tab', { name: 'Connect' }).click();
  await page.getByLabel('Work e-mail').fill(email);
  const dialog = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in with your firm’s account' }).click();
  // The dialog went to the provider and came back to the add-in's sign-in page, which messaged the pane and was closed.
  const opened = await dialog;
  await opened.waitForEvent('close');
  await page.getByText(`Signed in as ${who}`).waitFor();
}

test('a preparer signs in through the firm’s identity provider in an Office dialog, imports, and History names them', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('S', 3)) }] });
  await signInThroughDialog(page, PREPARER, 'Pat Lee (preparer)');
  expect({ view: 'connect', violations: await seriousViolations(page) }).toEqual({ view: 'connect', violations: [] });
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByRole('button', { name: 'Import clients' }).click();
  await page.getByText('3 imported, 0 rejected.').waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'History' }).click();
  const newest = page.getByRole('list', { name: 'Past imports' }).getByRole('listitem').first();
  await newest.getByText(`By Pat Lee (${PREPARER})`).waitFor();
  // A reload signs back in with the saved session; signing out ends it on the portal.
  await page.reload();
  await page.getByRole('tab', { name: 'Connect' }).click();
  await page.getByText('Signed in as Pat Lee (preparer)').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in with your firm’s account' }).waitFor();
  await expectNoCspViolations(page);
  await page.close();
});

test('an admin signed in through the provider sees the firm’s activity, the preparer’s import among it', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('T', 1)) }] });
  await signInThroughDialog(page, ADMIN, 'Bo Boss (admin)');
  const list = page.getByRole('list', { name: 'Recent activity' });
  await list.getByText(`${PREPARER} — import.started`).first().waitFor();
  await list.getByText(`${ADMIN} — identity-provider.set`).waitFor();
  expect({ view: 'activity', violations: await seriousViolations(page) }).toEqual({ view: 'activity', violations: [] });
  await page.close();
});
