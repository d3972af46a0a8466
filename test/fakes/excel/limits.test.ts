import { createFakeExcel } from './index';

describe('request limits and failures', () => {
  it('fails a request over the byte limit and applies nothing of it', async () => {
    const fake = createFakeExcel({ maxRequestBytes: 10_000 });
    fake.addSheet('S', [['before']]);
    const ws = fake.context.workbook.worksheets.getItem('S');
    ws.getRange('A1').values = [['after']];
    ws.getRange('A2:A201').values = Array.from({ length: 200 }, () => ['x'.repeat(60)]);
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.sheet('S').values()).toEqual([['before']]);
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(10_000);
    ws.getRange('A1').values = [['after']];
    await fake.context.sync();
    expect(fake.sheet('S').cell('A1').value).toBe('after');
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    fake.context.workbook.worksheets.getItem('S').getRange('A1').values = [['é'.repeat(1000)]];
    await fake.context.sync();
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(2000);
  });

  it('fails a response over the limit with ResponsePayloadSizeLimitExceeded and delivers nothing', async () => {
    const fake = createFakeExcel({ maxResponseBytes: 5_000 });
    fake.addSheet('S', Array.from({ length: 100 }, (_, i) => [`row ${i} ${'y'.repeat(50)}`]));
    const r = fake.context.workbook.worksheets.getItem('S').getRange('A1:A100').load('values');
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('refuses to read more than 5,000,000 cells in one request', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    fake.context.workbook.worksheets.getItem('S').getRange('A:E').load('values');
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    fake.context.workbook.worksheets.getItem('S').getRange('A1:E1000').load('rowCount');
    await fake.context.sync();
  });

  it('fails at sync when the written array does not match the range shape', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    const ws = fake.context.workbook.worksheets.getItem('S');
    ws.getRange('A1:B2').values = [['a', 'b']];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'Range.values' } });
    ws.getRange('A1:B2').values = [['a', 'b'], ['c']];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A1:B2').numberFormat = [['@']];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.sheet('S').usedAddress()).toBeNull();
  });

  it('stops a batch at the failing action: earlier actions stay applied, later ones do not run', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    const ws = fake.context.workbook.worksheets.getItem('S');
    ws.getRange('A1').values = [['first']];
    ws.getRange('A2').values = [['x', 'y']];
    ws.getRange('A3').values = [['third']];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.sheet('S').values()).toEqual([['first']]);
  });

  it('injects an Office error into the next sync only', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    fake.failNextSync('InvalidOperationInCellEditMode');
    fake.context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode', name: 'RichApi.Error' });
    expect(fake.sheet('S').usedAddress()).toBeNull();
    fake.context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
    await fake.context.sync();
    expect(fake.sheet('S').usedAddress()).toBe('A1');
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.failedSyncs).toBe(1);
  });

  it('run() syncs what is still queued when the batch ends, and closes its context', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    let kept: Excel.Range | undefined;
    await fake.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem('S').getRange('A1');
      kept.values = [['done']];
    });
    expect(fake.sheet('S').cell('A1').value).toBe('done');
    expect(() => { kept!.values = [['late']]; }).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
    await expect(fake.run((() => 1) as never)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  it('counts cells read and response bytes', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S', [['a', 'b'], ['c', 'd']]);
    fake.context.workbook.worksheets.getItem('S').getRange('A1:B2').load('values,text');
    await fake.context.sync();
    expect(fake.stats.cellsRead).toBe(8);
    expect(fake.stats.totalResponseBytes).toBeGreaterThan(0);
  });
});
