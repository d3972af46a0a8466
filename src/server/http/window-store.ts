type Answer = (error: Error | null, result?: { current: number; ttl: number }) => void;

const MAX_KEYS = 20_000;

/**
 * A fixed-window counter store for @fastify/rate-limit. Its built-in LocalStore hands every caller the same
 * mutable record, so requests counted in one tick all read the last count (8 concurrent requests under a
 * limit of 5 were all refused); this one answers each caller with its own snapshot.
 */
export class WindowStore {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();

  incr(key: string, answer: Answer, timeWindow: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) {
      window = { count: 0, startedAt: now };
      this.windows.delete(key);
      if (this.windows.size >= MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(key, window);
    }
    window.count += 1;
    answer(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
  }

  read(key: string, answer: Answer, timeWindow: number): void {
    const now = Date.now();
    const window = this.windows.get(key);
    const live = window && window.startedAt + timeWindow > now;
    answer(null, live ? { current: window.count, ttl: window.startedAt + timeWindow - now } : { current: 0, ttl: 0 });
  }

  /** Each limiter gets its own counters. */
  child(): WindowStore {
    return new WindowStore();
  }
}
