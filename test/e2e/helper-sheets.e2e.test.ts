// The pane in real headless Chromium (harness build, in-memory workbook) against the real backend:
// a second Check after a first one, and a firm's own hidden "Lists" sheet left alone by Prepare.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_TOKEN, startBackend, type Backend } from './support/backend';
import { launchChromium, openPane } from './support/browser';
import { clientRows, OWNER, templateGrid } from './support/template-rows';

const ROOT = resolve(__dirname, '../..');
// An office name with a comma cannot go into a typed-in dropdown list: it needs our lists sheet.
const OFFICE_WITH_COMMA = 'Smith, Jones & Co';
let backend: Backend;
let browser: Browser;
let token: string;

beforeAll(async () => {
  execFileSync('bash', ['scripts/ensure-chromium.sh'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['webpack', '--env', 'harness', '--mode', 'development'], { cwd: ROOT, stdio: 'pipe' });
  backend = await startBackend();
  const firm = await backend.api<{ token: string }>('POST', '/admin/firms', ADMIN_TOKEN, {
    name: 'Hidden Sheets LLP',
    offlineClientsEnabled: true,
    owners: [OWNER],
    offices: [OFFICE_WITH_COMMA],
  });
  token = firm.token;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

const sheetNames = (page: Page) => page.evaluate(() => window.__host!.sheetNames());

test('a second Check after a first Check succeeds and leaves one set of marks', async () => {
  const rows = clientRows('K', 10);
  rows[3].email = 'not-an-email';
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(rows) }] });
  await page.getByText('Template found on sheet').waitFor();
  await page.getByRole('tab', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Check template' }).click();
  await page.getByRole('button', { name: /Row 5, Taxpayer Email/ }).waitFor();
  expect(await page.evaluate(() => window.__host!.sheet('Clients').cell('D5').fill?.toUpperCase())).toBe('#FFC8C8');

  // The user mends row 5 and breaks row 8, then checks again: the marks follow.
  await page.evaluate(async () => {
    const context = window.__host!.context;
    const sheet = context.workbook.worksheets.getItem('Clients');
    sheet.getRange('D5').values = [['k4@example.com']];
    sheet.getRange('D8').values = [['still-not-an-email']];
    await context.sync();
  });
  await page.getByRole('button', { name: 'Check template' }).click();
  await page.getByRole('button', { name: /Row 8, Taxpayer Email/ }).waitFor();
  expect(await page.locator('[role="alert"]').count()).toBe(0);
  expect(await sheetNames(page)).toEqual(['Clients', 'Import Marks']);
  const fills = await page.evaluate(() => ['D5', 'D8'].map((a) => window.__host!.sheet('Clients').cell(a).fill?.toUpperCase() ?? null));
  expect(fills).toEqual([null, '#FFC8C8']);
  await page.close();
});

test("a user's own hidden 'Lists' sheet is untouched after Prepare template", async () => {
  const theirs = [
    ['Region', 'Manager'],
    ['East', 'Dana'],
    ['West', 'Lee'],
  ];
  const page = await openPane(browser, backend.url, {
    sheets: [
      { name: 'Clients', rows: templateGrid(clientRows('L', 5)) },
      { name: 'Lists', rows: theirs },
    ],
  });
  await page.evaluate(() => void (window.__host!.sheet('Lists').visible = false));
  await page.getByText('Template found on sheet').waitFor();
  await page.getByRole('tab', { name: 'Connect' }).click();
  await page.getByLabel('API key').fill(token);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByText('Connected to Hidden Sheets LLP').waitFor();
  await page.getByRole('tab', { name: 'Template' }).click();
  await page.getByRole('button', { name: 'Prepare template' }).click();
  await page.getByText('Template prepared').waitFor();

  const lists = await page.evaluate(() => ({ values: window.__host!.sheet('Lists').values(), visible: window.__host!.sheet('Lists').visible }));
  expect(lists).toEqual({ values: theirs, visible: false });
  expect(await sheetNames(page)).toEqual(['Clients', 'Lists', 'Client Import Lists']);
  const office = await page.evaluate(() => window.__host!.sheet('Clients').cell('J2').validation?.source);
  expect(office).toBe("='Client Import Lists'!$B$1:$B$1");
  await page.close();
});
