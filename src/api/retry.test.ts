import { ApiError, CancelledError, NetworkError } from './api-errors';
import { backoffDelay, withRetry } from './retry';
import { instantRetry } from './fake-portal.test-helper';

describe('backoffDelay', () => {
  const policy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
  it('grows exponentially and stays within [ceiling/2, ceiling]', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800]);
  });
  it('is capped by maxDelayMs however many retries', () => {
    expect(backoffDelay(30, policy, () => 1)).toBe(1000);
    expect(backoffDelay(30, policy, () => 0)).toBe(500);
  });
});

describe('withRetry', () => {
  it('retries network errors and 5xx, then succeeds', async () => {
    const { policy, delays } = instantRetry(5);
    const failures = [new NetworkError('down'), new ApiError('busy', 503), new ApiError('oops', 500)];
    let calls = 0;
    const value = await withRetry(async () => {
      calls++;
      const f = failures.shift();
      if (f) throw f;
      return 'ok';
    }, policy);
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    expect(delays).toEqual([75, 150, 300]);
  });

  it('does not retry a 4xx answer', async () => {
    const { policy } = instantRetry(5);
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new ApiError('bad', 400);
      }, policy),
    ).rejects.toThrow('bad');
    expect(calls).toBe(1);
  });

  it('gives up after the number of attempts and rethrows the last error', async () => {
    const { policy } = instantRetry(3);
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new NetworkError(`down ${calls}`);
      }, policy),
    ).rejects.toThrow('down 3');
    expect(calls).toBe(3);
  });

  it('stops with CancelledError when aborted while waiting to retry', async () => {
    const controller = new AbortController();
    const policy = { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 };
    const pending = withRetry(
      async () => {
        throw new NetworkError('down');
      },
      policy,
      controller.signal,
    );
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });
});
