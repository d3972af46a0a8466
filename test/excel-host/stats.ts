/** What the host measured, on the bodies the library really sent and received. */
export interface HostStats {
  syncs: number; // requests the library sent (a sync with nothing queued sends none)
  requests: number; // the same count, kept for older readers
  maxRequestBytes: number; // largest request body (UTF-8 JSON), failed ones included
  totalRequestBytes: number;
  cellsRead: number; // cells whose values/text/formats were read
  maxResponseBytes: number; // largest response body returned
  totalResponseBytes: number;
  failedSyncs: number;
}

export function newStats(): HostStats {
  return { syncs: 0, requests: 0, maxRequestBytes: 0, totalRequestBytes: 0, cellsRead: 0, maxResponseBytes: 0, totalResponseBytes: 0, failedSyncs: 0 };
}
