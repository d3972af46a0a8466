// One end-to-end import of a generated template: the Excel side on the Excel host (Microsoft's library, in-memory workbook), the
// portal side through the real HTTP server. Each stage is measured on its own.
import { runImport } from '../../src/api';
import { checkRows, COMMENTS, type ClientRow, type FirmRules, type Issue, type ReportRow } from '../../src/domain';
import { createExcelDoor, findTemplate, markIssues, readClientRows, writeExceptionSheet, type TemplateLocation } from '../../src/excel';
import { createExcelHost, type ExcelHost } from '../../test/excel-host';
import { BENCH_FIRM, benchSheet, HEADER_ROW } from './bench-sheet';
import { connectClients, createBenchFirm, portalClient } from './bench-portal';
import { measuredFetch, newWireStats } from './measured-fetch';
import { clientSideCost, type TimeSplit } from './time-split';

export type StageName = 'find+read' | 'check' | 'submit' | 'write report';

export interface StageFigures {
  stage: StageName;
  ms: number;
  syncs: number;
  /** Excel stages: largest sync request/response; submit: largest HTTP body sent/received. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  rowsPerSecond: number;
}

export interface E2EFigures {
  rows: number;
  stages: StageFigures[];
  totalMs: number;
  excelSyncs: number;
  excelMaxRequestBytes: number;
  counts: { rows: number; imported: number; rejected: number };
  issues: number;
  /** Submit split: create + batches + complete (the import itself) and the report download. */
  importMs: number;
  reportDownloadMs: number;
  /** Where the import's time went (see time-split.ts). */
  split: TimeSplit;
  readRows: ClientRow[];
}

const rps = (rows: number, ms: number) => Math.round((rows / Math.max(ms, 1e-3)) * 1000);

export async function excelStage(fake: ExcelHost, stage: StageName, rows: number, work: () => Promise<void>): Promise<StageFigures> {
  fake.resetStats();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const s = fake.stats;
  if (s.failedSyncs > 0) throw new Error(`${stage}: ${s.failedSyncs} failed syncs`);
  return { stage, ms, syncs: s.syncs, maxRequestBytes: s.maxRequestBytes, maxResponseBytes: s.maxResponseBytes, rowsPerSecond: rps(rows, ms) };
}

export async function runEndToEnd(baseUrl: string, size: number): Promise<E2EFigures> {
  const sheet = benchSheet(size);
  const firm = await createBenchFirm(baseUrl, `Bench ${size}`);
  await connectClients(portalClient(baseUrl, firm.token), sheet.connectedIds);
  const rules: FirmRules = BENCH_FIRM;

  const fake = createExcelHost();
  fake.addSheet('Clients', sheet.cells, { activate: true });
  const door = createExcelDoor({ run: fake.run, isSetSupported: () => true });
  let template!: TemplateLocation;
  let rows: ClientRow[] = [];
  let issues: Issue[] = [];
  let report: ReportRow[] = [];
  let counts = { rows: 0, imported: 0, rejected: 0 };

  const read = await excelStage(fake, 'find+read', size, () =>
    door.run(async (context) => {
      const found = await findTemplate(context);
      if (!found.found) throw new Error(`bench template not found: missing ${found.missing.map((c) => c.header).join(', ')}`);
      template = found;
      rows = await readClientRows(context, found);
    }),
  );
  if (rows.length !== size || template.headerRow !== HEADER_ROW) throw new Error(`read ${rows.length} of ${size} rows (header on row ${template.headerRow})`);

  const check = await excelStage(fake, 'check', size, () =>
    door.run(async (context) => {
      issues = checkRows(rows, rules);
      await markIssues(context, template, issues, { notes: true, areas: true });
    }),
  );

  const wire = newWireStats();
  const client = portalClient(baseUrl, firm.token, measuredFetch(wire));
  const submitStarted = performance.now();
  const outcome = await runImport(client, { rows, source: 'bench' });
  const submitMs = performance.now() - submitStarted;
  report = outcome.report;
  counts = outcome.counts;
  const submit: StageFigures = {
    stage: 'submit',
    ms: submitMs,
    syncs: 0,
    maxRequestBytes: wire.maxRequestBytes,
    maxResponseBytes: wire.maxResponseBytes,
    rowsPerSecond: rps(size, submitMs),
  };

  const write = await excelStage(fake, 'write report', size, () =>
    door.run(async (context) => {
      await writeExceptionSheet(
        context,
        { importId: 'bench', rows: report },
        { sheetName: template.sheetName, linkColumn: template.columns.taxClientId ?? 0 },
        { areas: true },
      );
    }),
  );

  verify(sheet, report, counts, size);
  const stages = [read, check, submit, write];
  const excel = [read, check, write];
  return {
    rows: size,
    stages,
    totalMs: stages.reduce((t, s) => t + s.ms, 0),
    excelSyncs: excel.reduce((t, s) => t + s.syncs, 0),
    excelMaxRequestBytes: Math.max(...excel.map((s) => s.maxRequestBytes)),
    counts,
    issues: issues.length,
    importMs: submitMs - wire.ms.report,
    reportDownloadMs: wire.ms.report,
    split: {
      server: wire.server,
      batchesWallMs: wire.batchSpan.end - wire.batchSpan.start,
      edgesMs: { beforeFirstBatch: wire.batchSpan.start - submitStarted, afterLastBatch: submitStarted + submitMs - wire.batchSpan.end },
      client: clientSideCost(rows),
    },
    readRows: rows,
  };
}

/** A fast bench that gets the answer wrong is no bench: the outcome must be exactly what the sheet implies. */
function verify(sheet: ReturnType<typeof benchSheet>, report: ReportRow[], counts: E2EFigures['counts'], size: number): void {
  const rejected = sheet.invalidRows + sheet.duplicateRows + sheet.connectedRows;
  const connected = report.filter((r) => r.comment === COMMENTS.connectedExists).length;
  const ascending = report.every((r, i) => i === 0 || r.row > report[i - 1].row);
  if (report.length !== size || !ascending) throw new Error(`report has ${report.length} rows for ${size} (ascending: ${ascending})`);
  if (counts.rows !== size || counts.rejected !== rejected || counts.imported !== size - rejected) {
    throw new Error(`counts ${JSON.stringify(counts)}, expected ${rejected} rejected of ${size}`);
  }
  if (connected !== sheet.connectedRows) throw new Error(`${connected} rows carry the connected comment, expected ${sheet.connectedRows}`);
}
