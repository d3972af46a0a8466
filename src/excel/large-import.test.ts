import { createExcelHost } from '../../test/excel-host';
import { templateRows } from '../../test/fixtures/excel/client-sheet';
import type { ReportRow } from '../domain';
import { MAX_REQUEST_BYTES } from './chunking';
import { createExcelDoor } from './excel-door';
import { writeExceptionSheet } from './exception-sheet';
import { readClientRows } from './row-reader';
import { findTemplate } from './template-finder';

const ROWS = 100_000;

describe('100,000 rows × 11 columns (DESIGN §8)', () => {
  it('reads the template and writes the exception sheet within 30 syncs, no request over 5 MB', async () => {
    const fake = createExcelHost();
    fake.addSheet('Clients', templateRows(ROWS), { activate: true });
    fake.resetStats();
    const door = createExcelDoor({ run: fake.run, isSetSupported: () => true });

    const { template, rows } = await door.run(async (context) => {
      const found = await findTemplate(context);
      if (!found.found) throw new Error('template not found');
      return { template: found, rows: await readClientRows(context, found) };
    });
    expect(rows).toHaveLength(ROWS);
    expect(rows[ROWS - 1]).toMatchObject({ row: ROWS + 1, taxClientId: 'C100000', isOffline: '' });

    // Every third row rejected: many separate highlighted runs, the costly case for fills.
    const report: ReportRow[] = rows.map((r, i) =>
      i % 3 === 0
        ? { ...r, outcome: 'rejected', kind: null, status: null, comment: 'A connected client already exists with this Tax Client ID' }
        : { ...r, outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' },
    );
    await door.run((context) =>
      writeExceptionSheet(context, { importId: 'imp-1', rows: report }, { sheetName: template.sheetName, linkColumn: template.columns.taxClientId! }),
    );

    expect(fake.stats.failedSyncs).toBe(0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(30);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const sheet = fake.sheet('Import Exceptions');
    expect(sheet.usedAddress()).toBe(`A1:I${ROWS + 1}`); // the table, and the import's signature in I1
    expect(sheet.cell(`B${ROWS + 1}`).value).toBe('C100000');
    expect(sheet.cell(`A${ROWS + 1}`).formula).toBe(`=HYPERLINK("#'Clients'!A${ROWS + 1}",${ROWS + 1})`);
  });
});
