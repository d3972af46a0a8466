// Excel with other regional settings than en-US, through Microsoft's own excel-web library. Each rule
// quotes the documentation it follows (model/locale.ts, types/range-areas.ts).
import { createExcelHost } from './index';
import { DE_DE, EN_US } from './model/locale';
import { dateToSerial } from './model/number-format';

const clients = (host: ReturnType<typeof createExcelHost>) => host.context.workbook.worksheets.getItem('Clients');

describe('the Excel host in a German locale', () => {
  // Range.text: "Text values of the specified range." — as the user sees them, with the locale's separators.
  it('shows numbers with a decimal comma and a thousands dot, 12-digit numbers as 4,47911E+11, and short dates day first', async () => {
    const host = createExcelHost({ locale: DE_DE });
    host.addSheet('Clients', [
      [447911123456, { value: 1234.5, numberFormat: '#,##0.00' }, { value: dateToSerial(2024, 12, 31), numberFormat: 'm/d/yyyy' }, 0.25],
    ]);
    const row = clients(host).getRange('A1:D1').load('text');
    await host.context.sync();
    expect(row.text).toEqual([['4,47911E+11', '1.234,50', '31.12.2024', '0,25']]);
  });

  // Application.decimalSeparator: "Gets the string used as the decimal separator for numeric values. This is based on
  // the local Excel settings."; DatetimeFormatInfo.shortDatePattern: "Gets the format string for a short date value."
  it('reports its separators and short date pattern through Application and its CultureInfo', async () => {
    for (const [locale, expected] of [
      [DE_DE, ['de-DE', ',', '.', ',', '.', 'dd.MM.yyyy']],
      [EN_US, ['en-US', '.', ',', '.', ',', 'M/d/yyyy']],
    ] as const) {
      const host = createExcelHost({ locale });
      const app = host.context.application.load('decimalSeparator,thousandsSeparator');
      const culture = app.cultureInfo.load('name');
      const numbers = culture.numberFormat.load('numberDecimalSeparator,numberGroupSeparator');
      const dates = culture.datetimeFormat.load('shortDatePattern');
      await host.context.sync();
      expect([
        culture.name,
        app.decimalSeparator,
        app.thousandsSeparator,
        numbers.numberDecimalSeparator,
        numbers.numberGroupSeparator,
        dates.shortDatePattern,
      ]).toEqual(expected);
    }
  });

  it('types what a German user types: 1,5 is a number, 1.234,5 a grouped one, 31.12.2024 a date', async () => {
    const host = createExcelHost({ locale: DE_DE });
    host.addSheet('Clients');
    clients(host).getRange('A1:D1').values = [['1,5', '1.234,5', '31.12.2024', '1.5']];
    await host.context.sync();
    expect(host.sheet('Clients').values()).toEqual([[1.5, 1234.5, dateToSerial(2024, 12, 31), '1.5']]);
  });

  // Range.formulasLocal: "the English "=SUM(A1, 1.5)" formula would become "=SUMME(A1; 1,5)" in German".
  it('reads formulasLocal with the list separator and the decimal comma (function names are not translated)', async () => {
    const host = createExcelHost({ locale: DE_DE });
    host.addSheet('Clients');
    clients(host).getRange('A1').formulas = [['=SUM(B1,1.5)']];
    const cell = clients(host).getRange('A1').load('formulasLocal');
    await host.context.sync();
    expect(cell.formulasLocal).toEqual([['=SUM(B1;1,5)']]);
  });

  // Worksheet.getRanges: "comma-separated or semicolon-separated addresses"; desktop Excel takes only the
  // locale's list separator (office-js #1167: "with Czech or German settings the call looks like this
  // sheet.getRanges("B7:C7;G10")"), Excel on the web either.
  it.each([
    { platform: 'desktop', locale: DE_DE, list: 'A1,B2', accepted: false },
    { platform: 'desktop', locale: DE_DE, list: 'A1;B2', accepted: true },
    { platform: 'desktop', locale: EN_US, list: 'A1;B2', accepted: false },
    { platform: 'desktop', locale: EN_US, list: 'A1,B2', accepted: true },
    { platform: 'web', locale: DE_DE, list: 'A1,B2', accepted: true },
    { platform: 'web', locale: DE_DE, list: 'A1;B2', accepted: true },
  ] as const)('getRanges on $platform in $locale.name: $list accepted: $accepted', async ({ platform, locale, list, accepted }) => {
    const host = createExcelHost({ locale, platform });
    host.addSheet('Clients');
    clients(host).getRanges(list).format.fill.color = '#FFFF00';
    if (accepted) {
      await host.context.sync();
      expect(host.sheet('Clients').cell('B2').fill).toBe('#FFFF00');
    } else await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'Worksheet.getRanges' } });
  });
});

describe('the Excel host in en-US (unchanged)', () => {
  it('shows 4.47911E+11 and 12/31/2024, and types 12/31/2024 as a date', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [[447911123456, { value: dateToSerial(2024, 12, 31), numberFormat: 'm/d/yyyy' }]]);
    clients(host).getRange('C1').values = [['12/31/2024']];
    const row = clients(host).getRange('A1:C1').load('text');
    await host.context.sync();
    expect(row.text).toEqual([['4.47911E+11', '12/31/2024', '12/31/2024']]);
  });
});
