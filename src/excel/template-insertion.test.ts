import { createFakeExcel } from '../../test/fakes/excel';
import { OFFICES, OWNERS } from '../../test/fixtures/excel/client-sheet';
import { TEMPLATE_COLUMNS } from '../domain';
import { findTemplate } from './template-finder';
import { insertTemplateSheet } from './template-insertion';

describe('insertTemplateSheet', () => {
  it('adds an activated template sheet with headers, text IDs and dropdowns, found afterwards', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Sheet1', [], { activate: true });
    const template = await insertTemplateSheet(fake.context, { owners: OWNERS, offices: OFFICES });
    expect(template).toMatchObject({ sheetName: 'Client Import Template', headerRow: 1, lastRow: 1 });
    const sheet = fake.sheet('Client Import Template');
    expect(sheet.texts()[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(sheet.cell('A1').fontBold).toBe(true);
    expect(sheet.cell('A2').numberFormat).toBe('@');
    expect(sheet.cell('K2').validation?.source).toBe('Yes,No');
    expect(sheet.cell('I50').validation?.source).toBe(OWNERS.join(','));
    expect(sheet.freezeRows()).toBe(1);
    expect(fake.activeSheetName()).toBe('Client Import Template');
    expect(await findTemplate(fake.context)).toMatchObject({ found: true, sheetName: 'Client Import Template', columns: template.columns });
  });

  it('gives a second template a unique name', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Sheet1', [], { activate: true });
    await insertTemplateSheet(fake.context, { owners: OWNERS, offices: OFFICES });
    const second = await insertTemplateSheet(fake.context, { owners: OWNERS, offices: OFFICES });
    expect(second.sheetName).toBe('Client Import Template (2)');
  });
});
