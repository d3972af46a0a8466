// PostgreSQL may abort one of two racing transactions (deadlock, serialization); running it again is safe.
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

export async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
    }
  }
}
