// `npm run bench` (also alone: npx tsx bench/dropped-file.bench.ts): a dropped template file with a
// dropdown over whole columns A:K and 100,000 client rows, read by the pane's reader in a worker
// thread. Prints wall time, peak memory and progress messages against DESIGN §8 (3 s, 200 MB).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReaderMessage } from '../src/taskpane/xlsx/reader-protocol';
import { excelLikeXlsx } from '../test/xlsx-writers/excel-like-xlsx';
import { HEADERS } from '../test/xlsx-writers/template-cases';
import type { CellSpec, WorkbookSpec } from '../test/xlsx-writers/workbook-spec';

const ROWS = Number(process.env.BENCH_FILE_ROWS ?? 100_000);
const BUDGET = { ms: 3000, bytes: 200 * 1024 * 1024 };
const MB = 1024 * 1024;

/** A firm's template as Excel saves it: 11 columns, text IDs, whole-column dropdowns, one formatted column. */
function templateFile(rows: number): Uint8Array {
  const cells: CellSpec[] = HEADERS.map((value, i) => ({ ref: `${String.fromCharCode(65 + i)}1`, kind: 'string', value }));
  for (let r = 2; r <= rows + 1; r += 1) {
    const n = String(r).padStart(6, '0');
    const text = (column: string, value: string): CellSpec => ({ ref: `${column}${r}`, kind: 'string', value });
    cells.push(
      text('A', `C${n}`),
      text('B', `First${r}`),
      text('C', `Last${r}`),
      text('D', `client${r}@mail.test`),
      { ref: `E${r}`, kind: 'number', value: 4479110000 + r, format: '0' },
      text('F', `Spouse${r}`),
      text('G', `Last${r}`),
      text('H', `spouse${r}@mail.test`),
      text('I', 'owner@firm.test'),
      text('J', 'Main'),
      text('K', r % 2 ? 'Yes' : 'No'),
    );
  }
  const spec: WorkbookSpec = { sheets: [{ name: 'Clients', cells, list: { range: 'A2:K1048576', items: ['Yes', 'No'] } }], active: 0 };
  return excelLikeXlsx(spec);
}

export async function runDroppedFileBench(rows = ROWS): Promise<{ ms: number; peakBytes: number; pass: boolean }> {
  const bytes = templateFile(rows);
  // The worker thread compiles its TypeScript through tsx's require hook, as this process does.
  const script = path.join(__dirname, 'support/dropped-file-worker.ts');
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { eval: true });
  await new Promise((resolve) => worker.once('online', resolve));
  let progressMessages = 0;
  let peakHeapBytes = 0;
  let rssPeak = 0;
  const rssBefore = process.memoryUsage().rss;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 10);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const answer = await new Promise<Exclude<ReaderMessage, { type: 'progress' }>>((resolve) => {
    worker.on('message', ({ message, peakHeapBytes: peak }: { message: ReaderMessage; peakHeapBytes: number }) => {
      peakHeapBytes = Math.max(peakHeapBytes, peak);
      if (message.type === 'progress') progressMessages += 1;
      else resolve(message);
    });
    const copy = bytes.slice().buffer;
    worker.postMessage({ bytes: copy }, [copy]);
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  await worker.terminate();
  if (answer.type !== 'done') throw new Error(`reader failed: ${answer.message}`);
  const peakBytes = peakHeapBytes;
  const pass = ms < BUDGET.ms && peakBytes < BUDGET.bytes && answer.template.rows.length === rows;
  console.log(
    `\nDropped file: ${rows.toLocaleString('en-US')} rows × 11 columns, dropdown over A2:K1048576, ${(bytes.length / MB).toFixed(1)} MB .xlsx\n` +
      `  read in ${ms.toFixed(0)} ms in a worker thread (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores), ` +
      `${progressMessages} progress messages, ${answer.template.rows.length.toLocaleString('en-US')} rows from "${answer.template.sheetName}"\n` +
      `  peak worker heap ${(peakBytes / MB).toFixed(0)} MB (process RSS +${(Math.max(0, rssPeak - rssBefore) / MB).toFixed(0)} MB)\n` +
      `  budget (DESIGN §8): under ${BUDGET.ms} ms and ${BUDGET.bytes / MB} MB: ${pass ? 'pass' : 'FAIL'}`,
  );
  return { ms, peakBytes, pass };
}

if (require.main === module) {
  runDroppedFileBench().then((r) => (process.exitCode = r.pass ? 0 : 1));
}
