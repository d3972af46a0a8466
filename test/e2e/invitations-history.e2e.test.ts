// Invitations and the import history from the pane, in real headless Chromium against the real backend:
// an import that sends invitations, invitations from the portal status, and the History view.
import type { Browser, Page } from 'playwright-core';
import type { Client } from '../../src/domain';
import { ADMIN_TOKEN, type Backend } from './support/backend';
import { expectNoCspViolations, openPane, seriousViolations } from './support/browser';
import { startE2eSuite, type E2eSuite } from './support/e2e-suite';
import { clientRows, OFFICE, OWNER, templateGrid } from './support/template-rows';

let suite: E2eSuite | undefined;
let backend: Backend;
let browser: Browser;
let token: string;

beforeAll(async () => {
  suite = await startE2eSuite();
  ({ backend, browser } = suite);
  token = (await backend.api<{ token: string }>('POST', '/admin/firms', ADMIN_TOKEN, { name: 'Invite CPA', owners: [OWNER], offices: [OFFICE] })).token;
});

afterAll(() => suite?.close());

const statuses = async (prefix: string) => {
  const { clients } = await backend.api<{ clients: Client[] }>('GET', '/clients?limit=1000', token);
  return clients.filter((c) => c.taxClientId.startsWith(prefix)).map((c) => c.status);
};

async function importSheet(page: Page, invite: boolean, summary: string) {
  await page.getByRole('tab', { name: 'Import' }).click();
  const box = page.getByRole('checkbox', { name: 'Send invitations to new clients' });
  if ((await box.isChecked()) !== invite) await box.click();
  await page.getByRole('button', { name: 'Import clients' }).click();
  await page.getByText(summary).waitFor({ timeout: 60_000 });
}

test('an import with Send invitations leaves its clients Not Enrolled; the choice is remembered', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('V', 4)) }], connection: { token } });
  await page.getByText('Template found on sheet').waitFor();
  await importSheet(page, true, '4 imported, 0 rejected.');
  expect(await statuses('V')).toEqual(Array(4).fill('Not Enrolled'));
  await page.reload();
  await page.getByRole('tab', { name: 'Import' }).click();
  expect(await page.getByRole('checkbox', { name: 'Send invitations to new clients' }).isChecked()).toBe(true);
  await page.close();
});

test('invitations from the portal status: send to Not Invited, resend to Not Enrolled', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('W', 3)) }], connection: { token } });
  await page.getByText('Template found on sheet').waitFor();
  await importSheet(page, false, '3 imported, 0 rejected.');
  expect(await statuses('W')).toEqual(Array(3).fill('Not Invited'));
  await page.getByRole('tab', { name: 'Template' }).click();
  await page.getByRole('button', { name: 'Refresh portal status' }).click();
  await page.getByRole('button', { name: 'Send invitations (3 Not Invited)' }).click();
  await page.getByText('Invitations sent to 3 clients.').waitFor();
  expect(await statuses('W')).toEqual(Array(3).fill('Not Enrolled'));
  await page.getByRole('button', { name: 'Resend invitations (3 Not Enrolled)' }).click();
  await page.getByText('New invitation links sent to 3 clients.').waitFor();
  expect({ view: 'template', violations: await seriousViolations(page) }).toEqual({ view: 'template', violations: [] });
  await page.close();
});

test('the History view lists past imports with their reports', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('H', 5)) }], connection: { token } });
  await page.getByText('Template found on sheet').waitFor();
  await importSheet(page, false, '5 imported, 0 rejected.');
  await page.getByRole('tab', { name: 'History' }).click();
  const newest = page.getByRole('list', { name: 'Past imports' }).getByRole('listitem').first();
  await newest.getByText('Completed: 5 imported, 0 rejected of 5 rows.').waitFor();
  await newest.getByText('from the sheet Clients').waitFor();
  expect({ view: 'history', violations: await seriousViolations(page) }).toEqual({ view: 'history', violations: [] });
  await newest.getByRole('button', { name: 'Download exception report' }).click();
  await page.waitForFunction(() => window.__downloads!.length === 1);
  await newest.getByRole('button', { name: 'Write exceptions to a sheet' }).click();
  // One report sheet per import: this import's own report is written afresh under its name.
  await page.getByText(/is on the sheet Import Exceptions\./).waitFor();
  expect(await page.evaluate(() => window.__host!.sheetNames())).not.toContain('Import Exceptions (2)');
  expect((await page.evaluate(() => window.__host!.sheet('Import Exceptions').texts())).length).toBe(6);
  await expectNoCspViolations(page);
  await page.close();
});
