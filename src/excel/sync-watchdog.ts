import { ExcelError } from './excel-error';

/** DESIGN §7: a context.sync() still unanswered after this long is announced: the pane says so and what was done. */
export const SYNC_WATCHDOG_MS = 60_000;
/**
 * An announced sync still unanswered this long after it was sent is given up on. Excel on the web can
 * take minutes over a large request that still succeeds, and Office.js shows no progress, so a slow
 * request and a lost one look the same until then.
 */
export const SYNC_GIVE_UP_MS = 300_000;

/** Starts a timer and returns its cancel; tests pass one they fire themselves, never real waiting. */
export type StartTimer = (ms: number, onTimeout: () => void) => () => void;

/** Told when a sync has gone unanswered for SYNC_WATCHDOG_MS (what to say), and with null once Excel answers it. */
export type SlowListener = (notice: string | null) => void;

export const realTimer: StartTimer = (ms, onTimeout) => {
  const id = setTimeout(onTimeout, ms);
  return () => clearTimeout(id);
};

/**
 * Puts a watchdog on every `context.sync()` of one Excel.run: Excel on the web can leave a sync
 * pending forever (reported on the office-js tracker after large workbooks open), which would
 * hang the pane and the ribbon button. A sync unanswered after SYNC_WATCHDOG_MS is announced through
 * `onSlow` (the step and how many of its requests Excel had finished) and still awaited: a slow
 * request that works goes on. Unanswered after SYNC_GIVE_UP_MS it rejects, and `onStall` hears of it
 * (the door answers the user even if Excel.run never settles). Office.js binds `sync` on each context
 * (ClientRequestContext's constructor), so replacing it on the instance covers every caller. Returns
 * a stop that cancels the pending timers.
 */
export function watchSyncs(
  context: Excel.RequestContext,
  step: string,
  startTimer: StartTimer,
  onStall: (error: ExcelError) => void,
  onSlow: SlowListener = () => undefined,
): () => void {
  let finished = 0;
  const original = context.sync.bind(context);
  const cancels = new Set<() => void>();
  context.sync = (<T>(passThroughValue?: T): Promise<T> => {
    let cancelNotice: () => void = () => undefined;
    let cancelGiveUp: () => void = () => undefined;
    const cancel = () => {
      cancelNotice();
      cancelGiveUp();
    };
    let announced = false;
    const timedOut = new Promise<never>((_, reject) => {
      cancelNotice = startTimer(SYNC_WATCHDOG_MS, () => {
        announced = true;
        onSlow(stillWaiting(step, finished));
        cancelGiveUp = startTimer(SYNC_GIVE_UP_MS - SYNC_WATCHDOG_MS, () => {
          const error = notAnswering(step, finished, SYNC_GIVE_UP_MS);
          onStall(error);
          reject(error);
        });
      });
    });
    cancels.add(cancel);
    const answered = original(passThroughValue).then((value) => {
      finished += 1;
      if (announced) onSlow(null);
      return value;
    });
    return Promise.race([answered, timedOut]).finally(() => {
      cancel();
      cancels.delete(cancel);
    });
  }) as typeof context.sync;
  return () => {
    for (const cancel of cancels) cancel();
    cancels.clear();
  };
}

const duration = (ms: number) => (ms >= 120_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`);

function stillWaiting(step: string, finished: number): string {
  const done = finished === 0 ? 'Nothing has been changed in the workbook yet.' : `Excel has finished ${finished} of its requests so far.`;
  return `Excel has not answered for ${duration(SYNC_WATCHDOG_MS)} while ${step}. ${done} Still waiting: Excel on the web can take minutes over a large workbook.`;
}

function notAnswering(step: string, finished: number, ms: number): ExcelError {
  const done =
    finished === 0
      ? 'Nothing had been changed in the workbook yet.'
      : `Excel had finished ${finished} of its requests before it stopped, so the work may be partly done; running the step again redoes it from the start.`;
  return new ExcelError(
    'not-answering',
    `Excel stopped answering for ${duration(ms)} while ${step}. ${done} Reload the workbook (or restart Excel) and try again.`,
  );
}
