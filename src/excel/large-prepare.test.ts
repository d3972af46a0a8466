// Prepare and Is Offline on many scattered rows, on Excel on the web's 5 MB limits. Both failed before:
// 40,000 IDs alternating number/text made a 9.8 MB request (RequestPayloadSizeLimitExceeded), and
// 50,000 scattered Is Offline rows left tracked made Excel.run's closing request 5.74 MB.
import { createExcelHost } from '../../test/excel-host';
import { HEADERS, OFFICES, OWNERS, clientCells } from '../../test/fixtures/excel/client-sheet';
import { setIsOffline } from './fill-down';
import { findTemplate } from './template-finder';
import { prepareTemplate } from './template-preparation';

const MB5 = 5 * 1024 * 1024;

describe('many scattered rows on Excel on the web', () => {
  it('Prepare rewrites 40,000 alternating numeric IDs in requests under 5 MB', async () => {
    const host = createExcelHost();
    const rows = Array.from({ length: 40_000 }, (_, i) => {
      const cells = clientCells(i + 1);
      cells[0] = i % 2 === 0 ? 100000 + i : `T${i}`;
      return cells;
    });
    const sheet = host.addSheet('Clients', [HEADERS, ...rows], { activate: true });
    const found = await findTemplate(host.context);
    if (!found.found) throw new Error('template not found');
    const result = await host.run((context) => prepareTemplate(context, found, { owners: OWNERS, offices: OFFICES }));
    expect(result.idsConvertedToText).toBe(20_000);
    expect(host.stats.maxRequestBytes).toBeLessThan(MB5);
    expect([sheet.cell('A2').value, sheet.cell('A3').value, sheet.cell('A40001').value]).toEqual(['100000', 'T1', 'T39999']);
  }, 120_000);

  it('sets Is Offline on 50,000 scattered rows with nothing left for Excel.run to release', async () => {
    const host = createExcelHost();
    const headers = [...HEADERS];
    host.addSheet('Clients', [headers, ...Array.from({ length: 100_000 }, (_, i) => clientCells(i + 1))], { activate: true });
    const found = await findTemplate(host.context);
    if (!found.found) throw new Error('template not found');
    const scattered = Array.from({ length: 50_000 }, (_, i) => 2 + 2 * i);
    const written = await host.run((context) => setIsOffline(context, found, scattered, 'Yes'));
    expect(written).toBe(50_000);
    expect(host.stats.maxRequestBytes).toBeLessThan(MB5);
  }, 120_000);
});
