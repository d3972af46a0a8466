// The dropped-file reader in real headless Chromium: its Web Worker (bundled by webpack as the pane's
// is), the browser's own inflater, progress while the main thread stays free, and Cancel.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import webpack from 'webpack';
import { excelLikeXlsx } from '../xlsx-writers/excel-like-xlsx';
import { HEADERS, templateWorkbook } from '../xlsx-writers/template-cases';
import type { CellSpec } from '../xlsx-writers/workbook-spec';
import { launchChromium } from './support/browser';

const ROOT = resolve(__dirname, '../..');
const ROWS = 100_000;
let out: string;
let server: Server;
let base: string;
let browser: Browser;
let big: Uint8Array;

function build(dir: string): Promise<void> {
  const compiler = webpack({
    mode: 'production',
    context: ROOT,
    entry: { reader: './test/e2e/xlsx-reader/reader-page.ts' },
    output: { path: dir, filename: '[name].js', chunkFilename: '[name].[contenthash:8].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.client.json', transpileOnly: true } } }],
    },
    devtool: false,
  });
  return new Promise((done, fail) =>
    compiler.run((error, stats) => (error || stats?.hasErrors() ? fail(error ?? new Error(stats!.toString('errors-only'))) : done())),
  );
}

function bigTemplate(): Uint8Array {
  const cells: CellSpec[] = HEADERS.map((value, i) => ({ ref: `${String.fromCharCode(65 + i)}1`, kind: 'string', value }));
  for (let r = 2; r <= ROWS + 1; r += 1) {
    for (const [column, value] of [
      ['A', `C${r}`],
      ['B', `First${r}`],
      ['C', `Last${r}`],
      ['I', 'owner@firm.test'],
      ['J', 'Main'],
      ['K', 'No'],
    ]) {
      cells.push({ ref: `${column}${r}`, kind: 'string', value });
    }
  }
  return excelLikeXlsx({ sheets: [{ name: 'Clients', cells, list: { range: 'A2:K1048576', items: ['Yes', 'No'] } }], active: 0 });
}

async function openReader(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'yes');
  return page;
}

/** Hands the file to the page, as a drop would (bytes of a File). */
async function giveFile(page: Page, bytes: Uint8Array): Promise<void> {
  await page.evaluate((b64) => {
    (window as unknown as { fileBytes: ArrayBuffer }).fileBytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
  }, Buffer.from(bytes).toString('base64'));
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'xlsx-reader-page-'));
  await build(out);
  big = bigTemplate();
  server = createServer((request, response) => {
    const name = request.url === '/index.html' ? null : (request.url ?? '').replace(/^\//, '').replace(/[^\w.-]/g, '');
    if (name !== null && !existsSync(join(out, name))) {
      response.writeHead(404).end();
      return;
    }
    const body = name === null ? '<!doctype html><html><body><script src="reader.js"></script></body></html>' : readFileSync(join(out, name));
    response.writeHead(200, { 'content-type': name === null ? 'text/html' : extname(name) === '.js' ? 'text/javascript' : 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
  rmSync(out, { recursive: true, force: true });
});

test('reads a template in the worker as the text Excel shows', async () => {
  const page = await openReader();
  await giveFile(page, excelLikeXlsx(templateWorkbook('excel')));
  const read = await page.evaluate(async () => {
    const w = window as unknown as {
      readTemplateFile: (b: ArrayBuffer) => Promise<{ sheetName: string; rows: { row: number; taxClientId: string; lastName: string }[] }>;
      fileBytes: ArrayBuffer;
    };
    const file = await w.readTemplateFile(w.fileBytes);
    return { sheetName: file.sheetName, ids: file.rows.slice(0, 10).map((r) => r.taxClientId), mergedLast: file.rows.find((r) => r.row === 14)?.lastName };
  });
  expect(read).toEqual({
    sheetName: 'Clients',
    ids: ['012-34-5678', '00123', '00124', '00125', '1,234,567', '42.50', '00777', '778', '2024-01-05', '5-Jan'],
    mergedLast: '',
  });
  await page.close();
});

test('reads 100,000 rows with dropdowns over whole columns, posting progress to a free main thread', async () => {
  const page = await openReader();
  await giveFile(page, big);
  const run = await page.evaluate(async () => {
    const w = window as unknown as { readTemplateFile: (b: ArrayBuffer, o: object) => Promise<{ rows: unknown[] }>; fileBytes: ArrayBuffer };
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 20);
    const progress: number[] = [];
    const started = performance.now();
    const file = await w.readTemplateFile(w.fileBytes, { onProgress: (p: { done: number }) => progress.push(p.done) });
    const ms = performance.now() - started;
    clearInterval(timer);
    return { rows: file.rows.length, progress, ticks, ms };
  });
  console.log(
    `Chromium: ${ROWS.toLocaleString('en-US')} rows read in ${run.ms.toFixed(0)} ms in the worker; ${run.progress.length} progress messages; main-thread timer ran ${run.ticks} times meanwhile`,
  );
  expect(run.rows).toBe(ROWS);
  expect(run.progress.length).toBeGreaterThan(10);
  expect(run.progress.at(-1)).toBe(1);
  // The main thread handled the timer and every progress message while the worker read.
  expect(run.ticks).toBeGreaterThan(0);
  await page.close();
});

test('Cancel stops the worker and the read rejects as cancelled', async () => {
  const page = await openReader();
  await giveFile(page, big);
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { readTemplateFile: (b: ArrayBuffer, o: object) => Promise<unknown>; fileBytes: ArrayBuffer };
    const abort = new AbortController();
    try {
      await w.readTemplateFile(w.fileBytes, { signal: abort.signal, onProgress: () => abort.abort() });
      return 'finished';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(outcome).toBe('CancelledError');
  await page.close();
});
