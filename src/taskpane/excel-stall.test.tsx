/** @jest-environment ./test/support/jsdom-fetch.environment.js */
// A context.sync() that Excel never answers (DESIGN §7): the door's watchdog gives up and the pane's
// one MessageBar says so, through the typed ExcelError. The watchdog's timer is fired by the test.
import type { FetchLike } from '../api';
import { createPaneInbox } from '../commands/pane-inbox';
import { createExcelDoor, type ExcelRun } from '../excel';
import { createExcelHost } from '../../test/excel-host';
import { templateRows } from '../../test/fixtures/excel/client-sheet';
import { mountPane } from './mount-pane';
import { createWorkbookPort } from './workbook/workbook-port';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const start = Date.now(); !condition();) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const storage = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

it('tells the user at 60 s that Excel has not answered and keeps waiting, then gives up at 5 minutes, saying what was being done', async () => {
  const fake = createExcelHost();
  fake.addSheet('Clients', templateRows(3), { activate: true });
  let runs = 0;
  let hangFrom = Infinity;
  // From Excel.run number `hangFrom` on, Excel takes every request and never answers it.
  const run = (<T,>(batch: (context: Excel.RequestContext) => Promise<T>) =>
    fake.run((context) => {
      const hang = runs++ >= hangFrom;
      const sync = context.sync.bind(context);
      context.sync = (<V,>(value?: V) => (hang ? new Promise<V>(() => undefined) : sync(value))) as typeof context.sync;
      return batch(context);
    })) as ExcelRun;
  const timers = new Set<() => void>(); // the watchdog's timers still running
  const door = createExcelDoor({
    run,
    isSetSupported: () => true,
    startTimer: (_ms, onTimeout) => (timers.add(onTimeout), () => void timers.delete(onTimeout)),
  });
  const fetch: FetchLike = async () => new Response('{}', { status: 503 });
  const container = document.createElement('div');
  document.body.append(container);
  const text = () => container.textContent ?? '';
  mountPane(
    {
      workbook: createWorkbookPort(door),
      fetch,
      storage: storage(),
      partitionKey: 'book',
      defaultBaseUrl: 'http://portal.test',
      ribbonInbox: createPaneInbox(),
      saveFile: () => undefined,
    },
    container,
  );
  await waitFor(() => text().includes('Template found on sheet'), 'the pane to find the template');

  const checkTab = [...container.querySelectorAll('[role="tab"]')].find((t) => t.textContent?.startsWith('Check')) as HTMLElement;
  checkTab.click();
  await waitFor(() => [...container.querySelectorAll('button')].some((b) => b.textContent === 'Check template'), 'the Check view');
  hangFrom = runs + 1; // Check looks the template up again (answered), then reads the rows (never answered)
  ([...container.querySelectorAll('button')].find((b) => b.textContent === 'Check template') as HTMLElement).click();
  await waitFor(() => runs > hangFrom && timers.size === 1, 'the row read to wait on Excel');
  [...timers][0](); // 60 s: the pane says so, and the step still waits
  await waitFor(() => text().includes('Excel has not answered for 60 seconds while reading the client rows.'), 'the notice');
  expect(text()).toContain('Still waiting');
  expect(text()).toContain('Checking the template…');
  [...timers][1](); // 5 minutes: given up
  await waitFor(() => text().includes('Excel stopped answering for 5 minutes while reading the client rows.'), 'the MessageBar');
  expect(container.querySelector('[role="alert"]')!.textContent).toContain(
    'Excel stopped answering for 5 minutes while reading the client rows. Nothing had been changed in the workbook yet.',
  );
  expect(text()).not.toContain('Checking the template…');
});
