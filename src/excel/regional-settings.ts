import { excelDatePattern, type RegionalSettings } from '../domain';
import type { RequirementSet } from './excel-door';

/** Application.cultureInfo's short date pattern (DatetimeFormatInfo is ExcelApi 1.12; the separators are 1.11). */
export const REGIONAL_REQUIREMENT: RequirementSet = {
  name: 'ExcelApi',
  version: '1.12',
  purpose: 'reading a dropped file as this Excel shows numbers and dates',
};

/**
 * How this Excel shows numbers, for reading a dropped file as the open workbook would show it: the
 * separators Excel uses (Application.decimalSeparator and thousandsSeparator, "based on the local Excel
 * settings", so a user's own choice in Excel's options counts) and the system's short date, which Excel
 * shows for its built-in short date format. One sync.
 */
export async function readRegionalSettings(context: Excel.RequestContext): Promise<RegionalSettings> {
  const app = context.application.load('decimalSeparator,thousandsSeparator');
  const dates = app.cultureInfo.datetimeFormat.load('shortDatePattern');
  await context.sync();
  return { decimal: app.decimalSeparator, group: app.thousandsSeparator, shortDate: excelDatePattern(dates.shortDatePattern) };
}
