import { createExcelDoor, DELAY_FOR_CELL_EDIT, type ExcelRun } from './excel-door';
import { ExcelError } from './excel-error';
import { createExcelHost } from '../../test/excel-host';
import { SYNC_GIVE_UP_MS, SYNC_WATCHDOG_MS, type StartTimer } from './sync-watchdog';

/** A timer the test fires by hand: no real waiting. */
function manualTimer() {
  const pending: { ms: number; fire: () => void; cancelled: boolean }[] = [];
  const start: StartTimer = (ms, onTimeout) => {
    const timer = { ms, fire: onTimeout, cancelled: false };
    pending.push(timer);
    return () => void (timer.cancelled = true);
  };
  return { start, live: () => pending.filter((t) => !t.cancelled) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A context whose first `answered` syncs are answered and every later one never is. */
function hangingRun(answered: number): ExcelRun {
  let syncs = 0;
  const context = { sync: () => (syncs++ < answered ? Promise.resolve() : new Promise(() => undefined)) } as unknown as Excel.RequestContext;
  return (async (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(context)) as ExcelRun;
}

describe('the 60 s watchdog on every context.sync()', () => {
  it('says at 60 s that Excel has not answered, and gives up at 5 minutes on a sync Excel never answers, saying what was being done', async () => {
    const timer = manualTimer();
    const door = createExcelDoor({ run: hangingRun(0), isSetSupported: () => true, startTimer: timer.start });
    const notices: (string | null)[] = [];
    door.onSlow((notice) => notices.push(notice));
    const result = door
      .run(
        async (context) => {
          await context.sync();
          return 'never';
        },
        { step: 'marking invalid cells' },
      )
      .catch((e: unknown) => e);
    await settle();
    expect(timer.live().map((t) => t.ms)).toEqual([SYNC_WATCHDOG_MS]);
    timer.live()[0].fire();
    expect(notices).toEqual([
      'Excel has not answered for 60 seconds while marking invalid cells. Nothing has been changed in the workbook yet. Still waiting: Excel on the web can take minutes over a large workbook.',
    ]);
    expect(timer.live().map((t) => t.ms)).toEqual([SYNC_WATCHDOG_MS, SYNC_GIVE_UP_MS - SYNC_WATCHDOG_MS]);
    timer.live()[1].fire();
    const error = (await result) as ExcelError;
    expect(error).toBeInstanceOf(ExcelError);
    expect(error.code).toBe('not-answering');
    expect(error.message).toBe(
      'Excel stopped answering for 5 minutes while marking invalid cells. Nothing had been changed in the workbook yet. Reload the workbook (or restart Excel) and try again.',
    );
  });

  it('counts the requests Excel had finished before it stopped answering, and times each sync afresh', async () => {
    const timer = manualTimer();
    const door = createExcelDoor({ run: hangingRun(2), isSetSupported: () => true, startTimer: timer.start });
    const result = door
      .run(
        async (context) => {
          await context.sync();
          await context.sync();
          await context.sync();
        },
        { step: 'writing the exception sheet' },
      )
      .catch((e: unknown) => e);
    await settle();
    expect(timer.live()).toHaveLength(1); // the first two syncs were answered and their timers cancelled
    timer.live()[0].fire(); // 60 s: said, still waiting
    timer.live()[1].fire(); // 5 minutes: given up
    expect(((await result) as ExcelError).message).toContain('while writing the exception sheet. Excel had finished 2 of its requests before it stopped');
  });

  it('lets a slow sync that works go on past 60 s: the step finishes with its result, and the notice is withdrawn', async () => {
    const host = createExcelHost();
    host.addSheet('Clients', [['Tax Client ID'], ['C1']], { activate: true });
    const timer = manualTimer();
    const door = createExcelDoor({ run: host.run, isSetSupported: () => true, startTimer: timer.start });
    const notices: (string | null)[] = [];
    door.onSlow((notice) => notices.push(notice));
    const release = host.holdSync(2); // the write: Excel on the web taking minutes over it
    const result = door.run(
      async (context) => {
        const cell = context.workbook.worksheets.getItem('Clients').getRange('B1').load('values');
        await context.sync();
        cell.values = [['Checked']];
        await context.sync();
        return 'written';
      },
      { step: 'writing the status column' },
    );
    let settled = false;
    void result.finally(() => (settled = true));
    for (let i = 0; i < 50 && timer.live().length === 0; i++) await settle();
    timer.live()[0].fire();
    await settle();
    expect(settled).toBe(false);
    expect(notices).toEqual([
      expect.stringMatching(/^Excel has not answered for 60 seconds while writing the status column\. Excel has finished 1 of its requests so far\./),
    ]);
    release();
    await expect(result).resolves.toBe('written');
    expect(notices).toEqual([expect.any(String), null]);
    expect(timer.live()).toHaveLength(0);
    expect(host.sheet('Clients').cell('B1').value).toBe('Checked');
  });

  it('cancels the timer of every answered sync', async () => {
    const timer = manualTimer();
    const door = createExcelDoor({ run: hangingRun(5), isSetSupported: () => true, startTimer: timer.start });
    await expect(
      door.run(async (context) => {
        await context.sync();
        return 7;
      }),
    ).resolves.toBe(7);
    expect(timer.live()).toHaveLength(0);
  });
});

describe('Excel.run options', () => {
  it('asks Excel to wait while a cell is edited where the host supports it', async () => {
    const seen: (Excel.RunOptions | undefined)[] = [];
    const run = (async (batch: (c: Excel.RequestContext) => Promise<unknown>, options?: Excel.RunOptions) => {
      seen.push(options);
      return batch({ sync: async () => undefined } as unknown as Excel.RequestContext);
    }) as ExcelRun;
    await createExcelDoor({ run, isSetSupported: () => true }).run(async () => 1);
    await createExcelDoor({ run, isSetSupported: (name) => name !== DELAY_FOR_CELL_EDIT.name }).run(async () => 1);
    expect(seen).toEqual([{ delayForCellEdit: true }, {}]);
  });
});
