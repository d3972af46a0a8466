// Part of `npm run bench`: Check marking and then clearing 100,000 invalid cells (DESIGN §8: no
// request over 5 MB, also when marking 100,000 invalid cells; clearing takes no longer than marking),
// and the live checks of a 1,000-cell paste (§8: checked and marked within 300 ms). The run goes on the Excel host, so
// its syncs and its largest request and response are the bodies Microsoft's own excel-web library
// sent and the host answered.
import { TEMPLATE_COLUMNS } from '../src/domain';
import { clearMarks, createExcelDoor, markIssues } from '../src/excel';
import { MAX_REQUEST_BYTES } from '../src/excel/chunking';
import { createExcelHost, type ExcelHost, type SeedCell } from '../test/excel-host';
import { invalidCells } from '../test/fixtures/excel/invalid-cells';
import { clientCells, HEADERS } from '../test/fixtures/excel/client-sheet';
import { LiveChecker } from '../src/taskpane/hooks/live-checker';
import { createWorkbookPort } from '../src/taskpane/workbook/workbook-port';

const CELLS = Number(process.env.BENCH_MARK_CELLS ?? 100_000);
const SHEET = 'Clients';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

function workbook() {
  const host = createExcelHost();
  const header = TEMPLATE_COLUMNS.map((c) => c.header);
  const rows: SeedCell[][] = [header, ...Array.from({ length: CELLS }, (_, i) => header.map((_, c) => (c === 3 ? `bad${i}` : `v${i}`)))];
  host.addSheet(SHEET, rows, { activate: true });
  return { host, ...invalidCells(SHEET, CELLS) };
}

/** Runs one step and reports what the host measured for it. */
async function measured(host: ExcelHost, name: string, step: () => Promise<number>) {
  host.resetStats();
  const start = performance.now();
  const cells = await step();
  const s = host.stats;
  const line = `  ${name.padEnd(5)} ${cells} cells in ${((performance.now() - start) / 1000).toFixed(1)} s, ${s.syncs} syncs, largest request ${mb(s.maxRequestBytes)}, largest response ${mb(s.maxResponseBytes)}`;
  console.log(line);
  return { cells, seconds: (performance.now() - start) / 1000, syncs: s.syncs, maxRequestBytes: s.maxRequestBytes, failed: s.failedSyncs };
}

const PASTE_ROWS = 100;
const PASTE_COLUMNS = 10;
const LIVE_BUDGET_MS = 300;
const LIVE_SHEET_ROWS = 10_000;
/** The first pasted row: rows 5001…5100, ten of them marked before. */
const PASTE_AT = 5_001;

/** A client row whose e-mail is invalid on every tenth row. */
const liveRow = (i: number) => clientCells(i).map((v, c) => (c === 3 && i % 10 === 0 ? 'not-an-email' : v));

/**
 * A user pastes 100 rows × 10 columns (1,000 cells, a tenth of them invalid) over rows of a 10,000-row template the
 * live checks already know and have marked (every tenth row): from the paste to its cells marked (the rows' old
 * marks undone first), through Worksheet.onChanged on Microsoft's library.
 */
export async function benchLivePaste(): Promise<boolean> {
  const host = createExcelHost();
  host.addSheet(SHEET, [HEADERS, ...Array.from({ length: LIVE_SHEET_ROWS }, (_, i) => liveRow(i + 1))], { activate: true });
  const port = createWorkbookPort(createExcelDoor({ run: host.run, isSetSupported: () => true }));
  const search = await port.findTemplate();
  if (!search.found) throw new Error('bench: no template');
  let marked = 0;
  const checker = new LiveChecker(search, {
    port,
    firm: () => undefined,
    onChecked: (s) => (marked = s.issues.filter((i) => i.row >= PASTE_AT && i.row < PASTE_AT + PASTE_ROWS).length),
    onError: (e) => {
      throw e;
    },
  });
  const stop = await port.watchChanges(SHEET, (c) => checker.changed(c));
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await checker.settled();
  };
  host.edit(SHEET, 'K2', [['No']]); // the first change reads and checks the whole template once
  await settle();
  const paste = Array.from({ length: PASTE_ROWS }, (_, i) =>
    clientCells(20_000 + i)
      .slice(0, PASTE_COLUMNS)
      .map((v, c) => (c === 3 && i % 10 === 0 ? 'not-an-email' : String(v))),
  );
  host.resetStats();
  const start = performance.now();
  host.edit(SHEET, `A${PASTE_AT}`, paste);
  await settle();
  const ms = performance.now() - start;
  const syncs = host.stats.syncs;
  await stop();
  const pass = ms <= LIVE_BUDGET_MS && marked === PASTE_ROWS / 10;
  console.log(
    `  live  ${PASTE_ROWS * PASTE_COLUMNS} pasted cells checked and ${marked} marked in ${ms.toFixed(0)} ms, ${syncs} syncs (budget ${LIVE_BUDGET_MS} ms) ${pass ? 'PASS' : 'FAIL'}`,
  );
  return pass;
}

export async function benchMarks(): Promise<boolean> {
  console.log(`\nMarking and clearing ${CELLS.toLocaleString('en-US')} invalid cells (notes on, on the Excel host)`);
  const { host, template, issues } = workbook();
  const door = createExcelDoor({ run: host.run, isSetSupported: () => true });
  const mark = await measured(host, 'mark', () => door.run((c) => markIssues(c, template, issues, { notes: true, areas: true })));
  const clear = await measured(host, 'clear', () => door.run((c) => clearMarks(c, { areas: true })));
  const largest = Math.max(mark.maxRequestBytes, clear.maxRequestBytes);
  const pass = largest <= MAX_REQUEST_BYTES && mark.cells === CELLS && clear.cells === CELLS && mark.failed + clear.failed === 0;
  console.log(`  ${pass ? 'PASS' : 'FAIL'} largest request ${mb(largest)} (budget ${mb(MAX_REQUEST_BYTES)})`);
  const cheaper = clear.syncs <= mark.syncs && clear.seconds <= mark.seconds;
  console.log(
    `  ${cheaper ? 'PASS' : 'FAIL'} clearing ${clear.syncs} syncs, ${clear.seconds.toFixed(1)} s; marking ${mark.syncs} syncs, ${mark.seconds.toFixed(1)} s (budget: clearing no more than marking)`,
  );
  const live = await benchLivePaste();
  return pass && cheaper && live;
}

if (require.main === module) {
  benchMarks().then(
    (pass) => {
      if (!pass) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
