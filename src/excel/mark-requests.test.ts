import { createExcelHost } from '../../test/excel-host';
import { invalidCells, MESSAGES } from '../../test/fixtures/excel/invalid-cells';
import { templateRows } from '../../test/fixtures/excel/client-sheet';
import { clearMarks, markIssues, markTargets, planMarks } from './cell-marks';
import { MAX_REQUEST_BYTES } from './chunking';

// Marking and clearing on the Excel host: the bodies are the real library's, weighed as sent. Three
// chunks of the size 100,000 cells are cut into, with object-path ids of seven digits as late in a
// run of 100,000 cells (ids are numbered per context and written in every path and action).
const CELLS = 8_000;
const LATE_IDS = 2_000_000;

describe('request sizes of marking and clearing (real office-js requests)', () => {
  it('cuts 100,000 invalid cells into requests of the same size as these', () => {
    const { template, issues } = invalidCells('Clients', 100_000, [MESSAGES[1]]);
    const plan = planMarks('Clients', markTargets(template, issues), new Set(), true);
    const small = invalidCells('Clients', CELLS, [MESSAGES[1]]);
    const here = planMarks('Clients', markTargets(small.template, small.issues), new Set(), true);
    expect(plan.chunks.length).toBeGreaterThan(20);
    expect(Math.max(...here.chunks.map((c) => c.count))).toBe(Math.max(...plan.chunks.map((c) => c.count)));
  });

  it.each([false, true])('keeps every request under 5 MB, with notes, late in a long run (areas: %s)', async (areas) => {
    const host = createExcelHost();
    host.addSheet('Clients', templateRows(CELLS), { activate: true });
    // Fills in address lists make a cell's marking request about a third as heavy: more cells to fill one.
    const { template, issues } = invalidCells('Clients', areas ? 3 * CELLS : CELLS, [MESSAGES[1]]);
    const cells = issues.length;
    const context = host.context;
    // The library's own id counter (ClientRequestContextBase.m_nextId).
    (context as unknown as { m_nextId: number }).m_nextId = LATE_IDS;
    host.resetStats();
    expect(await markIssues(context, template, issues, { notes: true, areas })).toBe(cells);
    const marking = host.stats.maxRequestBytes;
    host.resetStats();
    expect(await clearMarks(context, { areas })).toBe(cells);
    const clearing = host.stats.maxRequestBytes;
    // Full requests, under the limit: the byte estimate is neither over nor wildly cautious.
    expect({ marking: marking > MAX_REQUEST_BYTES / 2, clearing: clearing > MAX_REQUEST_BYTES / 2 }).toEqual({ marking: true, clearing: true });
    expect(Math.max(marking, clearing)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });
});

describe('marking inside Excel.run', () => {
  // Excel.run tracks every Range made inside it and, when the batch ends, releases them all in one
  // last request: per-cell ranges left tracked made that request about 230 bytes a cell (over 5 MB
  // past ~23,000 cells) and the library's clean-up quadratic in the cells.
  it('sends no request over 5 MB, the closing clean-up included, for 25,000 cells', async () => {
    const cells = 25_000;
    const host = createExcelHost();
    host.addSheet('Clients', templateRows(cells), { activate: true });
    const { template, issues } = invalidCells('Clients', cells, [MESSAGES[0]]);
    host.resetStats();
    expect(await host.run((context) => markIssues(context, template, issues, { notes: true }))).toBe(cells);
    expect(await host.run((context) => clearMarks(context))).toBe(cells);
    expect(host.stats.failedSyncs).toBe(0);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });
});
