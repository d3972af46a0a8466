// Where a bench import's time goes: the server's phases summed over every batch (from each answer's
// Server-Timing header), the batches' wall time, and the client-side work of preparing the request
// bodies, timed apart on the same rows.
import { ImportPlanner } from '../../src/api/batch-plan';
import type { ClientRow } from '../../src/domain/api-types';

export interface TimeSplit {
  /** ms per server phase, summed over the batches: parse, validate, lock, facts, decide, encode, write, commit, serialize. */
  server: Record<string, number>;
  /** Wall time from the first batch call's start to the last one's end (several are in flight at once). */
  batchesWallMs: number;
  /** The submit stage's time outside the batches: before the first batch call (create, first plan) and after the last answer (complete, report). */
  edgesMs: { beforeFirstBatch: number; afterLastBatch: number };
  /** Client-side body building, timed apart on the same rows: batches, request bodies and fingerprint (one JSON.stringify per batch). */
  client: { planMs: number };
}

/** Adds one `Server-Timing` header (`lock;dur=0.31, facts;dur=2.1`) into `totals`. */
export function addServerTiming(totals: Record<string, number>, header: string | null): void {
  for (const entry of (header ?? '').split(',')) {
    const match = /^\s*([\w-]+);dur=([\d.]+)/.exec(entry);
    if (match) totals[match[1]] = (totals[match[1]] ?? 0) + Number(match[2]);
  }
}

export function clientSideCost(rows: readonly ClientRow[]): TimeSplit['client'] {
  const started = performance.now();
  new ImportPlanner(rows).finish();
  return { planMs: performance.now() - started };
}

const ms = (value: number) => `${Math.round(value)} ms`;

export function printSplit(split: TimeSplit): void {
  const serverTotal = Object.values(split.server).reduce((a, b) => a + b, 0);
  const phases = Object.entries(split.server)
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join(', ');
  // With batches in flight at once, phases overlap: 'lock' and 'wait' are mostly a batch queueing behind
  // the one before it; the work done under the import's lock (facts … commit) is the serial part.
  const serial = ['facts', 'decide', 'encode', 'write', 'commit'].reduce((sum, name) => sum + (split.server[name] ?? 0), 0);
  console.log(`  server phases, summed over batches: ${ms(serverTotal)} = ${phases}`);
  console.log(`  batches wall time ${ms(split.batchesWallMs)}; of it under the import's lock (facts+decide+encode+write+commit): ${ms(serial)}`);
  const edges = split.edgesMs;
  console.log(`  submit outside the batches: ${ms(edges.beforeFirstBatch)} before the first, ${ms(edges.afterLastBatch)} after the last answer`);
  console.log(`  client body building (timed apart): batches + request bodies + fingerprint ${ms(split.client.planMs)}`);
}
