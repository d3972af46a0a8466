// Excel below the newest requirement sets: the library itself refuses a member of a missing set,
// asking Office.context.requirements.isSetSupported as on a page where office.js runs.
import { createExcelHost, setOfficeRequirements } from './index';
import { newerThan } from './requirement-sets';

const upTo = (highest: string) => (name: string, version?: string) => name === 'ExcelApi' && !newerThan(version ?? '1.1', highest);

afterEach(() => setOfficeRequirements(null));

describe('the Excel host below the newest requirement sets', () => {
  // Office's error table: "ApiNotFound: The API you're trying to use couldn't be found. It might be
  // available in a newer version of Excel." The library's message: "The method or property
  // Worksheet.getRanges is part of the ExcelApi 1.9 requirement set, which is not available in your version of Excel."
  it('throws the library’s ApiNotFound for a member of a set Office does not support, before anything is sent', async () => {
    const host = createExcelHost();
    host.addSheet('Clients');
    setOfficeRequirements(upTo('1.8'));
    const sheet = host.context.workbook.worksheets.getItem('Clients');
    expect(() => sheet.getRanges('A1:A2')).toThrow(
      expect.objectContaining({ code: 'ApiNotFound', debugInfo: expect.objectContaining({ errorLocation: 'Worksheet.getRanges' }) }),
    );
    expect(() => sheet.notes).toThrow(
      expect.objectContaining({ code: 'ApiNotFound', debugInfo: expect.objectContaining({ errorLocation: 'Worksheet.notes' }) }),
    );
    sheet.getRange('A1').values = [['fine']];
    await host.context.sync();
    expect(host.sheet('Clients').cell('A1').value).toBe('fine');
  });

  it('lets the same members through where Office supports their set', async () => {
    const host = createExcelHost();
    host.addSheet('Clients');
    setOfficeRequirements(upTo('1.18'));
    const sheet = host.context.workbook.worksheets.getItem('Clients');
    sheet.notes.add('A1', 'a note');
    sheet.getRanges('B1:B2').format.fill.color = '#FFFF00';
    await host.context.sync();
    expect(host.sheet('Clients').cell('A1').note).toBe('a note');
    expect(host.sheet('Clients').cell('B2').fill).toBe('#FFFF00');
  });
});
