import { format, isDateFormat, isTextFormat, isValidFormat } from 'numfmt';
import { EN_US_SETTINGS, SHORT_DATE_FORMAT, withSeparators, type RegionalSettings } from '../../domain';

/** Days between the 1904 and the 1900 date systems' day zero: serial₁₉₀₀ = serial₁₉₀₄ + 1462. */
const DAYS_1904 = 1462;

/** How a number, string or date cell of one number format is shown; built once per format. */
interface FormatRule {
  number(value: number): string;
  string(value: string): string;
}

/**
 * The text Excel displays for saved cell values under their number formats, for an Excel with the
 * user's regional settings (separators; the built-in short date in its own order) and a column wide enough (DESIGN §3; both paths' rules: src/domain/displayed-text.ts).
 * `new CellFormatter(false).number(12345678, "000-00-0000")` → `"012-34-5678"`
 */
export class CellFormatter {
  private readonly rules = new Map<string, FormatRule>();

  constructor(
    private readonly date1904: boolean,
    private readonly regional: RegionalSettings = EN_US_SETTINGS,
  ) {}

  number(value: number, pattern: string): string {
    return this.rule(pattern).number(value);
  }

  /** A string shows as written unless the format has a text section (`0;-0;0;"ID "@`). */
  string(value: string, pattern: string): string {
    return this.rule(pattern).string(value);
  }

  /** A date cell (`t="d"`, an ISO date) as its serial number under the format. */
  isoDate(iso: string, pattern: string): string {
    const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
    if (Number.isNaN(ms)) return iso;
    const serial1900 = ms / 86400000 + 25569; // 25569 = serial of 1970-01-01 in the 1900 system
    return this.rule(pattern).number(this.date1904 ? serial1900 - DAYS_1904 : serial1900);
  }

  private rule(pattern: string): FormatRule {
    let rule = this.rules.get(pattern);
    if (rule === undefined) {
      rule = this.build(pattern);
      this.rules.set(pattern, rule);
    }
    return rule;
  }

  private build(pattern: string): FormatRule {
    const general = /^general$/i.test(pattern.trim()) || pattern.trim() === '';
    const usable = general || safe(() => isValidFormat(pattern), false);
    const code = usable ? pattern : 'General'; // a pattern numfmt cannot read shows as General would
    const dates = !general && safe(() => isDateFormat(code), false);
    const shift = dates && this.date1904 ? DAYS_1904 : 0;
    const hasTextSection = !general && code.includes('@') && safe(() => isTextFormat(code) || code.includes(';'), false);
    // Another locale: the built-in short date in its order, other dates as formatted, numbers with its separators.
    const shown = code === SHORT_DATE_FORMAT ? this.regional.shortDate : code;
    const local = (text: string) => (dates ? text : withSeparators(text, this.regional));
    return {
      number: (value) => local(safe(() => format(shown, value + shift), String(value))),
      string: hasTextSection ? (value) => safe(() => format(code, value), value) : (value) => value,
    };
  }
}

function safe<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch {
    return fallback;
  }
}
