// Part of `npm run bench`: Check marking and then clearing 100,000 invalid cells (DESIGN §8: no
// request over 5 MB, also when marking 100,000 invalid cells). The run goes on the Excel host, so
// its syncs and its largest request and response are the bodies Microsoft's own excel-web library
// sent and the host answered.
import { TEMPLATE_COLUMNS } from '../src/domain';
import { clearMarks, createExcelDoor, markIssues } from '../src/excel';
import { MAX_REQUEST_BYTES } from '../src/excel/chunking';
import { createExcelHost, type ExcelHost, type SeedCell } from '../test/excel-host';
import { invalidCells } from '../test/fixtures/excel/invalid-cells';

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
  return { cells, maxRequestBytes: s.maxRequestBytes, failed: s.failedSyncs };
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
  return pass;
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
