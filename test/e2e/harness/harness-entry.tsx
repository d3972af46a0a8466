// The e2e harness build (`webpack --env harness`): the real pane on Microsoft's excel-web library (loaded by the page
// before this script), answered by the in-memory Excel host instead of Excel. The test seeds the workbook through
// window.__HARNESS__ (set before this script runs) and inspects it through window.__host. Never part of the
// production bundle.
import { createInboxHost, sharedPaneInbox } from '../../../src/commands/pane-inbox';
import { COMMANDS } from '../../../src/commands/registry';
import { registerCommands, type CompletableEvent } from '../../../src/commands/run-command';
import { createExcelDoor } from '../../../src/excel';
import { mountPane } from '../../../src/taskpane/mount-pane';
import { createSettingsStore } from '../../../src/taskpane/services/settings-store';
import { openDialog } from '../../../src/taskpane/services/office-dialog';
import { createWorkbookPort } from '../../../src/taskpane/workbook/workbook-port';
import { createExcelHost, type ExcelHost, type SeedCell } from '../../excel-host/browser';
import { harnessDialogs } from './harness-dialogs';

export interface HarnessConfig {
  sheets: { name: string; rows: SeedCell[][] }[];
  /**
   * Delay before batch N's PUT, N times this: with several batches in flight each still answers in
   * its own step, so a test can see "1,000 of N rows" and press Cancel mid-import.
   */
  batchDelayMs?: number;
  /** Mount without a workbook, as when the page is opened outside Excel. */
  noHost?: boolean;
  /** Leave the pane unmounted until the test calls window.__mountPane() (a ribbon click on a cold runtime). */
  deferMount?: boolean;
  /** A firm token saved as if the pane had connected before, so it reconnects as it mounts. */
  connection?: { token: string };
}

declare global {
  interface Window {
    __HARNESS__?: HarnessConfig;
    __host?: ExcelHost;
    __downloads?: { name: string; size: number }[];
    /** The ribbon's function commands as Office would call them (FunctionName → handler), and how often Show Pane ran. */
    __ribbon?: { commands: Record<string, (event: CompletableEvent) => Promise<void>>; paneShown: number };
    __mountPane?: () => void;
  }
}

const config: HarnessConfig = window.__HARNESS__ ?? { sheets: [] };
const excel = createExcelHost();
for (const [i, sheet] of config.sheets.entries()) excel.addSheet(sheet.name, sheet.rows, { activate: i === 0 });
window.__host = excel;
window.__downloads = [];

// The ribbon's commands registered as in src/commands/commands.ts, with a recorder in place of Office.actions.associate.
const ribbon: NonNullable<Window['__ribbon']> = { commands: {}, paneShown: 0 };
const host = createInboxHost(sharedPaneInbox(window), async () => void (ribbon.paneShown += 1));
registerCommands(COMMANDS, (id, handler) => void (ribbon.commands[id] = handler), host);
window.__ribbon = ribbon;

const dialogs = harnessDialogs();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (config.connection)
  createSettingsStore(window.localStorage, 'harness').write('connection', { baseUrl: window.location.origin, token: config.connection.token });

const mount = () =>
  mountPane({
    workbook: config.noHost ? null : createWorkbookPort(createExcelDoor({ run: excel.run, isSetSupported: () => true })),
    fetch: async (url, init) => {
      const batch = init?.method === 'PUT' ? /\/batches\/(\d+)/.exec(String(url)) : null;
      if (config.batchDelayMs && batch) await sleep(config.batchDelayMs * Number(batch[1]));
      return window.fetch(url, init);
    },
    storage: window.localStorage,
    partitionKey: 'harness',
    defaultBaseUrl: window.location.origin,
    ribbonInbox: sharedPaneInbox(window),
    saveFile: (name, bytes) => window.__downloads!.push({ name, size: bytes.byteLength }),
    signInDialog: (url) => openDialog(dialogs, url),
  });
if (config.deferMount) window.__mountPane = mount;
else mount();
