// Part of `npm run bench`: Check marking and then clearing 100,000 invalid cells (DESIGN §8: no
// request over 5 MB, also when marking 100,000 invalid cells). The run itself goes on the
// in-memory workbook (wall time, syncs); every request it plans is then rebuilt with Microsoft's
// own excel-web library and weighed as Excel on the web would receive it.
import { TEMPLATE_COLUMNS, type Issue } from '../src/domain';
import { invalidCells, LATE_IDS } from '../test/fixtures/excel/invalid-cells';
import { clearMarks, createExcelDoor, markIssues, type TemplateLocation } from '../src/excel';
import { markTargets, planMarks } from '../src/excel/cell-marks';
import { MAX_REQUEST_BYTES, chunkByCost } from '../src/excel/chunking';
import { queueRestores } from '../src/excel/mark-clearing';
import { MARKS_RECORD, RECORD_FIRST_ROW, clearCost, queueFillProbes, queueMarks, type CellMark } from '../src/excel/mark-requests';
import { createExcelHost, type SeedCell } from '../test/excel-host';
import { recordingContext } from '../test/office-js/recording-context';

const CELLS = Number(process.env.BENCH_MARK_CELLS ?? 100_000);
const SHEET = 'Clients';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

function workbook() {
  const fake = createExcelHost();
  const header = TEMPLATE_COLUMNS.map((c) => c.header);
  const rows: SeedCell[][] = [header, ...Array.from({ length: CELLS }, (_, i) => header.map((_, c) => (c === 3 ? `bad${i}` : `v${i}`)))];
  fake.addSheet(SHEET, rows, { activate: true });
  return { fake, ...invalidCells(SHEET, CELLS) };
}

async function weigh(queue: (context: Excel.RequestContext) => void): Promise<number> {
  const recorder = recordingContext(LATE_IDS);
  queue(recorder.context);
  return recorder.requestBytes();
}

/** The largest real request of each kind that marking and clearing these cells sends. */
async function realRequests(template: TemplateLocation, issues: readonly Issue[]) {
  const targets = markTargets(template, issues);
  const plan = planMarks(SHEET, targets, new Set(), true);
  const largest = { lookUp: 0, mark: 0, clearLookUp: 0, restore: 0, markRequests: plan.chunks.length * 2, clearRequests: 0 };
  for (const chunk of plan.chunks) {
    const part = targets.slice(chunk.start, chunk.start + chunk.count);
    const marks: CellMark[] = part.map((t) => ({ sheetName: SHEET, address: t.address, before: '#FFFF00', annotation: 'note' }));
    largest.lookUp = Math.max(
      largest.lookUp,
      await weigh(
        (c) =>
          void queueFillProbes(
            c.workbook.worksheets.getItem(SHEET),
            marks.map((m) => m.address),
            () => true,
          ),
      ),
    );
    largest.mark = Math.max(
      largest.mark,
      await weigh((c) =>
        queueMarks(
          c.workbook.worksheets.getItem(SHEET),
          c.workbook.worksheets.getItem(MARKS_RECORD.names[0]),
          RECORD_FIRST_ROW + chunk.start,
          marks,
          plan.notes.slice(chunk.start, chunk.start + chunk.count),
        ),
      ),
    );
  }
  const all: CellMark[] = targets.map((t) => ({ sheetName: SHEET, address: t.address, before: '#FFFF00', annotation: 'note' }));
  const clearChunks = chunkByCost(all, clearCost);
  largest.clearRequests = clearChunks.length * 2;
  for (const chunk of clearChunks) {
    const part = all.slice(chunk.start, chunk.start + chunk.count);
    largest.clearLookUp = Math.max(
      largest.clearLookUp,
      await weigh(
        (c) =>
          void queueFillProbes(
            c.workbook.worksheets.getItem(SHEET),
            part.map((m) => m.address),
            () => true,
          ),
      ),
    );
    largest.restore = Math.max(
      largest.restore,
      await weigh((c) => {
        const sheet = c.workbook.worksheets.getItem(SHEET);
        queueRestores(
          () => sheet,
          part.map((mark) => ({ mark, refill: true, dropNote: true })),
        );
      }),
    );
  }
  return largest;
}

export async function benchMarks(): Promise<boolean> {
  console.log(`\nMarking and clearing ${CELLS.toLocaleString('en-US')} invalid cells (notes on)`);
  const { fake, template, issues } = workbook();
  const door = createExcelDoor({ run: fake.run, isSetSupported: () => true });
  let start = performance.now();
  const marked = await door.run((c) => markIssues(c, template, issues, { notes: true }));
  const markMs = performance.now() - start;
  const markSyncs = fake.stats.syncs;
  fake.resetStats();
  start = performance.now();
  const cleared = await door.run((c) => clearMarks(c));
  const clearMs = performance.now() - start;
  const clearSyncs = fake.stats.syncs;
  console.log(`  mark   ${marked} cells in ${(markMs / 1000).toFixed(1)} s, ${markSyncs} syncs (in-memory workbook)`);
  console.log(`  clear  ${cleared} cells in ${(clearMs / 1000).toFixed(1)} s, ${clearSyncs} syncs (in-memory workbook)`);
  const real = await realRequests(template, issues);
  console.log(`  real office-js requests: marking ${real.markRequests}, largest look-up ${mb(real.lookUp)}, largest mark ${mb(real.mark)}`);
  console.log(`                           clearing ${real.clearRequests}, largest look-up ${mb(real.clearLookUp)}, largest restore ${mb(real.restore)}`);
  const largest = Math.max(real.lookUp, real.mark, real.clearLookUp, real.restore);
  const pass = largest <= MAX_REQUEST_BYTES && marked === CELLS && cleared === CELLS;
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
