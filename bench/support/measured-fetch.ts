// Wraps fetch to record what crosses the wire: the largest request and response bodies and the
// number of calls, so the submit stage reports bytes the way the Excel stages report syncs.
import type { FetchLike } from '../../src/api';
import { addServerTiming } from './time-split';

export interface WireStats {
  requests: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  /** Wall time spent in calls, by kind: batch PUTs, the report download, the rest. */
  ms: { batches: number; report: number; other: number };
  /** The batch answers' Server-Timing phases, summed (ms). */
  server: Record<string, number>;
  /** First batch call's start and last batch call's end (performance.now()), for the batches' wall time. */
  batchSpan: { start: number; end: number };
}

export const newWireStats = (): WireStats => ({
  requests: 0,
  maxRequestBytes: 0,
  maxResponseBytes: 0,
  totalRequestBytes: 0,
  totalResponseBytes: 0,
  ms: { batches: 0, report: 0, other: 0 },
  server: {},
  batchSpan: { start: Infinity, end: 0 },
});

export function measuredFetch(stats: WireStats, inner: FetchLike = (url, init) => fetch(url, init)): FetchLike {
  return async (url, init) => {
    const sent = typeof init?.body === 'string' ? Buffer.byteLength(init.body) : 0;
    stats.requests++;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, sent);
    stats.totalRequestBytes += sent;
    const started = performance.now();
    const kind = /\/batches\//.test(url) ? 'batches' : /\/report$/.test(url) ? 'report' : 'other';
    let response = await inner(url, init);
    // The size from Content-Length when the server gives it (the portal does, uncompressed); else read the
    // body here and hand back an equivalent Response. Copying every answer cost the import time it measures.
    const declared = response.headers.has('content-encoding') ? NaN : Number(response.headers.get('content-length') ?? NaN);
    let received = declared;
    if (!Number.isInteger(declared)) {
      const body = await response.arrayBuffer();
      received = body.byteLength;
      response = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, received);
    stats.totalResponseBytes += received;
    stats.ms[kind] += performance.now() - started;
    if (kind === 'batches') {
      addServerTiming(stats.server, response.headers.get('server-timing'));
      stats.batchSpan.start = Math.min(stats.batchSpan.start, started);
      stats.batchSpan.end = Math.max(stats.batchSpan.end, performance.now());
    }
    return response;
  };
}
