import type { Problem } from '../domain/api-types';

/** An answer from the portal that is not a success, already turned into a sentence for the pane. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly problem: Problem | null = null,
  ) {
    super(message);
  }
}

/** The portal could not be reached (DNS, refused, offline, TLS) even after retrying. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The user pressed Cancel; whatever was answered before stays in the resume state. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('The import was cancelled.');
  }
}

export function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
}

/** A plain sentence for a failed answer: `401` → "You are not signed in…". Never a stack. */
export function messageForStatus(status: number, problem: Problem | null): string {
  const detail = problem?.detail?.trim() || problem?.title?.trim() || '';
  // The caller is a signed-in person (a session that may have ended) or an API key (entered in Connect).
  if (status === 401) return 'You are not signed in: the session ended or the API key was not accepted. Sign in again, or check the key in Connect.';
  if (status === 403) return 'Your role does not allow that: ask a firm admin.';
  if (status === 404) return detail ? `Not found: ${detail}` : 'The portal does not know this address. Check the backend address.';
  if (status === 413) return `Too much data in one request${detail ? `: ${detail}` : '.'}`;
  if (status >= 500) return `The portal had a problem (${status}). Try again in a moment.`;
  return detail ? `The portal refused the request: ${firstLine(detail)}` : `The portal refused the request (${status}).`;
}

function firstLine(text: string): string {
  // A detail is a sentence; anything that looks like a trace after it is dropped.
  return text.split(/\r?\n/)[0].slice(0, 500);
}

/** Network failures and 5xx answers may succeed when sent again; batches are idempotent, so that is safe. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.status >= 500 || error.status === 429 || error.status === 408);
}

/** Any thrown value as a message the pane can show. */
export function plainMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError || error instanceof CancelledError) return error.message;
  if (error instanceof Error && error.message) return firstLine(error.message);
  return 'Something went wrong.';
}
