import type { FieldKey } from './columns';
import { issue, type Issue } from './row-validation';

/*
 * What text a template cell is read as (DESIGN §3), on both paths. Both give the same text for the
 * same workbook; test/xlsx-paths compares them.
 *
 * In Excel (src/excel/row-reader.ts): `range.text`, the text Excel displays. Excel renders the
 * value with the cell's number format (sections, colours dropped, literals, `_)` padding, grouping,
 * decimals, dates in their own format); merged cells are blank except their top-left cell; a formula
 * shows its result; an error shows its code (`#N/A`).
 *
 * Dropped file (src/taskpane/xlsx): the same text built from the saved file. A number is rendered
 * from its value and the cell's number format by numfmt (an Excel number-format engine), after moving
 * a 1904-system date onto the 1900 system numfmt knows; shared and inline strings as written (with
 * OOXML's `_xHHHH_` escapes undone), booleans `TRUE`/`FALSE`, errors by their code, a formula by its
 * cached value; covered cells of a merge blank. Numbers are shown as the user's Excel shows them
 * (`RegionalSettings`, read from the open workbook): its decimal and thousands separators, and its
 * short date for Excel's built-in short date format. What the file cannot tell is said, not guessed: a
 * formula with no cached value, or any formula of a workbook that asks to be recalculated on open (its
 * saved results are placeholders), reads blank and its row gets `notCalculatedIssue`, which says which.
 *
 * On both paths, one deliberate exception (`cellText` below): Tax Client ID and Mobile keep every
 * digit of a whole number that General squeezed into scientific notation (`4.47911E+11`), because the
 * user sees every digit in the formula bar and an ID or phone number must keep them.
 */

/** How the user's Excel shows numbers: its separators and its short date as an Excel format code. */
export interface RegionalSettings {
  decimal: string;
  group: string;
  /** The built-in short date (format 14, stored `m/d/yyyy`) as this Excel shows it: `dd.mm.yyyy` in German. */
  shortDate: string;
}

export const EN_US_SETTINGS: RegionalSettings = { decimal: '.', group: ',', shortDate: 'm/d/yyyy' };

/** Excel's built-in short date, as files store it whatever the locale shows. */
export const SHORT_DATE_FORMAT = 'm/d/yyyy';

/** An en-US rendering with the user's separators: `withSeparators("1,234.5", { decimal: ",", group: "." })` → `"1.234,5"` */
export function withSeparators(text: string, settings: Pick<RegionalSettings, 'decimal' | 'group'>): string {
  if (settings.decimal === '.' && settings.group === ',') return text;
  return text.replace(/[.,]/g, (ch) => (ch === '.' ? settings.decimal : settings.group));
}

/** A .NET date pattern (DatetimeFormatInfo.shortDatePattern) as an Excel format code: `excelDatePattern("dd.MM.yyyy")` → `"dd.mm.yyyy"` */
export function excelDatePattern(pattern: string): string {
  return pattern.replace(/M/g, 'm');
}

/** Fields whose long digit strings Excel may show in scientific notation: read their values too. */
export const DIGIT_FIELDS: readonly FieldKey[] = ['taxClientId', 'mobile'];

// General format shows integers of 12+ digits in scientific notation: "4.47911E+11" in en-US,
// "4,47911E+11" with a decimal comma; any one character between the digits is the locale's decimal separator.
const SCIENTIFIC = /^-?\d([^\d\sE]\d+)?E[+-]?\d+$/i;
/** Excel keeps 15 significant digits: a whole number from 10^15 up may have lost some when it was typed. */
const EXACT_BELOW = 1e15;

/**
 * The text a Tax Client ID or Mobile cell stands for: its displayed text, except a whole number
 * squeezed into scientific notation, which keeps its digits when Excel kept them all (under 10^15).
 * `cellText(447911123456, "4,47911E+11")` → `"447911123456"`; `cellText(1234567890123450000, "1.23457E+18")` → `"1.23457E+18"`
 */
export function cellText(value: unknown, text: string): string {
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < EXACT_BELOW && mayHideDigits(text)) return String(value);
  return text;
}

/**
 * A Tax Client ID or Mobile still shown in scientific notation after cellText: its digits are gone.
 * The row is held back; the fix is the user's (Prepare never writes such a text into the cell).
 * `hiddenDigitsIssue(7, "taxClientId", "1,23457E+18").message` → `"shows as 1,23457E+18, so some digits are lost: format the column as Text and type the number again"`
 */
export function hiddenDigitsIssue(row: number, field: FieldKey, text: string): Issue {
  return issue(row, field, 'hidden-digits', `shows as ${text.trim()}, so some digits are lost: format the column as Text and type the number again`);
}

/** Whether a digit field's text may stand for more digits than it shows: only then does cellText need the value. */
export function mayHideDigits(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}

/** Why a saved file cannot tell a formula's result: none saved, or one the file asks Excel to recalculate on open. */
export type UnreadableReason = 'no-result' | 'recalculate-on-open';

const OPEN_AND_SAVE = 'open the file in Excel, save it and drop it again';

const UNREADABLE_MESSAGES: Record<UnreadableReason, string> = {
  'no-result': `is a formula with no result saved in the file: ${OPEN_AND_SAVE}`,
  'recalculate-on-open': `is a formula the file asks Excel to recalculate on open, so the result saved with it cannot be trusted: ${OPEN_AND_SAVE}`,
};

/**
 * A cell of a saved file whose formula result the file cannot vouch for: the text Excel would show is unknown.
 * `notCalculatedIssue(7, "lastName", "no-result").message` → `"is a formula with no result saved in the file: open the file in Excel, save it and drop it again"`
 */
export function notCalculatedIssue(row: number, field: FieldKey, reason: UnreadableReason): Issue {
  return issue(row, field, 'not-calculated', UNREADABLE_MESSAGES[reason]);
}

/**
 * The field checks' issues with the reader's own issues in front; a field the reader could not read
 * is not also reported as missing.
 * `withReadIssues([required(7,"lastName")], [notCalculated(7,"lastName")])` → `[notCalculated(7,"lastName")]`
 */
export function withReadIssues(checked: readonly Issue[], read: readonly Issue[]): Issue[] {
  if (read.length === 0) return [...checked];
  const unreadable = new Set(read.map((i) => `${i.row}:${i.field}`));
  return [...read, ...checked.filter((i) => !(i.code === 'required' && unreadable.has(`${i.row}:${i.field}`)))];
}
