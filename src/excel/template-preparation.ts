import type { ColumnMap } from '../domain';
import { BYTES_PER_CELL_ESTIMATE, BYTES_PER_OPERATION, CHUNK_BUDGET_BYTES, chunkByCost, chunkRows, rowRuns, rowsPerChunk } from './chunking';
import { untracked } from './lean-requests';
import { cellText } from './cell-text';
import { mayHideDigits } from '../domain';
import { inlineListSource, listsRangeSource, queueListValidation, type ListMessages } from './list-validation';
import { prepareListsSheet } from './lists-sheet';
import { refuseProtectedSheet } from './sheet-protection';
import type { TemplateLocation } from './template-finder';

export interface FirmLists {
  owners: readonly string[];
  offices: readonly string[];
}

export interface PreparationResult {
  /** The template as it is now: Is Offline has a column. */
  template: TemplateLocation;
  addedIsOffline: boolean;
  /** Tax Client IDs Excel held as numbers, rewritten as the text they displayed. */
  idsConvertedToText: number;
  /** Name of the hidden sheet holding long lists, or null when every list fit inline. */
  listsSheet: string | null;
}

/** Rows below the last data row that also get the text format and dropdowns, for clients typed later. */
export const PREPARED_EXTRA_ROWS = 1000;

const MESSAGES = {
  isOffline: { title: 'Is Offline', prompt: 'Yes imports this client as offline; No or blank as standard.', error: 'Choose Yes or No.' },
  owner: { title: 'Owner Email', prompt: 'Choose the firm user who owns this client.', error: "Choose an owner from the firm's list." },
  office: { title: 'Office Location', prompt: "Choose one of the firm's offices.", error: "Choose an office from the firm's list." },
} satisfies Record<string, ListMessages>;

/**
 * Makes a found template ready for typing: Tax Client ID as text (numbers become the text they showed,
 * so 123 shown as 00123 becomes '00123'), Is Offline Yes/No dropdown (column added after the last
 * one when absent), Owner and Office dropdowns from the firm's lists. One sync per ID chunk plus a few;
 * safe to run again (each step rewrites the same cells).
 */
export async function prepareTemplate(context: Excel.RequestContext, template: TemplateLocation, lists: FirmLists): Promise<PreparationResult> {
  await refuseProtectedSheet(context, template.sheetName);
  const listsSheet = await prepareListsFor(context, lists);
  const dataRows = Math.max(0, template.lastRow - template.headerRow);
  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const idsConvertedToText = await convertIdsToText(context, sheet, template.headerRow, template.columns.taxClientId!, dataRows);
  return finishPreparation(context, template, lists, listsSheet, idsConvertedToText);
}

/** Our hidden lists sheet written when a firm list is too long to type into a dropdown; else null. Syncs only then. */
export async function prepareListsFor(context: Excel.RequestContext, lists: FirmLists): Promise<string | null> {
  const needsListsSheet = inlineListSource(lists.owners) === null || inlineListSource(lists.offices) === null;
  return needsListsSheet ? prepareListsSheet(context, lists.owners, lists.offices) : null;
}

/** Queues Is Offline (when absent), the text format below the data and the dropdowns; then one sync. */
export async function finishPreparation(
  context: Excel.RequestContext,
  template: TemplateLocation,
  lists: FirmLists,
  listsSheet: string | null,
  idsConvertedToText: number,
): Promise<PreparationResult> {
  const sheet = context.workbook.worksheets.getItem(template.sheetName);
  const columns: ColumnMap = { ...template.columns };
  let lastColumn = template.lastColumn;
  const addedIsOffline = columns.isOffline === undefined;
  if (addedIsOffline) {
    lastColumn += 1;
    columns.isOffline = lastColumn;
    sheet.getRangeByIndexes(template.headerRow - 1, lastColumn, 1, 1).values = [['Is Offline']];
  }
  const dataRows = Math.max(0, template.lastRow - template.headerRow);
  const preparedRows = dataRows + PREPARED_EXTRA_ROWS;
  const extra = sheet.getRangeByIndexes(template.headerRow + dataRows, columns.taxClientId!, PREPARED_EXTRA_ROWS, 1);
  extra.numberFormat = Array.from({ length: PREPARED_EXTRA_ROWS }, () => ['@']);

  const below = (column: number) => sheet.getRangeByIndexes(template.headerRow, column, preparedRows, 1);
  queueListValidation(below(columns.isOffline!), 'Yes,No', MESSAGES.isOffline);
  const sources = [
    { column: columns.ownerEmail, items: lists.owners, letter: 'A', messages: MESSAGES.owner },
    { column: columns.officeLocation, items: lists.offices, letter: 'B', messages: MESSAGES.office },
  ];
  for (const { column, items, letter, messages } of sources) {
    if (column === undefined || items.length === 0) continue;
    const source = inlineListSource(items) ?? listsRangeSource(listsSheet!, letter, items.length);
    queueListValidation(below(column), source, messages);
  }
  await context.sync();
  return { template: { ...template, columns, lastColumn, missing: [] }, addedIsOffline, idsConvertedToText, listsSheet };
}

/**
 * Text format on the ID column's data rows; numbers there rewritten as their displayed text (a whole
 * number shown in scientific notation as its digits). A number whose digits Excel did not keep (shown
 * as `1,23457E+18`) is left as it is, format and all: writing its text would make the loss permanent,
 * and its row is held back until the user types the ID again (hiddenDigitsIssue).
 */
async function convertIdsToText(context: Excel.RequestContext, sheet: Excel.Worksheet, headerRow: number, column: number, dataRows: number): Promise<number> {
  let converted = 0;
  for (const chunk of chunkRows(dataRows, rowsPerChunk(3))) {
    const first = headerRow + chunk.start; // 0-based row index of the chunk's first cell
    const range = sheet.getRangeByIndexes(first, column, chunk.count, 1).load('formulas,text,numberFormat');
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized chunk (DESIGN §7), never per row
    await context.sync();
    // A formula is left alone (it keeps computing); numbers and booleans become their text.
    const texts = range.formulas.map((cell, i) => cellText(cell[0], range.text[i][0]));
    const lost = range.formulas.map((cell, i) => typeof cell[0] === 'number' && mayHideDigits(texts[i]));
    const toRewrite: number[] = [];
    range.formulas.forEach((cell, i) => {
      if ((typeof cell[0] === 'number' || typeof cell[0] === 'boolean') && !lost[i]) toRewrite.push(i);
    });
    // The format goes first so the text written next is not read back as a number.
    range.numberFormat = range.formulas.map((_, i) => [lost[i] ? range.numberFormat[i][0] : '@']);
    // Numbers between texts make many short runs, each its own range (~800 bytes): 40,000 alternating
    // rows were a 9.8 MB request, refused on the web. The runs go in requests sized under the budget;
    // the first shares the format's request.
    const runs = rowRuns(toRewrite);
    const cost = (run: { count: number }) => BYTES_PER_OPERATION + run.count * BYTES_PER_CELL_ESTIMATE;
    const formatBytes = chunk.count * 8;
    for (const [n, part] of chunkByCost(runs, cost, CHUNK_BUDGET_BYTES - formatBytes).entries()) {
      if (n > 0) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized part of the chunk's writes
        await context.sync();
      }
      for (const run of runs.slice(part.start, part.start + part.count)) {
        const target = untracked(sheet.getRangeByIndexes(first + run.first, column, run.count, 1));
        target.values = Array.from({ length: run.count }, (_, k) => [texts[run.first + k]]);
      }
    }
    converted += toRewrite.length;
  }
  return converted;
}
