/** @jest-environment ./test/support/jsdom-fetch.environment.js */
// Import Clients as one job, in the pane on the Excel fake and the fake portal: the ribbon's lifecycle,
// check-and-mark before sending, and what the pane keeps when an import stops part-way.
import { COMMANDS } from '../commands/registry';
import { runCommand } from '../commands/run-command';
import { templateRows } from '../../test/fixtures/excel/client-sheet';
import { setUpPane, waitFor } from '../../test/support/jsdom-pane';

const importClients = COMMANDS.find((c) => c.id === 'importClients')!;
// Batches go as `…/batches/N?after=N-1` (several in flight, applied in file order): match the path only.
const isBatch = (seq: number) => (url: string, init?: RequestInit) =>
  init?.method === 'PUT' && new URL(url, 'http://portal.test').pathname.endsWith(`/batches/${seq}`);

describe('the ribbon button', () => {
  it('completes once the pane has accepted the request, while the import still runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pane = setUpPane(templateRows(1500), { beforeFetch: (url, init) => (isBatch(2)(url, init) ? held : undefined) });
    await pane.ready();
    const completed = jest.fn();
    await runCommand(importClients, pane.host, { completed });
    expect(completed).toHaveBeenCalledTimes(1);
    await waitFor(() => pane.text().includes('1,000 of 1,500 rows'), 'the import to wait on batch 2');
    expect(pane.text()).not.toContain('imported,');
    release();
    await waitFor(() => pane.text().includes('1,500 imported, 0 rejected.'), 'the summary');
  });

  it('clicked before the pane mounted still runs the import', async () => {
    const pane = setUpPane(templateRows(3), { mount: false });
    const completed = jest.fn();
    const click = runCommand(importClients, pane.host, { completed });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(completed).not.toHaveBeenCalled(); // waiting for a pane, not failed
    pane.mount();
    await click;
    expect(completed).toHaveBeenCalledTimes(1);
    await waitFor(() => pane.text().includes('3 imported, 0 rejected.'), 'the import');
    expect(pane.selectedTab()).toBe('Import');
  });

  it('clicked before the pane mounted, imports with the firm’s remembered Send invitations choice', async () => {
    const pane = setUpPane(templateRows(3), { mount: false });
    pane.storage.setItem('book:client-import:sendInvitations:f1', 'true');
    const click = runCommand(importClients, pane.host, { completed: () => undefined });
    pane.mount();
    await click;
    await waitFor(() => pane.text().includes('3 imported, 0 rejected.'), 'the import');
    expect(pane.portal.calls.find((c) => c.method === 'POST' && c.url.endsWith('/imports'))!.body).toEqual({ source: 'sheet:Clients', sendInvitations: true });
  });

  it('shows an error the ribbon reported before the pane mounted once the pane is up', async () => {
    const pane = setUpPane(templateRows(3), { mount: false });
    pane.host.reportError('Excel did not agree to load Client Import with this workbook.');
    pane.mount();
    await waitFor(() => pane.text().includes('Excel did not agree to load Client Import with this workbook.'), 'the reported error');
  });

  it('is refused with the reason, shown in the pane, while an import runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pane = setUpPane(templateRows(1500), { beforeFetch: (url, init) => (isBatch(2)(url, init) ? held : undefined) });
    await pane.ready();
    await runCommand(importClients, pane.host, { completed: () => undefined });
    await waitFor(() => pane.text().includes('1,000 of 1,500 rows'), 'the first import running');
    const completed = jest.fn();
    await runCommand(importClients, pane.host, { completed });
    expect(completed).toHaveBeenCalledTimes(1);
    await waitFor(() => pane.text().includes('Client Import is busy with another task (Importing clients).'), 'the refusal');
    release();
    await waitFor(() => pane.text().includes('1,500 imported'), 'the first import to end');
    expect(pane.portal.imports.size).toBe(1);
  });
});

describe('Import Clients checks first', () => {
  it('marks invalid cells as Check does, then sends every row; the summary counts the marks', async () => {
    const rows = templateRows(3);
    rows[2][3] = 'not-an-email'; // sheet row 3, Taxpayer Email
    const pane = setUpPane(rows);
    await pane.ready();
    await runCommand(importClients, pane.host, { completed: () => undefined });
    await waitFor(() => pane.text().includes('3 imported'), 'the summary');
    expect(pane.fake.sheet('Clients').cell('D3').fill).not.toBeNull();
    expect(pane.text()).toContain('1 invalid cell marked in the template');
    expect([...pane.portal.imports.values()][0].rows).toHaveLength(3);
  });
});

describe('an import that stops part-way', () => {
  it('says what was already imported, with the import id, keeps the progress and offers the report so far', async () => {
    const pane = setUpPane(templateRows(1500));
    await pane.ready();
    pane.refuseBatch(2);
    await pane.importFromPane('Injected 400');
    expect(pane.text()).toContain('Stopped after 1,000 of 1,500 rows: 1,000 imported, 0 rejected so far.');
    expect(pane.text()).toContain('Import imp-1');
    expect(pane.text()).toContain('1,000 of 1,500 rows'); // the progress stays
    await pane.click('Download exception report so far');
    await waitFor(() => pane.downloads.length === 1, 'the download');
    expect(pane.downloads).toEqual(['import-exceptions-imp-1.xlsx']);
  });

  it('keeps the counts and the Download button when the exception sheet cannot be written after the import completed', async () => {
    const pane = setUpPane(templateRows(3), {
      workbook: (port) => ({
        ...port,
        writeExceptions: async () => {
          throw new Error('Excel stopped answering.');
        },
      }),
    });
    await pane.ready();
    await runCommand(importClients, pane.host, { completed: () => undefined });
    await waitFor(() => pane.text().includes('Excel stopped answering.'), 'the failure');
    expect(pane.text()).toContain('The import finished, but the exception sheet could not be written');
    expect(pane.text()).toContain('3 imported, 0 rejected.');
    expect(pane.text()).toContain('Download exception report');
  });

  it('resumes only the same rows, and says so once, in one wording', async () => {
    const pane = setUpPane(templateRows(1500));
    await pane.ready();
    pane.refuseBatch(2);
    await pane.importFromPane('Resume import');
    await pane.fake.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').getRange('B2').values = [['Changed']];
      await context.sync();
    });
    await pane.click('Resume import');
    await waitFor(() => pane.text().includes('cannot be resumed'), 'the refusal');
    expect(pane.text()).toContain('The template changed since the import was interrupted, so it cannot be resumed. Start a new import.');
  });
});

describe('rows the user moves while an import runs', () => {
  it('links the exception sheet by Tax Client ID, and says so, when the user inserted rows while the import ran', async () => {
    const pane = setUpPane(templateRows(1500), {
      beforeFetch: async (url, init) => {
        if (!isBatch(2)(url, init)) return;
        await pane.fake.run(async (context) => {
          context.workbook.worksheets.getItem('Clients').getRange('3:4').insert('Down');
          await context.sync();
        });
      },
    });
    await pane.ready();
    await runCommand(importClients, pane.host, { completed: () => undefined });
    await waitFor(() => pane.text().includes('1,500 imported, 0 rejected.'), 'the summary');
    expect(pane.text()).toContain('Rows of the template moved while the import ran');
    const report = pane.fake.sheet('Import Exceptions');
    expect([report.cell('A2').formula, report.cell('A3').formula, report.cell('A1501').formula]).toEqual([
      expect.stringMatching(/![A-Z]+2",2\)$/),
      expect.stringMatching(/![A-Z]+5",5\)$/),
      expect.stringMatching(/![A-Z]+1503",1503\)$/),
    ]);
  });
});

describe('one action at a time across the pane and the ribbon', () => {
  const isClientList = (url: string, init?: RequestInit) =>
    (init?.method ?? 'GET') === 'GET' && new URL(url, 'http://portal.test').pathname.endsWith('/clients');

  it('refuses the ribbon’s Import, saying why, while a Template action of the pane runs, and imports nothing', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pane = setUpPane(templateRows(3), { beforeFetch: (url, init) => (isClientList(url, init) ? held : undefined) });
    await pane.ready();
    await pane.click('Refresh portal status');
    await waitFor(() => pane.text().includes('Refreshing portal status…'), 'the Template action to run');
    const completed = jest.fn();
    await runCommand(importClients, pane.host, { completed });
    expect(completed).toHaveBeenCalledTimes(1);
    await waitFor(() => pane.text().includes('Client Import is busy with another task (Refreshing portal status).'), 'the refusal');
    release();
    await waitFor(() => pane.text().includes('Portal status written for 3 rows.'), 'the Template action to end');
    expect(pane.portal.imports.size).toBe(0);
  });

  it('refuses a Template action of the pane while the ribbon’s import runs: the warning names the import and the sheet is not touched', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pane = setUpPane(templateRows(1500), { beforeFetch: (url, init) => (isBatch(2)(url, init) ? held : undefined) });
    await pane.ready();
    await runCommand(importClients, pane.host, { completed: () => undefined });
    await waitFor(() => pane.text().includes('1,000 of 1,500 rows'), 'the import to wait on batch 2');
    await pane.openTab('Template');
    const before = pane.fake.sheet('Clients').texts();
    const fetched = pane.portal.calls.length;
    await pane.click('Fill Is Offline down');
    await waitFor(() => pane.text().includes('Client Import is busy with another task (Importing clients).'), 'the refusal');
    expect(pane.fake.sheet('Clients').texts()).toEqual(before);
    expect(pane.portal.calls.length).toBe(fetched);
    release();
    await pane.openTab('Import');
    await waitFor(() => pane.text().includes('1,500 imported, 0 rejected.'), 'the import to end');
  });
});
