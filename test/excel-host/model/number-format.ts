import { format, isDateFormat } from 'numfmt';
import { EN_US, HostLocale, localSeparators, SHORT_DATE } from './locale';
/** Displayed text of a cell from its value and number format, for the formats a client list meets. */
export type CellValue = string | number | boolean;

const DAY_MS = 86400000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

/** Excel serial (1900 system) of a calendar date; serial 60 is Excel's fictitious 29 Feb 1900. */
export function dateToSerial(y: number, m: number, d: number): number {
  const serial = Math.round((Date.UTC(y, m - 1, d) - EPOCH_1899) / DAY_MS);
  return serial < 61 ? serial - 1 : serial;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Excel's General format: up to 11 characters, switching to scientific notation for very large/small numbers. */
export function formatGeneral(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e11) return String(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
  return String(Number(n.toFixed(decimals)));
}

/**
 * Displayed text: value + number format, as Excel shows it in a wide-enough column. Formats are
 * rendered by numfmt, an implementation of Excel's number-format language (sections, conditions,
 * colours, literals, `_`/`*` padding, dates), as the dropped-file reader renders them.
 */
export function formatText(value: CellValue, fmt: string, isError = false, locale: HostLocale = EN_US): string {
  if (locale !== EN_US && typeof value === 'number' && !isError) return localText(value, fmt, locale);
  if (isError) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const code = fmt.trim() === '' ? 'General' : fmt;
  if (typeof value === 'string') {
    // Only a format with a text section (`0;-0;0;"ID "@`) changes how a string shows.
    if (!code.includes('@') || code.trim() === '@') return value;
    return rendered(code, value) ?? value;
  }
  if (!Number.isFinite(value)) return '#NUM!';
  return rendered(code, value) ?? formatGeneral(value);
}

function rendered(code: string, value: string | number): string | null {
  try {
    return format(code, value);
  } catch {
    return null; // a format Excel would have refused to store
  }
}

/** A number as a user of `locale` sees it: the short date in the locale's order, other formats with its separators. */
function localText(value: number, fmt: string, locale: HostLocale): string {
  if (fmt === SHORT_DATE) return formatText(value, locale.shortDate);
  const text = formatText(value, fmt);
  return isDateFormat(fmt) ? text : localSeparators(text, locale);
}
