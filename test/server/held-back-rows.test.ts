import ExcelJS from 'exceljs';
import { CancelledError, createPortalClient, runImport, type FetchLike, type ImportState, type PortalClient } from '../../src/api';
import { holdBackUnknowable } from '../../src/taskpane/hooks/held-back';
import { readTemplateXlsx } from '../../src/taskpane/xlsx/template-reader';
import { excelLikeXlsx } from '../xlsx-writers/excel-like-xlsx';
import type { CellSpec, WorkbookSpec } from '../xlsx-writers/workbook-spec';
import { build, createFirm, OFFICE, OWNER, type TestApp, type TestFirm } from './build';
import { DIALECTS } from './dialects';

// Held-back rows (a dropped file's formula whose result the file cannot vouch for) reach the portal as
// rejected rows with their comment, so every report lists every row of the file, in row order: the
// report, the .xlsx download, History's counts, and the counts of an import cancelled part-way.

const ROWS = 1500; // more than one batch (at most 1,000 rows)
const HELD_BACK = [3, 10, 1400];
const COMMENT = 'Taxpayer Last Name is a formula with no result saved in the file: open the file in Excel, save it and drop it again';

function droppedFile(): WorkbookSpec {
  const text = (ref: string, value: string): CellSpec => ({ ref, kind: 'string', value });
  const cells: CellSpec[] = ['Tax Client ID', 'First Name', 'Last Name', 'Owner', 'Office'].map((h, i) => text(`${'ABCDE'[i]}1`, h));
  for (let r = 2; r <= ROWS + 1; r += 1) {
    cells.push(text(`A${r}`, `ID-${r}`), text(`B${r}`, `First${r}`), text(`D${r}`, OWNER), text(`E${r}`, OFFICE));
    // Saved without a result, as scripts write formulas.
    cells.push(HELD_BACK.includes(r) ? { ref: `C${r}`, kind: 'formula', value: `B${r}&"son"` } : text(`C${r}`, `Last${r}`));
  }
  return { sheets: [{ name: 'Clients', cells }], active: 0 };
}

/** The pane's HTTP client, answered by the app in this process. */
function clientOf(t: TestApp, firm: TestFirm): PortalClient {
  const fetch: FetchLike = async (url, init = {}) => {
    const res = await t.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: new URL(url).pathname,
      headers: init.headers as Record<string, string>,
      payload: init.body as string | undefined,
    });
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: res.headers as Record<string, string>,
    });
  };
  return createPortalClient({ baseUrl: 'http://portal.test', token: firm.token, fetch });
}

describe.each(DIALECTS)('a dropped file with held-back rows, imported on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let client: PortalClient;
  let rows: Awaited<ReturnType<typeof readRows>>;
  const readRows = async () => {
    const file = await readTemplateXlsx(excelLikeXlsx(droppedFile()));
    return holdBackUnknowable(file.rows, file.issues);
  };
  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app);
    client = clientOf(t, firm);
    rows = await readRows();
  });
  afterAll(() => t?.close());

  it('every report lists every row in row order, the held-back ones rejected with their comment', async () => {
    const outcome = await runImport(client, { rows, source: 'file:clients.xlsx' });
    expect(outcome.counts).toEqual({ rows: ROWS, imported: ROWS - HELD_BACK.length, rejected: HELD_BACK.length });

    const report = (await client.report(outcome.importId)).map((r) => r.row);
    expect(report).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    const rejected = (await client.report(outcome.importId)).filter((r) => r.outcome === 'rejected');
    expect(rejected.map((r) => [r.row, r.comment])).toEqual(HELD_BACK.map((row) => [row, COMMENT]));

    // The .xlsx download (built by the portal).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await client.reportXlsx(outcome.importId));
    const sheet = workbook.getWorksheet('Import Exceptions')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rowColumn = header.indexOf('Row') + 1;
    const commentColumn = header.indexOf('Comment') + 1;
    const listed: [number, string][] = [];
    sheet.eachRow((line, n) => {
      if (n > 1) listed.push([Number(line.getCell(rowColumn).value), String(line.getCell(commentColumn).value ?? '')]);
    });
    expect(listed.map(([row]) => row)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(listed.filter(([, comment]) => comment !== '')).toEqual(HELD_BACK.map((row) => [row, COMMENT]));

    // History.
    const { imports } = await client.imports({});
    expect(imports.find((i) => i.id === outcome.importId)?.counts).toEqual(outcome.counts);
  });

  it('the counts after a Cancel part-way include the held-back rows of the batches answered', async () => {
    const fresh = clientOf(t, await createFirm(t.app)); // the first test's firm has these clients already
    const abort = new AbortController();
    let saved: ImportState | null = null;
    const run = runImport(fresh, {
      rows,
      source: 'file:clients.xlsx',
      inFlight: 1,
      signal: abort.signal,
      onState: (state) => {
        saved = state;
        if (state.doneSeqs.length > 0) abort.abort(); // Cancel once the first batch is answered
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    const state = saved as ImportState | null;
    const answered = state!.counts.rows;
    expect(answered).toBeGreaterThan(10);
    expect(answered).toBeLessThan(ROWS);
    const inAnswered = HELD_BACK.filter((row) => row - 1 <= answered).length;
    expect(state!.counts).toEqual({ rows: answered, imported: answered - inAnswered, rejected: inAnswered });
    expect((await fresh.getImport(state!.importId)).counts).toEqual(state!.counts);
    const report = await fresh.report(state!.importId);
    expect(report.map((r) => r.row)).toEqual(Array.from({ length: answered }, (_, i) => i + 2));
  });
});
