/**
 * The regional settings Excel reads and shows numbers with. Range.text: "Text values of the specified
 * range. The text value will not depend on the cell width."; it shows what the user sees, so a number
 * shows the locale's decimal and thousands separators ("1.234,5" in German), and the default date
 * format is the system's short date. Range.formulasLocal: "Represents the formula in A1-style notation,
 * in the user's language and number-formatting locale. For example, the English "=SUM(A1, 1.5)" formula
 * would become "=SUMME(A1; 1,5)" in German."
 */
export interface HostLocale {
  name: string;
  decimal: string;
  group: string;
  /** The list separator: between a function's arguments, and (desktop Excel) between the areas of a multi-area address. */
  list: string;
  /** Dates typed and shown day first (31.12.2024). */
  dayFirst: boolean;
  /** How the built-in short date format (the `m/d/yyyy` Excel applies to a typed date) shows. */
  shortDate: string;
}

export const EN_US: HostLocale = { name: 'en-US', decimal: '.', group: ',', list: ',', dayFirst: false, shortDate: 'm/d/yyyy' };
export const DE_DE: HostLocale = { name: 'de-DE', decimal: ',', group: '.', list: ';', dayFirst: true, shortDate: 'dd.mm.yyyy' };

/** Excel's built-in short date (format 14), stored as `m/d/yyyy` whatever the locale shows. */
export const SHORT_DATE = 'm/d/yyyy';

/** `1,234.5` rendered en-US → the same digits with the locale's separators (`1.234,5`). */
export function localSeparators(text: string, locale: HostLocale): string {
  if (locale.decimal === '.' && locale.group === ',') return text;
  return text.replace(/[.,]/g, (ch) => (ch === '.' ? locale.decimal : locale.group));
}

/** A formula's separators as the user's locale writes them; text in quotes is left alone. */
export function localFormula(formula: string, locale: HostLocale): string {
  if (locale.list === ',' && locale.decimal === '.') return formula;
  return formula.replace(/"[^"]*"|(\d)\.(?=\d)|,/g, (m, digit: string | undefined) =>
    m.startsWith('"') ? m : digit !== undefined ? `${digit}${locale.decimal}` : locale.list,
  );
}

/** The inverse of localFormula: the locale's separators back to the English ones. */
export function englishFormula(formula: string, locale: HostLocale): string {
  if (locale.list === ',' && locale.decimal === '.') return formula;
  const list = locale.list.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const decimal = locale.decimal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return formula.replace(new RegExp(`"[^"]*"|(\\d)${decimal}(?=\\d)|${list}`, 'g'), (m, digit: string | undefined) =>
    m.startsWith('"') ? m : digit !== undefined ? `${digit}.` : ',',
  );
}
