import { createExcelHost } from '../../test/excel-host';
import { createExcelDoor, NOTES_REQUIREMENT, type ExcelRun } from './excel-door';
import { ExcelError, toExcelError } from './excel-error';

const officeError = (code: string, message = code) => ({ name: 'RichApi.Error', code, message, debugInfo: { code, message } });
const context = { sync: async () => undefined } as unknown as Excel.RequestContext;

function door(run: ExcelRun, supported: (name: string, version: string) => boolean = () => true) {
  const waits: number[] = [];
  const d = createExcelDoor({ run, isSetSupported: supported, sleep: async (ms) => void waits.push(ms), retryDelaysMs: [10, 20, 40] });
  return { door: d, waits };
}

/** A run that fails with `codes` in turn, then runs the batch. */
function failingRun(codes: string[]): { run: ExcelRun; calls: () => number } {
  let calls = 0;
  const run = (async (batch: (c: Excel.RequestContext) => Promise<unknown>) => {
    calls += 1;
    const code = codes.shift();
    if (code !== undefined) throw officeError(code);
    return batch(context);
  }) as ExcelRun;
  return { run, calls: () => calls };
}

describe('createExcelDoor', () => {
  it('runs the batch and returns its result', async () => {
    const { door: d } = door(failingRun([]).run);
    await expect(d.run(async () => 42)).resolves.toBe(42);
  });

  it('retries with growing waits while a cell is being edited', async () => {
    const f = failingRun(['InvalidOperationInCellEditMode', 'InvalidOperationInCellEditMode']);
    const { door: d, waits } = door(f.run);
    await expect(d.run(async () => 'done')).resolves.toBe('done');
    expect(f.calls()).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it('gives up after the last delay with a cell-edit-mode error', async () => {
    const f = failingRun(Array(10).fill('InvalidOperationInCellEditMode'));
    const { door: d, waits } = door(f.run);
    const error = await d.run(async () => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelError);
    expect((error as ExcelError).code).toBe('cell-edit-mode');
    expect(f.calls()).toBe(4);
    expect(waits).toEqual([10, 20, 40]);
  });

  it('does not retry other errors', async () => {
    const f = failingRun(['ItemNotFound']);
    const { door: d } = door(f.run);
    await expect(d.run(async () => 1)).rejects.toMatchObject({ code: 'sheet-not-found', officeCode: 'ItemNotFound' });
    expect(f.calls()).toBe(1);
  });

  it('refuses to run without ExcelApi 1.8 and names what is missing', async () => {
    const f = failingRun([]);
    const { door: d } = door(f.run, (name, version) => !(name === 'ExcelApi' && version === '1.8'));
    const error = (await d.run(async () => 1).catch((e: unknown) => e)) as ExcelError;
    expect(error.code).toBe('requirement-missing');
    expect(error.message).toContain('ExcelApi 1.8');
    expect(error.message).toContain('data validation');
    expect(f.calls()).toBe(0);
  });

  it('checks extra requirement sets asked for, and reports support', async () => {
    const f = failingRun([]);
    const { door: d } = door(f.run, (_n, version) => version !== '1.18');
    expect(d.supports(NOTES_REQUIREMENT)).toBe(false);
    await expect(d.run(async () => 1, { requires: [NOTES_REQUIREMENT] })).rejects.toMatchObject({ code: 'requirement-missing' });
  });

  it('turns errors thrown by the batch itself into ExcelErrors', async () => {
    const { door: d } = door(failingRun([]).run);
    await expect(
      d.run(async () => {
        throw officeError('AccessDenied');
      }),
    ).rejects.toMatchObject({ code: 'protected' });
  });
});

describe('toExcelError', () => {
  it.each([
    ['RequestPayloadSizeLimitExceeded', 'payload-too-large'],
    ['ResponsePayloadSizeLimitExceeded', 'payload-too-large'],
    ['ItemNotFound', 'sheet-not-found'],
    ['ApiNotFound', 'requirement-missing'],
    ['AccessDenied', 'protected'],
    ['InvalidOperationInCellEditMode', 'cell-edit-mode'],
    ['GeneralException', 'unknown'],
  ])('maps Office code %s to %s', (officeCode, code) => {
    const error = toExcelError(officeError(officeCode, 'Something happened.'));
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('reads the code from debugInfo when the top-level code is absent', () => {
    expect(toExcelError({ message: 'x', debugInfo: { code: 'ItemNotFound' } }).code).toBe('sheet-not-found');
  });

  it('maps a protected-sheet message and plain errors', () => {
    expect(toExcelError({ code: 'InvalidOperation', message: 'The cell is on a protected sheet.' }).code).toBe('protected');
    expect(toExcelError(new Error('boom'))).toMatchObject({ code: 'unknown', message: 'Excel reported an error: boom' });
  });

  it('passes an ExcelError through unchanged', () => {
    const e = new ExcelError('protected', 'x');
    expect(toExcelError(e)).toBe(e);
  });
});

describe('the door on the Excel host', () => {
  it('runs the batch again after a cell-edit rejection, applying it once', async () => {
    const fake = createExcelHost();
    const sheet = fake.addSheet('Clients', [['a']], { activate: true });
    fake.failNextSync('InvalidOperationInCellEditMode', 'A cell is being edited.');
    const waits: number[] = [];
    const d = createExcelDoor({ run: fake.run, isSetSupported: () => true, sleep: async (ms) => void waits.push(ms) });
    await d.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').getRange('B1').values = [['written']];
      await context.sync();
    });
    expect(sheet.cell('B1').value).toBe('written');
    expect(waits).toHaveLength(1);
  });

  it("maps the fake's missing sheet and payload errors", async () => {
    const fake = createExcelHost({ maxRequestBytes: 1000 });
    fake.addSheet('Clients', [['a']], { activate: true });
    const d = createExcelDoor({ run: fake.run, isSetSupported: () => true });
    await expect(
      d.run(async (context) => {
        context.workbook.worksheets.getItem('Gone').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'sheet-not-found' });
    await expect(
      d.run(async (context) => {
        context.workbook.worksheets.getItem('Clients').getRange('A1:A100').values = Array.from({ length: 100 }, () => ['x'.repeat(50)]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'payload-too-large' });
  });
});
