// A ribbon click on a cold shared runtime, in real headless Chromium against the real backend: Import Clients
// pressed before the pane has mounted still runs the import once the pane is up, and the button completes.
import type { Browser } from 'playwright-core';
import type { Client } from '../../src/domain';
import { ADMIN_TOKEN, type Backend } from './support/backend';
import { openPane } from './support/browser';
import { startE2eSuite, type E2eSuite } from './support/e2e-suite';
import { clientRows, OFFICE, OWNER, templateGrid } from './support/template-rows';

let suite: E2eSuite | undefined;
let backend: Backend;
let browser: Browser;
let token: string;

beforeAll(async () => {
  suite = await startE2eSuite();
  ({ backend, browser } = suite);
  token = (await backend.api<{ token: string }>('POST', '/admin/firms', ADMIN_TOKEN, { name: 'Cold Start CPA', owners: [OWNER], offices: [OFFICE] })).token;
});

afterAll(() => suite?.close());

test('ribbon Import Clients clicked before the pane has mounted still runs the import', async () => {
  const rows = clientRows('K', 30);
  rows[4].email = 'not-an-email'; // sheet row 6: marked before sending, rejected by the portal
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(rows) }], deferMount: true, connection: { token } });
  expect(await page.getByRole('tab').count()).toBe(0); // no pane yet

  await page.evaluate(() => {
    const w = window as unknown as { __completed: number; __click: Promise<void> };
    w.__completed = 0;
    w.__click = window.__ribbon!.commands.importClients({ completed: () => void (w.__completed += 1) });
  });
  expect(await page.evaluate(() => (window as unknown as { __completed: number }).__completed)).toBe(0);

  await page.evaluate(() => window.__mountPane!());
  await page.evaluate(() => (window as unknown as { __click: Promise<void> }).__click);
  expect(await page.evaluate(() => (window as unknown as { __completed: number }).__completed)).toBe(1);
  await page.getByText('29 imported, 1 rejected.').waitFor({ timeout: 60_000 });
  await page.getByText('1 invalid cell marked in the template').waitFor();
  expect(await page.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('true');
  expect(await page.evaluate(() => window.__host!.sheet('Clients').cell('D6').fill)).not.toBeNull();

  const { clients } = await backend.api<{ clients: Client[] }>('GET', '/clients?limit=100', token);
  expect(clients.filter((c) => c.taxClientId.startsWith('K'))).toHaveLength(29);
  await page.close();
});
