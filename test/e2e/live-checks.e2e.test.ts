// Live checks and the pane that leads the way, in real headless Chromium on the Excel host: the user types into
// the template (host.edit: Excel's typing, then Worksheet.onChanged through Microsoft's library) and the pane
// marks and clears cells with no click. Each state's screenshot goes to test-results/live-*.png.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { MARK_FILL } from '../../src/excel';
import { openPane, seriousViolations } from './support/browser';
import { startE2eSuite, type E2eSuite } from './support/e2e-suite';
import { clientRows, templateGrid } from './support/template-rows';

const ROOT = resolve(__dirname, '../..');
let suite: E2eSuite;

beforeAll(async () => {
  suite = await startE2eSuite();
  mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
});
afterAll(() => suite?.close());

const shoot = (page: Page, name: string) => page.screenshot({ path: resolve(ROOT, `test-results/live-${name}.png`), fullPage: true });
const fillAt = (address: string) => `(window.__host.sheet('Clients').cell('${address}').fill || '').toUpperCase()`;
const type = (page: Page, address: string, value: string) => page.evaluate(([a, v]) => window.__host!.edit('Clients', a, [[v]]), [address, value] as const);
/** The figure the glance shows for `label` ("Invalid"). */
const figure = (page: Page, label: string) =>
  page
    .locator('dl[aria-label="Template at a glance"] div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

async function expectAccessible(page: Page, view: string) {
  expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
}

test('types a bad e-mail into the template and sees the cell marked, then fixes it and sees the mark cleared, without a click', async () => {
  const page = await openPane(suite.browser, suite.backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('L', 10)) }] });
  await page.getByText('Template found on sheet').waitFor();
  await page.getByRole('button', { name: 'Prepare template' }).waitFor();
  await shoot(page, 'found');
  await expectAccessible(page, 'template found');

  await type(page, 'D4', 'not-an-email');
  await page.waitForFunction(`${fillAt('D4')} === '${MARK_FILL}'`);
  expect(await page.evaluate(() => window.__host!.sheet('Clients').cell('D4').note)).toMatch(/Taxpayer Email|e-?mail/i);
  await figure(page, 'Invalid').filter({ hasText: '1' }).waitFor();
  expect(await figure(page, 'Rows').textContent()).toBe('10');
  expect(await figure(page, 'Ready').textContent()).toBe('9');
  await page.getByText(/Last checked at/).waitFor();
  await shoot(page, 'invalid');
  await expectAccessible(page, 'template with an invalid cell');

  await type(page, 'D4', 'fixed@example.com');
  await page.waitForFunction(`${fillAt('D4')} === ''`);
  expect(await page.evaluate(() => window.__host!.sheet('Clients').cell('D4').note)).toBeNull();
  await figure(page, 'Invalid').filter({ hasText: '0' }).waitFor();
  await shoot(page, 'fixed');
});

test('leads the way: Prepare, Check, Fix N issues (the list filtered, the cell selected by keyboard), and fits 320 px and 200 % zoom', async () => {
  const rows = clientRows('K', 12);
  rows[2].email = 'bad-address';
  rows[5].mobile = '12';
  rows[7].email = 'also bad';
  const page = await openPane(suite.browser, suite.backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(rows) }] });
  await page.getByText('Template found on sheet').waitFor();

  await page.getByRole('button', { name: 'Prepare template' }).click();
  await page.getByText('Template prepared').waitFor();
  await page.getByRole('button', { name: 'Check template' }).click();
  await page.getByRole('button', { name: 'Fix 3 issues' }).waitFor();
  await shoot(page, 'fix-issues');
  await expectAccessible(page, 'template with issues');

  await page.getByRole('button', { name: 'Fix 3 issues' }).click();
  await page.getByRole('tab', { name: 'Check', selected: true }).waitFor();
  await page.waitForFunction(() => /D4$/.test(window.__host!.selectedAddress() ?? ''));
  await page.getByLabel('Problem').selectOption('Bad e-mail address');
  const listed = page.getByRole('list', { name: 'Issues' }).getByRole('button');
  await expect(listed.count()).resolves.toBe(2);
  await page.getByText('Showing 2 of 3 issues.').waitFor();
  await listed.nth(1).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /D9$/.test(window.__host!.selectedAddress() ?? ''));
  await shoot(page, 'issues-filtered');
  await expectAccessible(page, 'issue list filtered');

  await page.getByRole('tab', { name: 'Template' }).click();
  for (const [width, name] of [
    [320, '320px'],
    [160, 'zoom-200'],
  ] as const) {
    // 200 % zoom of a 320 px pane lays the page out in 160 CSS pixels.
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('button', { name: 'Fix 3 issues' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ width, overflow }).toEqual({ width, overflow: 0 });
    await shoot(page, name);
  }
  await expectAccessible(page, 'template at 200 % zoom');
});
