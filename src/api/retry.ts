import { CancelledError, isRetryable } from './api-errors';

export interface RetryPolicy {
  /** Tries in total, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injected so tests need no clock; defaults to setTimeout. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected so tests are deterministic; defaults to Math.random. */
  random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 400, maxDelayMs: 8000 };

/** Delay before retry n (1-based): exponential, capped, with "equal jitter" so clients do not retry in lockstep. */
export function backoffDelay(n: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `task` until it succeeds, fails with a non-retryable error, runs out of attempts, or is cancelled. */
export async function withRetry<T>(task: () => Promise<T>, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  const sleep = policy.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new CancelledError();
    try {
      return await task();
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      if (!isRetryable(error) || attempt >= policy.attempts) throw error;
      await sleep(backoffDelay(attempt, policy, policy.random), signal);
    }
  }
}
