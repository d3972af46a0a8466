// The marks bench (issue 9): markIssues on 100,000 invalid cells and clearMarks after, on the Excel
// host, so the figures are the real library's request and response bodies. Excel only: no server.
import type { Issue } from '../../src/domain';
import { clearMarks, createExcelDoor, findTemplate, markIssues, type TemplateLocation } from '../../src/excel';
import { MAX_REQUEST_BYTES } from '../../src/excel/chunking';
import { createExcelHost, type ExcelHost } from '../../test/excel-host';
import { benchSheet } from './bench-sheet';

export interface MarksStage {
  stage: 'mark' | 'clear';
  cells: number;
  ms: number;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  error?: string;
}

async function stage(host: ExcelHost, name: MarksStage['stage'], work: () => Promise<number>): Promise<MarksStage> {
  host.resetStats();
  const started = performance.now();
  let cells = 0;
  let error: string | undefined;
  try {
    cells = await work();
  } catch (e) {
    error = `${(e as { code?: string }).code ?? 'error'}: ${(e as Error).message}`;
  }
  const s = host.stats;
  return {
    stage: name,
    cells,
    ms: performance.now() - started,
    syncs: s.syncs,
    maxRequestBytes: s.maxRequestBytes,
    maxResponseBytes: s.maxResponseBytes,
    error,
  };
}

/** One issue on the email cell of each of the first `cells` data rows. */
function issuesFor(template: TemplateLocation, cells: number): Issue[] {
  return Array.from(
    { length: cells },
    (_, i) =>
      ({
        row: template.headerRow + 1 + i,
        column: 'Taxpayer Email',
        field: 'email',
        code: 'invalid-email',
        message: 'Taxpayer Email is not an email address.',
        severity: 'error',
      }) as Issue,
  );
}

export async function runMarks(cells: number): Promise<MarksStage[]> {
  const host = createExcelHost();
  host.addSheet('Clients', benchSheet(cells).cells, { activate: true });
  const door = createExcelDoor({ run: host.run, isSetSupported: () => true });
  const template = await door.run(async (context) => {
    const found = await findTemplate(context);
    if (!found.found) throw new Error('marks bench: template not found');
    return found;
  });
  const issues = issuesFor(template, cells);
  const mark = await stage(host, 'mark', () => door.run((context) => markIssues(context, template, issues, { notes: true })));
  const clear = await stage(host, 'clear', () => door.run((context) => clearMarks(context)));
  return [mark, clear];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function printMarks(stages: MarksStage[]): boolean {
  console.log('\nMarks on the Excel host (real library bodies): markIssues then clearMarks');
  for (const s of stages) {
    const over = s.maxRequestBytes > MAX_REQUEST_BYTES ? '  OVER 5 MB' : '';
    console.log(
      `  ${s.stage.padEnd(5)} ${String(s.cells).padStart(7)} cells  ${(s.ms / 1000).toFixed(1).padStart(6)} s  ${String(s.syncs).padStart(4)} syncs  ` +
        `largest request ${mb(s.maxRequestBytes)}, response ${mb(s.maxResponseBytes)}${over}${s.error ? `  FAILED ${s.error}` : ''}`,
    );
  }
  return stages.every((s) => !s.error && s.maxRequestBytes <= MAX_REQUEST_BYTES);
}
