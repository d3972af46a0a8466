import { createExcelHost } from '../../test/excel-host';
import { selectCell } from './cell-selection';

describe('selectCell', () => {
  it('activates the sheet and selects the cell, in one sync', async () => {
    const fake = createExcelHost();
    fake.addSheet('Notes', [['x']], { activate: true });
    fake.addSheet('Clients', [['Tax Client ID']]);
    fake.resetStats();
    await selectCell(fake.context, 'Clients', 51, 3);
    expect(fake.activeSheetName()).toBe('Clients');
    expect(fake.selectedAddress()).toMatch(/^(Clients!)?D51$/);
    expect(fake.stats.syncs).toBe(1);
  });

  it('fails at sync when the sheet is gone (renamed or deleted since the check)', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', [['x']], { activate: true });
    await expect(selectCell(fake.context, 'Old clients', 2, 0)).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
