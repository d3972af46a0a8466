// Long IDs that Excel shows in scientific notation, in en-US ("4.47911E+11") and with a decimal comma
// ("4,47911E+11", de-DE). The digits are read from the value where Excel kept them all; where it did
// not (16 digits and more), the row is held back and Prepare never writes the lossy text into the cell.
// The de-DE cases failed when only "4.47911E+11" was recognised.
import { createExcelHost } from '../../test/excel-host';
import { DE_DE, EN_US } from '../../test/excel-host/model/locale';
import { HEADERS, OFFICES, OWNERS, clientCells } from '../../test/fixtures/excel/client-sheet';
import { checkRows } from '../domain';
import { readClientRows } from './row-reader';
import { findTemplate } from './template-finder';
import { prepareTemplate } from './template-preparation';

const MOBILE = HEADERS.indexOf('Taxpayer Mobile');

function sheetWithLongNumbers(locale: typeof EN_US) {
  const host = createExcelHost({ locale });
  const kept = clientCells(1);
  kept[0] = 447911123456;
  kept[MOBILE] = 491701234567;
  const lost = clientCells(2);
  lost[0] = 1234567890123450000; // typed as 1234567890123456789: Excel kept 15 digits
  const sheet = host.addSheet('Clients', [HEADERS, kept, lost], { activate: true });
  return { host, sheet };
}

async function template(host: ReturnType<typeof createExcelHost>) {
  const found = await findTemplate(host.context);
  if (!found.found) throw new Error('template not found');
  return found;
}

describe.each([EN_US, DE_DE])('long numbers in $name', (locale) => {
  it('shows them in scientific notation with the locale’s decimal separator', async () => {
    const { sheet } = sheetWithLongNumbers(locale);
    expect(sheet.cell('A2').text).toBe(`4${locale.decimal}47911E+11`);
  });

  it('reads the digits Excel kept, and holds back the row whose digits are lost, saying how to fix it', async () => {
    const { host } = sheetWithLongNumbers(locale);
    const rows = await readClientRows(host.context, await template(host));
    expect(rows[0]).toMatchObject({ taxClientId: '447911123456', mobile: '491701234567' });
    const issues = checkRows(rows);
    expect(issues.filter((i) => i.row === 2)).toEqual([]);
    expect(issues.filter((i) => i.row === 3)).toEqual([
      expect.objectContaining({
        field: 'taxClientId',
        code: 'hidden-digits',
        message: `shows as 1${locale.decimal}23457E+18, so some digits are lost: format the column as Text and type the number again`,
      }),
    ]);
  });

  it('Prepare writes the digits as text, and leaves a number whose digits are lost untouched', async () => {
    const { host, sheet } = sheetWithLongNumbers(locale);
    const result = await prepareTemplate(host.context, await template(host), { owners: OWNERS, offices: OFFICES });
    expect(result.idsConvertedToText).toBe(1);
    expect([sheet.cell('A2').value, sheet.cell('A2').numberFormat]).toEqual(['447911123456', '@']);
    expect([sheet.cell('A3').value, sheet.cell('A3').numberFormat]).toEqual([1234567890123450000, 'General']);
  });
});
