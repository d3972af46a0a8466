import { createExcelHost } from '../../test/excel-host';
import { OFFICES, OWNERS } from '../../test/fixtures/excel/client-sheet';
import { interruptedRun, withoutDelayForCellEdit } from '../../test/fixtures/excel/interrupted-run';
import { TEMPLATE_COLUMNS } from '../domain';
import { createExcelDoor } from './excel-door';
import { findTemplate } from './template-finder';
import { insertTemplateSheet } from './template-insertion';

describe('insertTemplateSheet', () => {
  it('adds an activated template sheet with headers, text IDs and dropdowns, found afterwards', async () => {
    const fake = createExcelHost();
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
    const fake = createExcelHost();
    fake.addSheet('Sheet1', [], { activate: true });
    await insertTemplateSheet(fake.context, { owners: OWNERS, offices: OFFICES });
    const second = await insertTemplateSheet(fake.context, { owners: OWNERS, offices: OFFICES });
    expect(second.sheetName).toBe('Client Import Template (2)');
  });

  it('adds one template sheet when Excel refuses its last sync and the door runs the insertion again', async () => {
    const fake = createExcelHost();
    fake.addSheet('Sheet1', [], { activate: true });
    // Forty owners do not fit a typed-in dropdown: the lists sheet costs syncs before the last one.
    const owners = Array.from({ length: 40 }, (_, i) => `owner.${i}@firm.test`);
    const { run, attempts } = interruptedRun(fake, 3);
    const door = createExcelDoor({ run, isSetSupported: withoutDelayForCellEdit, sleep: async () => undefined });
    const template = await door.run((context) => insertTemplateSheet(context, { owners, offices: OFFICES }));
    expect(attempts()).toBe(2);
    expect(template.sheetName).toBe('Client Import Template');
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Lists', 'Client Import Template']);
    expect(fake.sheet('Client Import Template').cell('I2').validation?.source).toBe("='Lists'!$A$1:$A$40");
  });
});
