// The add-in's whole sheet path on the Excel host, through the real src/excel functions:
// find the template, read rows, check and mark them, decide each row (§4, empty portal) and
// write the exception sheet. Also the oracle: which sheet rows hold anything at all.
import {
  checkRows,
  cleanCell,
  decideRow,
  firstRowsOfDuplicates,
  toRowResult,
  type ClientRow,
  type FirmRules,
  type Issue,
  type ReportRow,
} from '../../../src/domain';
import {
  createExcelDoor,
  findTemplate,
  markIssues,
  readClientRows,
  writeExceptionSheet,
  type ExceptionSheetResult,
  type TemplateLocation,
  type TemplateSearch,
} from '../../../src/excel';
import { createExcelHost, type ExcelHost, type ExcelHostOptions, type SheetHandle } from '../../excel-host';
import type { HostileSheet } from './hostile-sheet';

export const SHEET = 'Clients';
export const FIRM: FirmRules = {
  offlineClientsEnabled: true,
  owners: ['owner@firm.test', 'partner@firm.test'],
  offices: ['Main Office', 'North'],
  users: ['owner@firm.test', 'partner@firm.test'],
};

/** `options`: the host's locale and platform (en-US on the web unless said). */
export function seeded(sheet: HostileSheet, options: ExcelHostOptions = {}): { fake: ExcelHost; source: SheetHandle } {
  const fake = createExcelHost(options);
  const source = fake.addSheet(SHEET, sheet.cells, { startRow: sheet.startRow, startColumn: sheet.startColumn, activate: true });
  for (const range of sheet.merges) source.merge(range);
  return { fake, source };
}

export type PipelineResult =
  | { found: false; search: Extract<TemplateSearch, { found: false }> }
  | { found: true; template: TemplateLocation; rows: ClientRow[]; issues: Issue[]; report: ReportRow[]; written: ExceptionSheetResult };

/** Decides every row as the portal would for a firm with no clients yet. */
export function decideAll(rows: readonly ClientRow[], firm: FirmRules = FIRM): ReportRow[] {
  const firstRows = firstRowsOfDuplicates(rows);
  return rows.map((row) => ({
    ...row,
    ...toRowResult(
      row,
      decideRow(row, {
        firm,
        sendInvitations: false,
        firstRowWithSameId: firstRows.get(row.row) ?? null,
        existing: { standard: null, offline: null },
        emailConflict: null,
      }),
    ),
  }));
}

/** `areas`: fill marks and rejected rows through Worksheet.getRanges address lists (ExcelApi 1.9). */
export async function runPipeline(fake: ExcelHost, { areas = false }: { areas?: boolean } = {}): Promise<PipelineResult> {
  const door = createExcelDoor({ run: fake.run, isSetSupported: () => true, sleep: async () => undefined });
  const search = await door.run((context) => findTemplate(context));
  if (!search.found) return { found: false, search };
  const template: TemplateLocation = search;
  const rows = await door.run((context) => readClientRows(context, template));
  const issues = checkRows(rows, FIRM);
  await door.run((context) => markIssues(context, template, issues, { notes: true, areas }));
  const report = decideAll(rows);
  const written = await door.run((context) =>
    writeExceptionSheet(
      context,
      { importId: 'hostile', rows: report },
      { sheetName: template.sheetName, linkColumn: template.columns.taxClientId ?? 0 },
      { areas },
    ),
  );
  return { found: true, template, rows, issues, report, written };
}

/**
 * Oracle: the 1-based sheet rows below the header that show any non-blank text between the
 * template's leftmost and rightmost columns, read from the fake directly (no adapter involved).
 */
export function nonBlankRows(source: SheetHandle, template: TemplateLocation): number[] {
  const used = source.usedAddress();
  if (used === null) return [];
  const [, col, row] = /^([A-Z]+)(\d+)/.exec(used)!;
  const top = Number(row);
  const left = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const mapped = Object.values(template.columns) as number[];
  const from = Math.min(...mapped) - left;
  const to = Math.max(...mapped) - left;
  const rows: number[] = [];
  source.texts().forEach((cells, i) => {
    const sheetRow = top + i;
    if (sheetRow <= template.headerRow) return;
    if (cells.slice(from, to + 1).some((t) => cleanCell(t) !== '')) rows.push(sheetRow);
  });
  return rows;
}
