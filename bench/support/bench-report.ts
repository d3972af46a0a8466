// Turns a bench run into the printed tables, the §8 budget verdicts and the saved JSON.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { E2EFigures } from './e2e-run';
import { printSplit } from './time-split';

export interface SizeRun {
  database: 'pglite' | 'postgres';
  e2e: Omit<E2EFigures, 'readRows'>;
  bare: { ms: number; rowsPerSecond: number };
  /** Import rows/s (create + batches + complete, as bench:server measures) over bare unnest rows/s; §8 wants ≥ 0.6. */
  ratio: number;
  /** The same with the whole submit stage, report download included. */
  submitRatio: number;
  /** When the size was run several times: every run's ratio, in run order (this run is the median one). */
  ratios?: number[];
}

/** One 100k import through a round-robin balancer to one server and to two (DESIGN §8 scale-out). */
export interface ScaleOut {
  database: 'pglite' | 'postgres';
  oneMs: number;
  twoMs: number;
}

/** DESIGN §8: two servers behind a round-robin balancer take at most 1.3× one server's time. */
export const MAX_SCALE_OUT = 1.3;

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  pass: boolean;
}

const MB5 = 5 * 1024 * 1024;
/** DESIGN §8: 100,000 rows end to end under 8 s, on either database. */
export const E2E_100K_MS = 8_000;
/** DESIGN §8: import rate at least 0.6 of the bare unnest insert, on either database. */
export const MIN_RATIO = 0.6;

const rateOf = (rows: number, ms: number) => Math.round((rows / Math.max(ms, 1e-3)) * 1000);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function printRun(run: SizeRun): void {
  const { e2e, bare } = run;
  console.log(
    `\n${run.database} · ${e2e.rows.toLocaleString('en-US')} rows × 11 columns · ${e2e.counts.imported} imported, ${e2e.counts.rejected} rejected, ${e2e.issues} issues marked`,
  );
  console.log('  stage         wall time   syncs  largest request  largest response    rows/s');
  for (const s of e2e.stages) {
    console.log(
      `  ${s.stage.padEnd(12)} ${secs(s.ms).padStart(10)} ${String(s.syncs).padStart(7)} ${kb(s.maxRequestBytes).padStart(16)} ${kb(s.maxResponseBytes).padStart(17)} ${String(s.rowsPerSecond).padStart(9)}`,
    );
  }
  console.log(`  ${'total'.padEnd(12)} ${secs(e2e.totalMs).padStart(10)} ${String(e2e.excelSyncs).padStart(7)}   (Excel syncs in all)`);
  console.log(`  submit = import ${secs(e2e.importMs)} (${rateOf(e2e.rows, e2e.importMs)} rows/s) + report download ${secs(e2e.reportDownloadMs)}`);
  console.log(
    `  bare INSERT … SELECT FROM unnest(…), batches of 1000: ${bare.rowsPerSecond} rows/s (${secs(bare.ms)}); import/bare = ${run.ratio.toFixed(2)}, whole submit/bare = ${run.submitRatio.toFixed(2)}`,
  );
  printSplit(e2e.split);
}

export function budgets(runs: readonly SizeRun[], scale: readonly ScaleOut[] = []): Budget[] {
  const out: Budget[] = [];
  for (const s of scale) {
    const ratio = s.twoMs / s.oneMs;
    out.push({
      name: `${s.database}: round robin, two servers / one, 100k`,
      limit: `≤ ${MAX_SCALE_OUT}`,
      measured: ratio.toFixed(2),
      pass: ratio <= MAX_SCALE_OUT,
    });
  }
  for (const run of runs.filter((r) => r.e2e.rows === 100_000)) {
    const { e2e } = run;
    const excelResponse = Math.max(...e2e.stages.filter((s) => s.stage !== 'submit').map((s) => s.maxResponseBytes));
    out.push({ name: `${run.database}: Excel syncs, 100k rows`, limit: '≤ 30', measured: String(e2e.excelSyncs), pass: e2e.excelSyncs <= 30 });
    out.push({
      name: `${run.database}: largest Excel request/response, 100k`,
      limit: '≤ 5 MB',
      measured: `${kb(e2e.excelMaxRequestBytes)} / ${kb(excelResponse)}`,
      pass: e2e.excelMaxRequestBytes <= MB5 && excelResponse <= MB5,
    });
    out.push({
      name: `${run.database}: import rate / bare unnest, 100k`,
      limit: `≥ ${MIN_RATIO}`,
      measured: run.ratio.toFixed(2),
      pass: run.ratio >= MIN_RATIO,
    });
    out.push({ name: `${run.database}: 100k rows end to end`, limit: `< ${secs(E2E_100K_MS)}`, measured: secs(e2e.totalMs), pass: e2e.totalMs < E2E_100K_MS });
  }
  return out;
}

export function printBudgets(list: readonly Budget[]): void {
  console.log('\nDESIGN §8 budgets');
  for (const b of list) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name.padEnd(44)} ${b.measured.padStart(18)}   budget ${b.limit}`);
}

/** bench/results/latest.json (all figures, not committed) and one line appended to bench/history.jsonl (committed). */
export function saveResults(benchDir: string, meta: Record<string, unknown>, runs: readonly SizeRun[], list: readonly Budget[]): void {
  mkdirSync(path.join(benchDir, 'results'), { recursive: true });
  writeFileSync(path.join(benchDir, 'results', 'latest.json'), JSON.stringify({ ...meta, runs, budgets: list }, null, 2) + '\n');
  const summary = {
    ...meta,
    runs: runs.map((r) => ({
      db: r.database,
      rows: r.e2e.rows,
      totalS: +(r.e2e.totalMs / 1000).toFixed(2),
      syncs: r.e2e.excelSyncs,
      stagesS: Object.fromEntries(r.e2e.stages.map((s) => [s.stage, +(s.ms / 1000).toFixed(2)])),
      submitRps: r.e2e.stages.find((s) => s.stage === 'submit')!.rowsPerSecond,
      importRps: rateOf(r.e2e.rows, r.e2e.importMs),
      bareRps: r.bare.rowsPerSecond,
      ratio: +r.ratio.toFixed(2),
      ...(r.ratios ? { ratios: r.ratios.map((x) => +x.toFixed(2)) } : {}),
      submitRatio: +r.submitRatio.toFixed(2),
      serverMs: Object.fromEntries(Object.entries(r.e2e.split.server).map(([k, v]) => [k, Math.round(v)])),
    })),
    budgetsPassed: list.every((b) => b.pass),
  };
  appendFileSync(path.join(benchDir, 'history.jsonl'), JSON.stringify(summary) + '\n');
}
