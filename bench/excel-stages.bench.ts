// The Excel side of the end-to-end import on its own (no server, no database): find+read, check
// (checkRows + markIssues with notes) and write report (writeExceptionSheet), as in
// support/e2e-run.ts, on the Excel host. The report is built from the rows and their issues as the
// portal would answer (rejected rows carry their comment), so the exception sheet has the same shape.
// Prints per-stage times, syncs and the largest request/response; asserts no timing.
// `npx tsx bench/excel-stages.bench.ts` (BENCH_SIZES=100000 by default, BENCH_REPEAT=1).
import os from 'node:os';
import { checkRows, rowComment, type ClientRow, type Issue, type ReportRow } from '../src/domain';
import { createExcelDoor, findTemplate, markIssues, readClientRows, writeExceptionSheet, type TemplateLocation } from '../src/excel';
import { MAX_REQUEST_BYTES } from '../src/excel/chunking';
import { createExcelHost } from '../test/excel-host';
import { BENCH_FIRM, benchSheet } from './support/bench-sheet';
import { excelStage, type StageFigures } from './support/e2e-run';

const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const SYNC_BUDGET = 30;

/** What the portal would answer for rows checked locally: rows with issues rejected with their comment, the rest imported. */
function reportOf(rows: readonly ClientRow[], issues: readonly Issue[]): ReportRow[] {
  const byRow = new Map<number, Issue[]>();
  for (const i of issues) byRow.set(i.row, [...(byRow.get(i.row) ?? []), i]);
  return rows.map((r) => {
    const found = byRow.get(r.row);
    return found === undefined
      ? { ...r, outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' }
      : { ...r, outcome: 'rejected', kind: null, status: null, comment: rowComment(found) };
  });
}

async function excelStages(size: number): Promise<StageFigures[]> {
  const host = createExcelHost();
  host.addSheet('Clients', benchSheet(size).cells, { activate: true });
  const door = createExcelDoor({ run: host.run, isSetSupported: () => true });
  let template!: TemplateLocation;
  let rows: ClientRow[] = [];
  let issues: Issue[] = [];
  const read = await excelStage(host, 'find+read', size, () =>
    door.run(async (context) => {
      const found = await findTemplate(context);
      if (!found.found) throw new Error('bench template not found');
      template = found;
      rows = await readClientRows(context, found);
    }),
  );
  if (rows.length !== size) throw new Error(`read ${rows.length} of ${size} rows`);
  const check = await excelStage(host, 'check', size, () =>
    door.run(async (context) => {
      issues = checkRows(rows, BENCH_FIRM);
      await markIssues(context, template, issues, { notes: true, areas: true });
    }),
  );
  const report = reportOf(rows, issues);
  const write = await excelStage(host, 'write report', size, () =>
    door.run(async (context) => {
      await writeExceptionSheet(
        context,
        { importId: 'bench', rows: report },
        { sheetName: template.sheetName, linkColumn: template.columns.taxClientId ?? 0 },
        { areas: true },
      );
    }),
  );
  return [read, check, write];
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

async function main(): Promise<boolean> {
  console.log(`Excel stages of the import (node ${process.version}, load ${os.loadavg()[0].toFixed(1)})`);
  let pass = true;
  for (const size of SIZES) {
    for (let n = 0; n < REPEAT; n++) {
      const stages = await excelStages(size);
      for (const s of stages) {
        console.log(
          `  ${size} rows  ${s.stage.padEnd(12)} ${(s.ms / 1000).toFixed(2)} s  ${String(s.syncs).padStart(2)} syncs  largest request ${mb(s.maxRequestBytes)}, response ${mb(s.maxResponseBytes)}`,
        );
      }
      const syncs = stages.reduce((t, s) => t + s.syncs, 0);
      const largest = Math.max(...stages.flatMap((s) => [s.maxRequestBytes, s.maxResponseBytes]));
      const ms = stages.reduce((t, s) => t + s.ms, 0);
      const ok = syncs <= SYNC_BUDGET && largest <= MAX_REQUEST_BYTES;
      pass &&= ok;
      console.log(
        `  ${size} rows  total        ${(ms / 1000).toFixed(2)} s  ${syncs} syncs (budget ${SYNC_BUDGET}), largest body ${mb(largest)}  ${ok ? 'PASS' : 'FAIL'}`,
      );
    }
  }
  return pass;
}

main().then(
  (pass) => {
    if (!pass) process.exitCode = 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
