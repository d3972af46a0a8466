import type { ReportRow } from '../domain';
import { BYTES_PER_OPERATION, chunkByCost, jsonBytes, rowRuns } from './chunking';
import { addHelperSheet, deleteHelperSheet } from './helper-sheets';
import { areaBytes, fillRanges, formatAsText, probeListSeparator, untracked } from './lean-requests';
import { findReportSheets, REPORT_SIGNATURE_ADDRESS, reportSignature } from './report-sheets';
import { queueRowLinks, type RowLinks } from './row-links';
import { cellAddress, quoteSheetName } from './sheet-address';

export const EXCEPTION_SHEET = 'Import Exceptions';
export const EXCEPTION_HEADERS = ['Row', 'Tax Client ID', 'First Name', 'Last Name', 'Is Offline', 'Result', 'Comment'] as const;
export const REJECTED_FILL = '#FFC7CE';

export interface ExceptionSource {
  /** The template sheet the rows came from. */
  sheetName: string;
  /** 0-based column the Row links to (the Tax Client ID column). */
  linkColumn: number;
}

/** An import's report: its rows, and the import's id, which the sheet keeps (one report sheet per import). */
export interface ExceptionReport {
  importId: string;
  rows: readonly ReportRow[];
}

export interface ExceptionSheetOptions {
  /** Fill rejected rows a few hundred at a time through Worksheet.getRanges (ExcelApi 1.9); without, one range per run of rows. */
  areas?: boolean;
}

export interface ExceptionSheetResult {
  sheetName: string;
  tableName: string;
  rows: number;
  /** The source's rows moved while the import ran (or since): Row links each client by its Tax Client ID. */
  moved: boolean;
}

const TEXT_COLUMNS = EXCEPTION_HEADERS.length - 1;
/** Right of the table, below the signature: the note that rows moved while the import ran. */
const MOVED_NOTE_ADDRESS = 'I2';

/**
 * Writes the exception report (DESIGN §7) into a new sheet and activates it: an Excel table,
 * Row linking back to the source cell, rejected rows filled, header frozen, columns fitted.
 * Client text goes only into cells formatted as text, so `=1+1` or `-2` stays what was typed;
 * the only formulas are the HYPERLINKs we build from a row number and the sheet name.
 * `source: null` (rows from a dropped file whose sheet is not in this workbook): Row is the plain
 * source row number, since a link would point nowhere. Otherwise the source's ID column is read
 * again first: rows the user inserted, deleted or sorted while the import ran make each Row link to
 * where its Tax Client ID is now, and a note beside the table says so (row-links.ts).
 * Safe to run again: the sheet is signed with the import's id (I1) and stays hidden until its last
 * sync; the import's own earlier report and half-written ones are replaced (report-sheets.ts), so a
 * retry never leaves "Import Exceptions (2)" beside them. One or two syncs to look around (and one per
 * ~4 MB of the source's ID column), then one per ~4 MB of rows.
 */
export async function writeExceptionSheet(
  context: Excel.RequestContext,
  report: ExceptionReport,
  source: ExceptionSource | null,
  options: ExceptionSheetOptions = {},
): Promise<ExceptionSheetResult> {
  const { rows } = report;
  const areas = options.areas ?? false;
  // Table names share one namespace with the workbook's defined names.
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  const definedNames = context.workbook.names.load('items/name');
  // Answered by the search's first sync: where each row is now.
  const linking = source === null ? null : queueRowLinks(context, source, rows);
  const earlier = await findReportSheets(context, report.importId);
  for (const sheet of earlier.replaced) deleteHelperSheet(sheet);
  const links: RowLinks | null = linking === null ? null : await linking();
  const replacedNames = new Set(earlier.replaced.map((s) => s.name));
  const tableName = uniqueTableName([
    ...tables.items.filter((t) => !replacedNames.has(t.worksheet.name)).map((t) => t.name),
    ...definedNames.items.map((n) => n.name),
  ]);
  const names = earlier.ownName === null ? [EXCEPTION_SHEET] : [earlier.ownName, EXCEPTION_SHEET];
  const kind = { names, signature: reportSignature(report.importId), signatureAddress: REPORT_SIGNATURE_ADDRESS };
  const { sheet, name: sheetName } = addHelperSheet(context, kind, earlier.taken);
  sheet.visibility = 'Hidden';
  untracked(sheet.getRangeByIndexes(0, 0, 1, EXCEPTION_HEADERS.length)).values = [[...EXCEPTION_HEADERS]];
  // A cell right of the table, left empty again.
  const learn = areas ? probeListSeparator(sheet.getRangeByIndexes(0, EXCEPTION_HEADERS.length + 2, 1, 1)) : null;
  if (learn !== null) {
    await context.sync();
    learn();
  }

  const cells = rows.map(textCells);
  const rejected = rows.map((r) => r.outcome === 'rejected');
  const indices = rows.map((_, i) => i);
  // Per row: its texts, its HYPERLINK formula, and a fill where a run of rejected rows starts (its address in a list, or its own range).
  const runFill = (i: number) => (!rejected[i] || rejected[i - 1] ? 0 : areas ? areaBytes(rowsAddress(i, 1)) : BYTES_PER_OPERATION);
  const cost = (i: number) => jsonBytes(cells[i]) + 80 + runFill(i);
  const chunks = chunkByCost(indices, cost);
  if (chunks.length === 0) chunks.push({ start: 0, count: 0 });

  for (const [n, chunk] of chunks.entries()) {
    if (chunk.count > 0) {
      const top = 1 + chunk.start; // 0-based sheet row of the chunk's first report row
      const text = untracked(sheet.getRangeByIndexes(top, 1, chunk.count, TEXT_COLUMNS));
      formatAsText(text);
      text.values = cells.slice(chunk.start, chunk.start + chunk.count);
      const rowCells = untracked(sheet.getRangeByIndexes(top, 0, chunk.count, 1));
      const span = indices.slice(chunk.start, chunk.start + chunk.count);
      if (source === null || links === null) rowCells.values = span.map((i) => [rowNumber(rows[i].row)]);
      else rowCells.formulas = span.map((i) => [linkFormula(source, links.rows[i] ?? Number.NaN)]);
      const rejectedRows = indices.slice(chunk.start, chunk.start + chunk.count).filter((i) => rejected[i]);
      const runs = rowRuns(rejectedRows).map((run) => rowsAddress(run.first, run.count));
      fillRanges(sheet, runs, REJECTED_FILL, areas);
    }
    if (n === chunks.length - 1) finish(sheet, tableName, rows.length, links?.moved ? movedNotice(source?.sheetName ?? '') : null);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per row
    await context.sync();
  }
  return { sheetName, tableName, rows: rows.length, moved: links?.moved ?? false };
}

/** Beside the table, when rows moved while the import ran: why Row is not the row the import read. */
function movedNotice(sheetName: string): string {
  return `The sheet ${sheetName} changed while this import ran (rows inserted, deleted, sorted or retyped, or the sheet renamed): each Row links to the row that holds its Tax Client ID now, and is blank where that ID is no longer found there.`;
}

/** The report rows `first` (0-based among the report rows) to `first + count - 1`, across the table: `A2:G4`. */
function rowsAddress(first: number, count: number): string {
  return `${cellAddress(first + 2, 0)}:${cellAddress(first + count + 1, EXCEPTION_HEADERS.length - 1)}`;
}

function textCells(r: ReportRow): string[] {
  return [
    asText(r.taxClientId),
    asText(r.firstName),
    asText(r.lastName),
    asText(r.isOffline),
    r.outcome === 'rejected' ? 'Rejected' : 'Imported',
    asText(r.comment),
  ];
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/** The Row cell without a link: the row number, or blank for a row number that is not one. */
function rowNumber(row: number): number | string {
  return Number.isSafeInteger(row) && row >= 1 ? row : '';
}

/** `=HYPERLINK("#'Clients'!B12",12)`: shows the row number, jumps to the source cell. */
export function linkFormula(source: ExceptionSource, row: number): string {
  if (!Number.isSafeInteger(row) || row < 1) return '';
  const target = `#${quoteSheetName(source.sheetName)}!${cellAddress(row, source.linkColumn)}`;
  return `=HYPERLINK("${target.replace(/"/g, '""')}",${row})`;
}

function uniqueTableName(taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? 'ImportExceptions' : `ImportExceptions${n}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

// Every range here is used only in the request that makes it: untracked, Excel.run's clean-up has nothing to release.
function finish(sheet: Excel.Worksheet, tableName: string, count: number, notice: string | null): void {
  if (notice !== null) {
    const note = untracked(sheet.getRange(MOVED_NOTE_ADDRESS));
    note.numberFormat = [['@']];
    note.values = [[notice]];
  }
  sheet.visibility = 'Visible';
  // A Range, not 'A1:G9': a bare address is taken on the active sheet (TableCollection.add).
  const table = sheet.tables.add(untracked(sheet.getRangeByIndexes(0, 0, count + 1, EXCEPTION_HEADERS.length)), true);
  table.name = tableName;
  untracked(sheet.getRangeByIndexes(0, 0, 1, EXCEPTION_HEADERS.length)).format.font.bold = true;
  sheet.freezePanes.freezeRows(1);
  untracked(sheet.getRangeByIndexes(0, 0, count + 1, EXCEPTION_HEADERS.length)).format.autofitColumns();
  sheet.activate();
}
