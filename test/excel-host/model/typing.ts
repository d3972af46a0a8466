import { invalidArgument } from './errors';
import { CellValue, dateToSerial } from './number-format';
import { EN_US, HostLocale, SHORT_DATE } from './locale';

/** What Excel stores after a value is written through `range.values` / `range.formulas`. */
export interface Typed {
  v: CellValue; // '' means empty
  f?: string; // formula text (not evaluated by the fake)
  err?: boolean; // v is an error literal such as '#N/A'
  autoFormat?: string; // number format Excel applies when a General cell receives e.g. a date or a percentage
}

export const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
]);

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What typing a number looks like where the decimal separator is `d` and the thousands separator `g`. */
function numberPatterns(locale: HostLocale) {
  const d = escape(locale.decimal);
  const g = escape(locale.group);
  return {
    number: new RegExp(`^[+-]?(\\d+${d}?\\d*|${d}\\d+)([eE][+-]?\\d+)?$`),
    grouped: new RegExp(`^[+-]?\\d{1,3}(${g}\\d{3})+(${d}\\d*)?$`),
    percent: new RegExp(`^[+-]?(\\d+${d}?\\d*|${d}\\d+)%$`),
    // Day first takes dots or slashes (31.12.2024); month first, slashes (12/31/2024).
    date: locale.dayFirst ? /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/ : /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/,
  };
}
const PATTERNS = new Map<HostLocale, ReturnType<typeof numberPatterns>>();
const patternsOf = (locale: HostLocale) => PATTERNS.get(locale) ?? PATTERNS.set(locale, numberPatterns(locale)).get(locale)!;
/** A typed number in `locale` as JavaScript reads it: `1.234,5` (de-DE) → 1234.5. */
const toNumber = (s: string, locale: HostLocale) => Number(s.split(locale.group).join('').replace(locale.decimal, '.'));
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const isGeneral = (fmt: string) => fmt === '' || /^general$/i.test(fmt);

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 9999 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function parseDate(s: string, locale: HostLocale): number | null {
  let m = patternsOf(locale).date.exec(s);
  if (m) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += y < 30 ? 2000 : 1900;
    const [month, day] = locale.dayFirst ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    return validDate(y, month, day) ? dateToSerial(y, month, day) : null;
  }
  m = ISO_DATE.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ? dateToSerial(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return null;
}

/**
 * Excel's typing rules for a written value. In a text ('@') cell strings stay verbatim. Elsewhere
 * a string is parsed as if typed: '=…' (and '+…', '-…', '@…' that are not numbers) becomes a
 * formula, numbers/percentages/dates/TRUE/FALSE/error literals are converted, "'" forces text.
 * Returns null for null/undefined: Office.js leaves that cell unchanged.
 */
export function typeInput(input: unknown, effectiveFormat: string, where: string, locale: HostLocale = EN_US): Typed | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument(`Cannot write ${input} into a cell.`, where);
    return { v: input };
  }
  if (typeof input === 'boolean') return { v: input };
  if (typeof input !== 'string') throw invalidArgument(`Cannot write a value of type ${typeof input} into a cell.`, where);
  if (input.length > 32767) throw invalidArgument('Text longer than 32,767 characters.', where);
  if (effectiveFormat === '@' || input === '') return { v: input };
  const first = input[0];
  if (first === "'") return { v: input.slice(1) };
  // Fast path: text starting with a letter is text unless it is TRUE/FALSE (the common case, 1M+ cells).
  const lower = input.charCodeAt(0) | 32;
  if (lower >= 97 && lower <= 122 && input.length > 5) return { v: input };
  const s = input.trim();
  const p = patternsOf(locale);
  if (p.number.test(s)) return { v: toNumber(s, locale) };
  if (first === '=' && input.length > 1) return { v: '', f: input };
  if (first === '+' || first === '-' || first === '@') return { v: '', f: `=${input}` };
  const general = isGeneral(effectiveFormat);
  const decimals = s.includes(locale.decimal);
  if (p.grouped.test(s)) return { v: toNumber(s, locale), autoFormat: general ? (decimals ? '#,##0.00' : '#,##0') : undefined };
  if (p.percent.test(s)) return { v: toNumber(s.slice(0, -1), locale) / 100, autoFormat: general ? (decimals ? '0.00%' : '0%') : undefined };
  if (/^(true|false)$/i.test(s)) return { v: s.toLowerCase() === 'true' };
  if (ERROR_VALUES.has(s.toUpperCase())) return { v: s.toUpperCase(), err: true };
  const serial = parseDate(s, locale);
  if (serial !== null) return { v: serial, autoFormat: general ? SHORT_DATE : undefined };
  return { v: input };
}
