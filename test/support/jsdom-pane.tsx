// The pane mounted in jsdom on the Excel host and src/api's fake portal, with the ribbon's inbox and
// host as the shared runtime has them, for the pane's flow tests.
import { createFakePortal } from '../../src/api/fake-portal.test-helper';
import type { FetchLike } from '../../src/api';
import { createInboxHost, createPaneInbox } from '../../src/commands/pane-inbox';
import type { Firm } from '../../src/domain';
import { createExcelDoor } from '../../src/excel';
import { createExcelHost, type SeedCell } from '../excel-host';
import { OFFICES, OWNERS } from '../fixtures/excel/client-sheet';
import { mountPane } from '../../src/taskpane/mount-pane';
import { createSettingsStore } from '../../src/taskpane/services/settings-store';
import { createWorkbookPort, type WorkbookPort } from '../../src/taskpane/workbook/workbook-port';

export const FIRM: Firm = { id: 'f1', name: 'Lee & Partners CPA', offlineClientsEnabled: true, owners: OWNERS, offices: OFFICES };

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const start = Date.now(); !condition();) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

export interface PaneSetUpOptions {
  /** Called before the portal answers each request (await in it to hold the answer). */
  beforeFetch?: (url: string, init?: RequestInit) => Promise<void> | void;
  /** Replaces parts of the workbook port (e.g. a write that fails). */
  workbook?: (port: WorkbookPort) => WorkbookPort;
  /** False: the test mounts the pane itself with `mount()`. */
  mount?: boolean;
}

export function setUpPane(rows: SeedCell[][], options: PaneSetUpOptions = {}) {
  const fake = createExcelHost();
  fake.addSheet('Clients', rows, { activate: true });
  const portal = createFakePortal();
  const portalFetch = portal.fetch; // called unbound, as window.fetch must be
  const container = document.createElement('div');
  const fetch: FetchLike = async (url, init) => {
    await options.beforeFetch?.(String(url), init);
    if (String(url).endsWith('/api/v1/firm')) return new Response(JSON.stringify(FIRM), { headers: { 'content-type': 'application/json' } });
    return portalFetch(url, init);
  };
  const storage = memoryStorage();
  createSettingsStore(storage, 'book').write('connection', { baseUrl: 'http://portal.test', token: 'firm-token' });
  const inbox = createPaneInbox();
  const port = createWorkbookPort(createExcelDoor({ run: fake.run, isSetSupported: () => true }));
  const downloads: string[] = [];
  const mount = () =>
    mountPane(
      {
        workbook: options.workbook ? options.workbook(port) : port,
        fetch,
        storage,
        partitionKey: 'book',
        defaultBaseUrl: 'http://portal.test',
        ribbonInbox: inbox,
        saveFile: (name) => void downloads.push(name),
      },
      container,
    );
  if (options.mount !== false) mount();
  const text = () => container.textContent ?? '';
  const selectedTab = () =>
    container.querySelector('[role="tab"][aria-selected="true"] [class*="fui-Tab__content"]')?.textContent ??
    container.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
  /** Clicks the button labelled `name` once it shows (React renders after the previous click's event). */
  const click = async (name: string) => {
    const find = () => [...container.querySelectorAll('button')].find((b) => b.textContent === name && !b.disabled);
    await waitFor(() => find() !== undefined, `a button "${name}"`);
    find()!.click();
  };
  // Fluent's Tab renders its label twice (once hidden, to reserve the bold width).
  const openTab = async (name: string) => {
    const find = () => [...container.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === name || t.textContent === name + name);
    await waitFor(() => find() !== undefined, `a tab "${name}"`);
    find()!.click();
  };
  /** Waits until the pane has reconnected and found the template. */
  const ready = () => waitFor(() => text().includes(FIRM.name) && text().includes('Template found on sheet'), 'the pane to connect and find the template');
  /** Imports from the Import view's button and waits for `until` to show. */
  const importFromPane = async (until: string) => {
    await openTab('Import');
    await click('Import clients');
    await waitFor(() => text().includes(until), until);
  };
  /** Makes the portal refuse batch `seq` (400) once; a fault queued while batch seq-1 is answered hits batch seq. */
  const refuseBatch = (seq: number) => {
    portal.beforeBatch = (answering) => {
      if (answering !== seq - 1) return;
      portal.faults.push(400);
      portal.beforeBatch = undefined;
    };
  };
  let shown = 0;
  const host = createInboxHost(inbox, async () => void (shown += 1));
  return {
    fake,
    portal,
    container,
    storage,
    inbox,
    host,
    mount,
    text,
    selectedTab,
    click,
    openTab,
    ready,
    importFromPane,
    refuseBatch,
    downloads,
    shown: () => shown,
  };
}
