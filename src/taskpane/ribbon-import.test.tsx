/** @jest-environment ./test/support/jsdom-fetch.environment.js */
// The ribbon's one-click Import Clients, end to end inside one runtime: the real command, bridge and
// pane (on the Excel host and src/api's fake portal), meeting on an inbox passed in, not the window's.
import { createFakePortal } from '../api/fake-portal.test-helper';
import type { FetchLike } from '../api';
import { createInboxHost, createPaneInbox } from '../commands/pane-inbox';
import { COMMANDS } from '../commands/registry';
import { runCommand } from '../commands/run-command';
import type { Firm } from '../domain';
import { createExcelDoor } from '../excel';
import { createExcelHost } from '../../test/excel-host';
import { OFFICES, OWNERS, templateRows } from '../../test/fixtures/excel/client-sheet';
import { mountPane } from './mount-pane';
import { createSettingsStore } from './services/settings-store';
import { createWorkbookPort } from './workbook/workbook-port';

const FIRM: Firm = { id: 'f1', name: 'Lee & Partners CPA', offlineClientsEnabled: true, owners: OWNERS, offices: OFFICES };
const ROWS = 1500; // two batches, so progress shows between them

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const start = Date.now(); !condition();) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

function setUp(rows = templateRows(ROWS)) {
  const fake = createExcelHost();
  fake.addSheet('Clients', rows, { activate: true });
  const portal = createFakePortal();
  const portalFetch = portal.fetch;
  const container = document.createElement('div');
  const text = () => container.textContent ?? '';
  const seenBetweenBatches: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    if (String(url).endsWith('/api/v1/firm')) return new Response(JSON.stringify(FIRM), { headers: { 'content-type': 'application/json' } });
    if (init?.method === 'PUT' && /\/batches\/2(\?|$)/.test(String(url))) {
      // The pane must show the first batch's progress before the second batch is answered.
      await waitFor(() => /1,000 of 1,500 rows/.test(text()), 'progress after batch 1');
      seenBetweenBatches.push(text());
    }
    return portalFetch(url, init);
  };
  const storage = memoryStorage();
  createSettingsStore(storage, 'book').write('connection', { baseUrl: 'http://portal.test', token: 'firm-token' });
  const ribbonInbox = createPaneInbox();
  mountPane(
    {
      workbook: createWorkbookPort(createExcelDoor({ run: fake.run, isSetSupported: () => true })),
      fetch,
      storage,
      partitionKey: 'book',
      defaultBaseUrl: 'http://portal.test',
      ribbonInbox,
      saveFile: () => undefined,
    },
    container,
  );
  return { fake, portal, container, text, ribbonInbox, seenBetweenBatches };
}

describe('ribbon Import Clients with the pane open', () => {
  it('runs the import in the pane, shows progress on the Import view, and completes the button once the pane took it', async () => {
    const { fake, portal, container, text, ribbonInbox, seenBetweenBatches } = setUp();
    await waitFor(() => text().includes(FIRM.name) && text().includes('Template found on sheet'), 'the pane to connect and find the template');

    let shown = 0;
    const host = createInboxHost(ribbonInbox, async () => void (shown += 1));
    const completed = jest.fn();
    const importClients = COMMANDS.find((c) => c.id === 'importClients')!;
    const run = runCommand(importClients, host, { completed });
    expect(completed).not.toHaveBeenCalled();
    await run;

    expect(shown).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
    const selectedTab = () => container.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
    await waitFor(() => selectedTab() === 'Import' && text().includes('1,500 imported, 0 rejected.'), 'the summary on the Import view');
    expect(seenBetweenBatches).toHaveLength(1);
    expect(seenBetweenBatches[0]).toContain('Cancel');
    expect([...portal.imports.values()].map((job) => [job.rows.length, job.completed])).toEqual([[ROWS, true]]);
    expect(fake.sheet('Import Exceptions').texts()).toHaveLength(ROWS + 1);
    expect(fake.activeSheetName()).toBe('Import Exceptions');
  });

  it('Check Template from the ribbon switches the pane to Check and lists the issues', async () => {
    const rows = templateRows(3);
    rows[2][3] = 'not-an-email'; // sheet row 3, Taxpayer Email
    const { container, text, ribbonInbox } = setUp(rows);
    await waitFor(() => text().includes('Template found on sheet'), 'the template');
    const completed = jest.fn();
    const host = createInboxHost(ribbonInbox, async () => undefined);
    await runCommand(
      COMMANDS.find((c) => c.id === 'checkTemplate')!,
      host,
      { completed },
    );
    expect(completed).toHaveBeenCalledTimes(1);
    const selectedTab = () => container.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
    await waitFor(() => selectedTab() === 'Check' && text().includes('in 3 rows'), 'the Check view with its result');
    expect(container.querySelector('[aria-label="Issues"]')?.textContent).toMatch(/^Row 3, Taxpayer Email/);
  });
});
