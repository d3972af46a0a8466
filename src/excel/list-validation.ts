import { quoteSheetName } from './sheet-address';

/** Excel refuses a typed-in list source longer than this. */
export const MAX_LIST_SOURCE_CHARS = 255;
/** Names for our hidden sheet holding lists too long (or with commas) for a typed-in source; the next is used when the workbook has a sheet of that name that is not ours. */
export const LISTS_SHEET_NAMES = ['Lists', 'Client Import Lists'] as const;

export interface ListMessages {
  title: string;
  prompt: string;
  error: string;
}

/**
 * A comma-separated source when Excel accepts one, else null: the list must live in cells (written as
 * text there). A source starting with `=` is a formula or a reference to Excel, not a list (DESIGN §7:
 * client strings never become formulas), so a firm's item starting with `=` keeps the list in cells.
 * `inlineListSource(["Main", "North"])` → `"Main,North"`; `inlineListSource(["=HYPERLINK(1)"])` → null
 */
export function inlineListSource(items: readonly string[]): string | null {
  if (items.some((item) => item.includes(',') || item.includes('"') || item.trimStart().startsWith('='))) return null;
  const source = items.join(',');
  return source.length <= MAX_LIST_SOURCE_CHARS ? source : null;
}

/** `='Lists'!$B$1:$B$40` for a list written down column `letter` of the lists sheet. */
export function listsRangeSource(sheetName: string, letter: string, count: number): string {
  return `=${quoteSheetName(sheetName)}!$${letter}$1:$${letter}$${count}`;
}

/**
 * Queues a dropdown on `range`: in-cell list, a Stop alert refusing other values, a prompt.
 * Any earlier rule is cleared first, since Excel will not overwrite one of another type.
 */
export function queueListValidation(range: Excel.Range, source: string, messages: ListMessages): void {
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: messages.title, message: messages.error };
  range.dataValidation.prompt = { showPrompt: true, title: messages.title, message: messages.prompt };
}
