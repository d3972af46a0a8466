// The pane in real headless Chromium: the harness build (Microsoft's excel-web library answered by the in-memory Excel host, in place of Office) against the
// real backend on PGlite, driven by clicks.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { Client } from '../../src/domain';
import { ADMIN_TOKEN, startBackend, type Backend } from './support/backend';
import { launchChromium, openPane, seriousViolations } from './support/browser';
import { clientRows, OFFICE, OWNER, templateGrid } from './support/template-rows';

const ROOT = resolve(__dirname, '../..');
const CONNECTED_COMMENT = 'A connected client already exists with this Tax Client ID';
let backend: Backend;
let browser: Browser;
let token: string;

beforeAll(async () => {
  execFileSync('bash', ['scripts/ensure-chromium.sh'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['webpack', '--env', 'harness', '--mode', 'development'], { cwd: ROOT, stdio: 'pipe' });
  backend = await startBackend();
  const firm = await backend.api<{ token: string }>('POST', '/admin/firms', ADMIN_TOKEN, {
    name: 'Lee & Partners CPA',
    offlineClientsEnabled: true,
    owners: [OWNER],
    offices: [OFFICE],
  });
  token = firm.token;
  // Seed: five standard clients invited; three accept and become Connected.
  const seeded = clientRows('S', 5).map((r, i) => ({ ...r, row: i + 2 }));
  const job = await backend.api<{ id: string }>('POST', '/imports', token, { sendInvitations: true });
  await backend.api('PUT', `/imports/${job.id}/batches/1`, token, { rows: seeded });
  await backend.api('POST', `/imports/${job.id}/complete`, token);
  for (const id of ['S00001', 'S00002', 'S00003']) {
    const { clients } = await backend.api<{ clients: Client[] }>('GET', `/clients?taxClientId=${id}`, token);
    const invitation = new URL(clients[0].invitationUrl!).pathname.split('/').pop();
    await backend.api('POST', `/invitations/${invitation}/accept`, '');
  }
  browser = await launchChromium();
  mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

async function connect(page: Page) {
  await page.getByRole('tab', { name: 'Connect' }).click();
  await page.getByLabel('API key').fill(token);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByText('Connected to Lee & Partners CPA').waitFor();
}

async function expectAccessible(page: Page, view: string) {
  expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
}

/** Saves test-results/pane-NAME.png, the pane as staff would see it at this step. */
const shoot = (page: Page, name: string) => page.screenshot({ path: resolve(ROOT, `test-results/pane-${name}.png`), fullPage: true });

const sheetTexts = (page: Page, name: string) => page.evaluate((n) => window.__host!.sheet(n).texts(), name);

async function portalClients(prefix: string): Promise<Client[]> {
  const all: Client[] = [];
  let cursor = '';
  do {
    const page = await backend.api<{ clients: Client[]; next: string | null }>('GET', `/clients?limit=500${cursor ? `&cursor=${cursor}` : ''}`, token);
    all.push(...page.clients);
    cursor = page.next ?? '';
  } while (cursor);
  return all.filter((c) => c.taxClientId.startsWith(prefix));
}

test('connect, prepare, fill Is Offline down, check, import 100 rows and read the exception sheet', async () => {
  const rows = clientRows('P', 100);
  ['S00001', 'S00002', 'S00003'].forEach((id, i) => (rows[10 + i].taxClientId = id));
  rows[49].email = 'not-an-email';
  rows[0].isOffline = 'Yes';
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(rows) }] });

  await page.getByText('Template found on sheet').waitFor();
  await expectAccessible(page, 'template');
  await connect(page);
  await shoot(page, 'connect');
  await expectAccessible(page, 'connect');

  await page.getByRole('tab', { name: 'Template' }).click();
  await page.getByRole('button', { name: 'Prepare template' }).click();
  await page.getByText('Template prepared').waitFor();
  await page.getByRole('button', { name: 'Fill Is Offline down' }).click();
  await page.getByText('Is Offline set to Yes on 99 more rows.').waitFor();
  const isOffline = (await sheetTexts(page, 'Clients')).slice(1, 101).map((r) => r[10]);
  expect(new Set(isOffline)).toEqual(new Set(['Yes']));

  await page.getByRole('tab', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Check template' }).click();
  await page.getByText('1 issue in 100 rows').waitFor();
  await page.getByRole('button', { name: /Row 51, Taxpayer Email/ }).click();
  await page.waitForFunction(() => window.__host!.selectedAddress() !== null);
  expect(await page.evaluate(() => window.__host!.selectedAddress())).toMatch(/^(Clients!)?D51$/);
  expect(await page.evaluate(() => window.__host!.sheet('Clients').cell('D51').fill)).not.toBeNull();
  await shoot(page, 'check');
  await expectAccessible(page, 'check');

  await page.getByRole('tab', { name: 'Import' }).click();
  await expectAccessible(page, 'import');
  await page.getByRole('button', { name: 'Import clients' }).click();
  await page.getByText('96 imported, 4 rejected.').waitFor();
  await page.screenshot({ path: resolve(ROOT, 'test-results/pane.png'), fullPage: true });
  await shoot(page, 'import-done');
  await expectAccessible(page, 'import summary');

  // The table (A:G); the import's signature sits right of it, in I1.
  const report = (await sheetTexts(page, 'Import Exceptions')).map((r) => r.slice(0, 7));
  expect(report[0]).toEqual(['Row', 'Tax Client ID', 'First Name', 'Last Name', 'Is Offline', 'Result', 'Comment']);
  expect(report).toHaveLength(101);
  const byId = new Map(report.slice(1).map((r) => [r[1], r]));
  for (const id of ['S00001', 'S00002', 'S00003']) expect(byId.get(id)!.slice(5)).toEqual(['Rejected', CONNECTED_COMMENT]);
  expect(byId.get('P00050')![5]).toBe('Rejected');
  expect(byId.get('P00001')!.slice(4)).toEqual(['Yes', 'Imported', '']);
  expect(await page.evaluate(() => window.__host!.activeSheetName())).toBe('Import Exceptions');
  const offline = await portalClients('P');
  expect(offline).toHaveLength(96);
  expect(offline.every((c) => c.kind === 'offline' && c.status === 'Offline')).toBe(true);

  await page.getByRole('button', { name: 'Download exception report' }).click();
  await page.waitForFunction(() => window.__downloads!.length === 1);
  expect(await page.evaluate(() => window.__downloads![0].name)).toMatch(/^import-exceptions-.+\.xlsx$/);
  await page.close();
});

test('drop a saved .xlsx template, import it, then close the file', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Saved clients');
  templateGrid(clientRows('D', 20)).forEach((r) => sheet.addRow(r));
  const bytes = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Notes', rows: [['nothing here']] }] });
  await connect(page);
  await page.getByRole('tab', { name: 'Import' }).click();

  await page.evaluate((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], 'saved-clients.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const zone = document.querySelector('[data-testid="drop-zone"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await page.getByText(/saved-clients\.xlsx \(\d+ KB\)/).waitFor();
  await shoot(page, 'drop');
  await expectAccessible(page, 'drop zone with a file');
  await page.getByRole('button', { name: 'Import file' }).click();
  await page.getByText('20 imported, 0 rejected.').waitFor();
  // The pane says which sheet of the file was read (the reader tries the visible active sheet first).
  await page.getByText('Read 20 client rows from sheet "Saved clients".').waitFor();

  const report = await sheetTexts(page, 'Import Exceptions');
  expect(report.slice(1).map((r) => r[1])).toEqual(clientRows('D', 20).map((r) => r.taxClientId));
  // The file's sheet is not in this workbook, so Row is the plain source row number, never a HYPERLINK.
  const rowCells = await page.evaluate(() => Array.from({ length: 20 }, (_, i) => window.__host!.sheet('Import Exceptions').cell(`A${i + 2}`)));
  expect(rowCells.map((c) => [c.value, c.formula])).toEqual(Array.from({ length: 20 }, (_, i) => [i + 2, null]));
  expect((await portalClients('D')).map((c) => c.status)).toEqual(Array(20).fill('Not Invited'));
  await page.getByRole('button', { name: 'Close saved-clients.xlsx' }).click();
  await page.getByText(/saved-clients\.xlsx/).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Choose file…' }).waitFor();
  await page.close();
});

test('cancel mid-import, then resume without duplicates', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('R', 2500)) }], batchDelayMs: 1500 });
  await connect(page);
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByRole('button', { name: 'Import clients' }).click();
  await page.getByText('1,000 of 2,500 rows').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Import cancelled.', { exact: false }).waitFor();
  expect(await portalClients('R')).toHaveLength(1000);

  await page.getByRole('button', { name: 'Resume import' }).click();
  await page.getByText('2,500 imported, 0 rejected.').waitFor({ timeout: 60_000 });
  const clients = await portalClients('R');
  expect(clients).toHaveLength(2500);
  expect(new Set(clients.map((c) => c.taxClientId)).size).toBe(2500);
  expect((await sheetTexts(page, 'Import Exceptions')).length).toBe(2501);
  await page.close();
});

test('insert a template, refresh portal status, mark unconnected clients offline', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Notes', rows: [['nothing here']] }] });
  await page.getByText('No client import template found').waitFor();
  await shoot(page, 'template-missing');
  await expectAccessible(page, 'template missing');
  await connect(page);
  await page.getByRole('tab', { name: 'Template' }).click();

  await page.getByRole('button', { name: 'Insert template' }).click();
  await page.getByText('Template inserted.', { exact: false }).waitFor();
  await page.getByText('Template found on sheet').waitFor();
  expect(await page.evaluate(() => window.__host!.activeSheetName())).toBe('Client Import Template');
  expect((await sheetTexts(page, 'Client Import Template'))[0]).toEqual(templateGrid([])[0]);

  // Type five clients into the new sheet: two Connected, two invited but not connected, one not in the portal.
  const ids = ['S00001', 'S00004', 'N00001', 'S00002', 'S00005'];
  const typed = templateGrid(clientRows('N', 5).map((r, i) => ({ ...r, taxClientId: ids[i] }))).slice(1);
  await page.evaluate(
    (rows) =>
      window.__host!.run(async (context) => {
        context.workbook.worksheets.getItem('Client Import Template').getRangeByIndexes(1, 0, rows.length, rows[0].length).values = rows;
        await context.sync();
      }),
    typed,
  );

  await page.getByRole('button', { name: 'Refresh portal status' }).click();
  await page.getByText('Portal status written for 5 rows.').waitFor();
  const standardStatus = async (id: string) =>
    (await backend.api<{ clients: Client[] }>('GET', `/clients?taxClientId=${id}`, token)).clients.find((c) => c.kind === 'standard')?.status;
  const expected = [
    await standardStatus('S00001'),
    await standardStatus('S00004'),
    'Not in portal',
    await standardStatus('S00002'),
    await standardStatus('S00005'),
  ];
  expect(expected.filter((st) => st === 'Connected')).toHaveLength(2);
  const withStatus = await sheetTexts(page, 'Client Import Template');
  expect(withStatus[0][11]).toBe('Portal Status');
  // The inserted sheet's prepared (formatted, empty) rows below the clients count as used, so look at the five typed.
  expect(withStatus.slice(1, 6).map((r) => r[11])).toEqual(expected);
  expect(withStatus.slice(6).every((r) => r.every((cell) => cell === ''))).toBe(true);

  await page.getByRole('button', { name: 'Mark unconnected clients offline' }).click();
  await page.getByText('Is Offline set to Yes on 2 rows whose client has not connected.').waitFor();
  const afterMarking = await sheetTexts(page, 'Client Import Template');
  expect(afterMarking.slice(1, 6).map((r) => [r[0], r[10]])).toEqual([
    ['S00001', ''],
    ['S00004', 'Yes'],
    ['N00001', ''],
    ['S00002', ''],
    ['S00005', 'Yes'],
  ]);
  expect(afterMarking.slice(6).filter((r) => r[10] !== '')).toEqual([]);
  await shoot(page, 'template');
  await expectAccessible(page, 'template after status');
  await page.close();
});

test('ribbon Import Clients runs the whole import in the pane, with progress; the button completes once the pane took it', async () => {
  const page = await openPane(browser, backend.url, { sheets: [{ name: 'Clients', rows: templateGrid(clientRows('Q', 1500)) }], batchDelayMs: 800 });
  await connect(page);
  await page.getByRole('tab', { name: 'Template' }).click();
  // As Office calls a function command: the registered handler with an event whose completed() is recorded.
  await page.evaluate(() => {
    const w = window as unknown as { __completed: number };
    w.__completed = 0;
    void window.__ribbon!.commands.importClients({ completed: () => void (w.__completed += 1) });
  });
  await page.getByText('1,000 of 1,500 rows').waitFor();
  expect(await page.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('true');
  // The button completes as soon as the pane has taken the request (DESIGN §7), not after the import.
  expect(await page.evaluate(() => (window as unknown as { __completed: number }).__completed)).toBe(1);
  await shoot(page, 'import-progress');
  await expectAccessible(page, 'import progress');

  await page.getByText('1,500 imported, 0 rejected.').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __completed: number }).__completed === 1);
  expect(await page.evaluate(() => window.__ribbon!.paneShown)).toBe(1);
  expect(await portalClients('Q')).toHaveLength(1500);
  expect(await page.evaluate(() => window.__host!.activeSheetName())).toBe('Import Exceptions');
  await page.close();
});

test('outside Excel the pane says so plainly', async () => {
  const page = await openPane(browser, backend.url, { sheets: [], noHost: true });
  await page.getByText('Open this pane from Excel').waitFor();
  expect(await page.getByRole('tab').count()).toBe(0);
  await shoot(page, 'no-host');
  await expectAccessible(page, 'no host');
  await page.close();
});
