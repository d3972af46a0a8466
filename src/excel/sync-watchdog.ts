import { ExcelError } from './excel-error';

/** DESIGN §7: a context.sync() still unanswered after this long is given up on. */
export const SYNC_WATCHDOG_MS = 60_000;

/** Starts a timer and returns its cancel; tests pass one they fire themselves, never real waiting. */
export type StartTimer = (ms: number, onTimeout: () => void) => () => void;

export const realTimer: StartTimer = (ms, onTimeout) => {
  const id = setTimeout(onTimeout, ms);
  return () => clearTimeout(id);
};

/**
 * Puts a watchdog on every `context.sync()` of one Excel.run: Excel on the web can leave a sync
 * pending forever (reported on the office-js tracker after large workbooks open), which would
 * hang the pane and the ribbon button. A sync unanswered after `ms` rejects, and `onStall` hears
 * of it (the door answers the user even if Excel.run never settles). The message names the step
 * and how many of its requests Excel had finished, so the user knows what was done. Office.js
 * binds `sync` on each context (ClientRequestContext's constructor), so replacing it on the
 * instance covers every caller. Returns a stop that cancels the pending timers.
 */
export function watchSyncs(
  context: Excel.RequestContext,
  step: string,
  startTimer: StartTimer,
  onStall: (error: ExcelError) => void,
  ms = SYNC_WATCHDOG_MS,
): () => void {
  let finished = 0;
  const original = context.sync.bind(context);
  const cancels = new Set<() => void>();
  context.sync = (<T>(passThroughValue?: T): Promise<T> => {
    let cancel: () => void = () => undefined;
    const timedOut = new Promise<never>((_, reject) => {
      cancel = startTimer(ms, () => {
        const error = notAnswering(step, finished, ms);
        onStall(error);
        reject(error);
      });
    });
    cancels.add(cancel);
    const answered = original(passThroughValue).then((value) => {
      finished += 1;
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

function notAnswering(step: string, finished: number, ms: number): ExcelError {
  const seconds = Math.round(ms / 1000);
  const done =
    finished === 0
      ? 'Nothing had been changed in the workbook yet.'
      : `Excel had finished ${finished} of its requests before it stopped, so the work may be partly done; running the step again redoes it from the start.`;
  return new ExcelError(
    'not-answering',
    `Excel stopped answering for ${seconds} seconds while ${step}. ${done} Reload the workbook (or restart Excel) and try again.`,
  );
}
