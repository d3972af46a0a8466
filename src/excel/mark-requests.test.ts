import { invalidCells, LATE_IDS, MESSAGES } from '../../test/fixtures/excel/invalid-cells';
import { createExcelHost } from '../../test/excel-host';
import { markTargets, planMarks } from './cell-marks';
import { MAX_REQUEST_BYTES, chunkByCost } from './chunking';
import { queueRestores } from './mark-clearing';
import { MARKS_RECORD, RECORD_FIRST_ROW, clearCost, queueFillProbes, queueMarks, type CellMark } from './mark-requests';

// The requests are built by Microsoft's own excel-web library and weighed by the Excel host as Excel on
// the web receives them, with object-path ids of seven digits as late in a long run.
const SHEET = 'Client list for import 2026';
// The longest message the checks write, on every row: 100,000 invalid cells.
const { template, issues } = invalidCells(SHEET, 100_000, [MESSAGES[1]]);

/** The size of the request `queue` makes, as the host receives it; what the request then does is not weighed here. */
async function requestBytes(queue: (context: Excel.RequestContext) => void): Promise<number> {
  const host = createExcelHost();
  host.addSheet(SHEET);
  host.addSheet(MARKS_RECORD.names[0]);
  // The library's own id counter (ClientRequestContextBase.m_nextId).
  const context = host.context as Excel.RequestContext & { m_nextId: number };
  context.m_nextId = LATE_IDS;
  queue(context);
  await context.sync().catch(() => undefined);
  return host.stats.maxRequestBytes;
}

function largest<T extends { count: number }>(chunks: readonly T[]): T {
  return chunks.reduce((a, b) => (b.count > a.count ? b : a));
}

describe('request sizes of marking and clearing 100,000 invalid cells (real office-js requests)', () => {
  const targets = markTargets(template, issues);
  const plan = planMarks(SHEET, targets, new Set(), true);
  const chunk = largest(plan.chunks);
  const addresses = targets.slice(chunk.start, chunk.start + chunk.count).map((t) => t.address);
  const marks: CellMark[] = addresses.map((address) => ({ sheetName: SHEET, address, before: '#FFFF00', annotation: 'note' }));

  it('plans more than one request and none above 5 MB for the look-up', async () => {
    expect(plan.chunks.length).toBeGreaterThan(1);
    const bytes = await requestBytes((context) => void queueFillProbes(context.workbook.worksheets.getItem(SHEET), addresses, () => true));
    expect(bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it('keeps the marking request (record, fills, notes) of the largest chunk under 5 MB', async () => {
    const bytes = await requestBytes((context) => {
      const sheets = context.workbook.worksheets;
      queueMarks(
        sheets.getItem(SHEET),
        sheets.getItem(MARKS_RECORD.names[0]),
        RECORD_FIRST_ROW + chunk.start,
        marks,
        chunk.start >= 0 ? plan.notes.slice(chunk.start, chunk.start + chunk.count) : [],
      );
    });
    expect(bytes).toBeGreaterThan(MAX_REQUEST_BYTES / 2); // the estimate is not wildly cautious either
    expect(bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it('keeps the clearing requests (look-up, then fills and notes put back) under 5 MB', async () => {
    const all: CellMark[] = targets.map((t) => ({ sheetName: SHEET, address: t.address, before: '#FFFF00', annotation: 'note' }));
    const clear = largest(chunkByCost(all, clearCost));
    const part = all.slice(clear.start, clear.start + clear.count);
    const lookUp = await requestBytes(
      (context) =>
        void queueFillProbes(
          context.workbook.worksheets.getItem(SHEET),
          part.map((m) => m.address),
          () => true,
        ),
    );
    expect(lookUp).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const put = await requestBytes((context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      queueRestores(
        () => sheet,
        part.map((mark) => ({ mark, refill: true, dropNote: true })),
      );
    });
    expect(put).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });
});
