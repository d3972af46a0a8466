// The seed's whole story in real headless Chromium, both halves: staff import standard clients with
// invitations from the pane → the e-mail arrives over SMTP (a real server in this process) → the
// taxpayer opens the link from it and presses Accept → an offline re-import from the pane is refused
// with the exact comment → the pane's portal status shows the client Connected and the offline
// profile imported before connecting as Duplicate.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Client } from '../../src/domain';
import { linkIn, startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';
import { ADMIN_TOKEN, startBackend, type Backend } from './support/backend';
import { expectNoCspViolations, launchChromium, openPane, seriousViolations } from './support/browser';
import { clientRows, OFFICE, OWNER, templateGrid } from './support/template-rows';

const ROOT = resolve(__dirname, '../..');
const FIRM = 'Lee & Partners CPA';
const CONNECTED_COMMENT = 'A connected client already exists with this Tax Client ID';
const IS_OFFLINE = 10;
let sink: SmtpSink;
let backend: Backend;
let browser: Browser;
let token: string;

beforeAll(async () => {
  execFileSync('bash', ['scripts/ensure-chromium.sh'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['webpack', '--env', 'harness', '--mode', 'development'], { cwd: ROOT, stdio: 'pipe' });
  sink = await startSmtpSink();
  backend = await startBackend({ smtpUrl: sink.url });
  token = (
    await backend.api<{ token: string }>('POST', '/admin/firms', ADMIN_TOKEN, { name: FIRM, offlineClientsEnabled: true, owners: [OWNER], offices: [OFFICE] })
  ).token;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await sink?.close();
});

/** The e-mail to `address`, once the server's outbox worker has delivered it (it polls every second). */
async function mailTo(address: string): Promise<ReceivedMail> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const mail = sink.received.find((m) => m.to.includes(address));
    if (mail) return mail;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`no e-mail to ${address} arrived; received: ${sink.received.map((m) => m.to).join(', ')}`);
}

const statuses = async (id: string) =>
  (await backend.api<{ clients: Client[] }>('GET', `/clients?taxClientId=${id}`, token)).clients.map((c) => `${c.kind}:${c.status}`).sort();

const sheetTexts = (pane: Page, name: string) => pane.evaluate((n) => window.__host!.sheet(n).texts(), name);

/** Types `Yes` or blank into the Is Offline cells of these sheet rows, as a user would. */
async function setIsOffline(pane: Page, values: Record<number, string>) {
  await pane.evaluate(
    ({ column, cells }) =>
      window.__host!.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Clients');
        for (const [row, value] of cells) sheet.getRangeByIndexes(row - 1, column, 1, 1).values = [[value]];
        await context.sync();
      }),
    { column: IS_OFFLINE, cells: Object.entries(values).map(([row, value]) => [Number(row), value] as [number, string]) },
  );
}

async function importFromPane(pane: Page, summary: string) {
  await pane.getByRole('tab', { name: 'Import' }).click();
  await pane.getByRole('button', { name: 'Import clients' }).click();
  await pane.getByText(summary).waitFor();
}

/** The taxpayer's side: the link from the e-mail in a fresh browser page, Accept, the confirmation. */
async function acceptInBrowser(link: string, firstName: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: `Connect with ${FIRM}` }).waitFor();
  await page.getByText(`Hello ${firstName},`).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Accept');
  expect({ view: 'invitation', violations: await seriousViolations(page) }).toEqual({ view: 'invitation', violations: [] });
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('heading', { level: 1, name: `You're connected to ${FIRM}` }).waitFor();
  expect({ view: 'connected', violations: await seriousViolations(page) }).toEqual({ view: 'connected', violations: [] });
  await expectNoCspViolations(page);
  return page;
}

test('invited from the pane, accepted from the e-mail; offline re-import refused; the earlier offline profile shows Duplicate in the pane', async () => {
  const [ann, ben] = clientRows('S', 2).map((r, i) => ({ ...r, firstName: ['Ann', 'Ben'][i] }));
  const pane = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid([ann, ben]) }] });
  await pane.getByRole('tab', { name: 'Connect' }).click();
  await pane.getByLabel('API key').fill(token);
  await pane.getByRole('button', { name: 'Connect', exact: true }).click();
  await pane.getByText(`Connected to ${FIRM}`).waitFor();

  // Staff: a standard import with invitations.
  await pane.getByRole('tab', { name: 'Import' }).click();
  await pane.getByRole('checkbox', { name: 'Send invitations to new clients' }).check();
  await importFromPane(pane, '2 imported, 0 rejected.');
  expect(await statuses(ann.taxClientId)).toEqual(['standard:Not Enrolled']);
  // Ben is imported offline too before he connects: he then has both profiles.
  await setIsOffline(pane, { 3: 'Yes' });
  await importFromPane(pane, '1 imported, 1 rejected.');
  expect(await statuses(ben.taxClientId)).toEqual(['offline:Offline', 'standard:Not Enrolled']);

  // The taxpayers: each opens the link from the e-mail and accepts.
  const annMail = await mailTo(ann.email!);
  expect(annMail.subject).toBe(`${FIRM} invites you to its client portal`);
  const annLink = linkIn(annMail);
  expect(new URL(annLink).origin).toBe(backend.url);
  const annPage = await acceptInBrowser(annLink, 'Ann');
  await annPage.goto(annLink);
  await annPage.getByRole('heading', { name: 'This invitation has already been accepted' }).waitFor();
  await annPage.close();
  await (await acceptInBrowser(linkIn(await mailTo(ben.email!)), 'Ben')).close();
  expect(await statuses(ann.taxClientId)).toEqual(['standard:Connected']);
  expect(await statuses(ben.taxClientId)).toEqual(['offline:Duplicate', 'standard:Connected']);
  expect(sink.received).toHaveLength(2);

  // Staff: an offline re-import of connected clients is refused with the exact comment.
  await setIsOffline(pane, { 2: 'Yes', 3: 'Yes' });
  await importFromPane(pane, '0 imported, 2 rejected.');
  const report = await sheetTexts(pane, 'Import Exceptions (3)');
  expect(report.slice(1).map((r) => [r[1], r.includes(CONNECTED_COMMENT)])).toEqual([
    [ann.taxClientId, true],
    [ben.taxClientId, true],
  ]);

  // The pane's portal status: Ann Connected; Ben Connected with his earlier offline profile Duplicate.
  await pane.getByRole('tab', { name: 'Template' }).click();
  await pane.getByRole('button', { name: 'Refresh portal status' }).click();
  await pane.getByText('Portal status written for 2 rows.').waitFor();
  const sheet = await sheetTexts(pane, 'Clients');
  const statusColumn = sheet[0].indexOf('Portal Status');
  expect(sheet.slice(1, 3).map((r) => [r[0], r[statusColumn]])).toEqual([
    [ann.taxClientId, 'Connected'],
    [ben.taxClientId, 'Connected (offline: Duplicate)'],
  ]);
  expect({ view: 'template', violations: await seriousViolations(pane) }).toEqual({ view: 'template', violations: [] });
  await pane.close();
});
