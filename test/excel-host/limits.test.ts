import { createExcelHost } from './index';
import { utf8Bytes } from './protocol';

describe('request limits and failures', () => {
  it('fails a request over the byte limit and applies nothing of it', async () => {
    const host = createExcelHost({ maxRequestBytes: 10_000 });
    host.addSheet('S', [['before']]);
    const ws = host.context.workbook.worksheets.getItem('S');
    ws.getRange('A1').values = [['after']];
    ws.getRange('A2:A201').values = Array.from({ length: 200 }, () => ['x'.repeat(60)]);
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.sheet('S').values()).toEqual([['before']]);
    expect(host.stats.maxRequestBytes).toBeGreaterThan(10_000);
    ws.getRange('A1').values = [['after']];
    await host.context.sync();
    expect(host.sheet('S').cell('A1').value).toBe('after');
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    host.context.workbook.worksheets.getItem('S').getRange('A1').values = [['é'.repeat(1000)]];
    await host.context.sync();
    expect(host.stats.maxRequestBytes).toBeGreaterThan(2000);
  });

  it('measures exactly the bytes TextEncoder sends: 2-, 3- and 4-byte characters, lone surrogates as U+FFFD', () => {
    const bodies = ['plain', 'é'.repeat(1000), '€ and 漢字', '😀 pair', 'lone \ud800 high', 'lone \udc00 low', '\ud83d'];
    for (const body of bodies) expect(utf8Bytes(body)).toBe(new TextEncoder().encode(body).length);
  });

  it('refuses an address list over 8,192 characters in Worksheet.getRanges, as Excel does (office-js issue #5198)', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    const ws = host.context.workbook.worksheets.getItem('S');
    const cells = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`).join(',');
    ws.getRanges(cells(2000)).format.fill.color = '#FFC8C8';
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'Worksheet.getRanges' } });
    expect(host.sheet('S').cell('A1').fill).toBeNull();
    ws.getRanges(cells(500)).format.fill.color = '#FFC8C8';
    ws.getRanges('A1,Other!B2').format.fill.color = '#FFC8C8';
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'Worksheet.getRanges' } });
    expect(host.sheet('S').cell('A500').fill?.toUpperCase()).toBe('#FFC8C8');
  });

  it('fails a response over the limit with ResponsePayloadSizeLimitExceeded and delivers nothing', async () => {
    const host = createExcelHost({ maxResponseBytes: 5_000 });
    host.addSheet(
      'S',
      Array.from({ length: 100 }, (_, i) => [`row ${i} ${'y'.repeat(50)}`]),
    );
    const r = host.context.workbook.worksheets.getItem('S').getRange('A1:A100').load('values');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('refuses to read more than 5,000,000 cells in one request', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    host.context.workbook.worksheets.getItem('S').getRange('A:E').load('values');
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    host.context.workbook.worksheets.getItem('S').getRange('A1:E1000').load('rowCount');
    await host.context.sync();
  });

  it('fails at sync when the written array does not match the range shape', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    const ws = host.context.workbook.worksheets.getItem('S');
    ws.getRange('A1:B2').values = [['a', 'b']];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'Range.values' } });
    ws.getRange('A1:B2').values = [['a', 'b'], ['c']];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A1:B2').numberFormat = [['@']];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(host.sheet('S').usedAddress()).toBeNull();
  });

  it('stops a batch at the failing action: earlier actions stay applied, later ones do not run', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    const ws = host.context.workbook.worksheets.getItem('S');
    ws.getRange('A1').values = [['first']];
    ws.getRange('A2').values = [['x', 'y']];
    ws.getRange('A3').values = [['third']];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(host.sheet('S').values()).toEqual([['first']]);
  });

  it('injects an Office error into the next sync only', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    host.failNextSync('InvalidOperationInCellEditMode');
    host.context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
    await expect(host.context.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode', name: 'RichApi.Error' });
    expect(host.sheet('S').usedAddress()).toBeNull();
    host.context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
    await host.context.sync();
    expect(host.sheet('S').usedAddress()).toBe('A1');
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.failedSyncs).toBe(1);
  });

  it('run() syncs what is still queued when the batch ends; its objects cannot be used after it', async () => {
    const host = createExcelHost();
    host.addSheet('S');
    let kept: Excel.Range | undefined;
    await host.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem('S').getRange('A1');
      kept.values = [['done']];
    });
    expect(host.sheet('S').cell('A1').value).toBe('done');
    expect(() => {
      kept!.values = [['late']];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    await expect(host.run((() => 1) as never)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  it('counts cells read and response bytes', async () => {
    const host = createExcelHost();
    host.addSheet('S', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    host.context.workbook.worksheets.getItem('S').getRange('A1:B2').load('values,text');
    await host.context.sync();
    expect(host.stats.cellsRead).toBe(8);
    expect(host.stats.totalResponseBytes).toBeGreaterThan(0);
  });
});
