import { officeError } from './errors';
import { WorkbookModel } from './workbook-model';

export interface FakeStats {
  syncs: number;              // context.sync() calls, including empty and failed ones
  requests: number;           // syncs that carried queued work to "Excel"
  maxRequestBytes: number;    // largest request payload seen (failed requests included)
  totalRequestBytes: number;
  cellsRead: number;          // cells whose values/text/formats were returned by loads
  maxResponseBytes: number;   // largest response payload seen (loaded data)
  totalResponseBytes: number;
  failedSyncs: number;
}
export interface Limits { maxRequestBytes: number; maxResponseBytes: number; maxReadCells: number }

/** Fixed payload cost of one queued action (Office.js sends an action record + object path). */
export const OP_BYTES = 80;

const NON_ASCII = /[^\x00-\x7f]/;
const encoder = new TextEncoder();

/** UTF-8 size of the JSON Office.js would send for `value`. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const s = JSON.stringify(value) ?? '';
  return NON_ASCII.test(s) ? encoder.encode(s).length : s.length;
}

/** One queued action. `run` happens at sync, in queue order. */
export interface Op { where: string; bytes: number; run(x: Exec): void }

/** State of one sync being executed: response accounting and the loaded values to hand back. */
export class Exec {
  responseBytes = 0;
  cellsRead = 0;
  readonly deliveries: (() => void)[] = [];
  constructor(private readonly limits: Limits) {}

  /** Called before building a read of `cells` cells, so a huge read fails fast instead of allocating. */
  read(cells: number, where: string): void {
    this.cellsRead += cells;
    if (this.cellsRead > this.limits.maxReadCells)
      throw officeError('RangeExceedsLimit', `The request reads ${this.cellsRead} cells; the limit is ${this.limits.maxReadCells}.`, where);
  }
  respond(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }
  deliver(fn: () => void): void {
    this.deliveries.push(fn);
  }
}

export function newStats(): FakeStats {
  return { syncs: 0, requests: 0, maxRequestBytes: 0, totalRequestBytes: 0, cellsRead: 0, maxResponseBytes: 0, totalResponseBytes: 0, failedSyncs: 0 };
}

/** What all contexts of one fake share: the workbook, the limits, the counters. */
export class Engine {
  readonly model = new WorkbookModel();
  stats = newStats();
  injected: { code: string; message: string }[] = [];
  constructor(readonly limits: Limits) {}

  /** Runs one request. Over-size requests apply nothing; an action that fails stops the batch
   *  there (earlier actions stay applied, as in Excel); loaded values arrive only on success. */
  execute(ops: Op[]): void {
    const s = this.stats;
    s.syncs++;
    const injected = this.injected.shift();
    if (injected) { s.failedSyncs++; throw officeError(injected.code, injected.message); }
    if (ops.length === 0) return;
    s.requests++;
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    s.totalRequestBytes += bytes;
    s.maxRequestBytes = Math.max(s.maxRequestBytes, bytes);
    if (bytes > this.limits.maxRequestBytes) {
      s.failedSyncs++;
      throw officeError('RequestPayloadSizeLimitExceeded', `The request payload size (${bytes} bytes) has exceeded the limit (${this.limits.maxRequestBytes} bytes).`);
    }
    const x = new Exec(this.limits);
    try {
      for (const op of ops) op.run(x);
    } catch (e) {
      s.failedSyncs++;
      s.cellsRead += x.cellsRead;
      throw e;
    }
    s.cellsRead += x.cellsRead;
    s.totalResponseBytes += x.responseBytes;
    s.maxResponseBytes = Math.max(s.maxResponseBytes, x.responseBytes);
    if (x.responseBytes > this.limits.maxResponseBytes) {
      s.failedSyncs++;
      throw officeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${x.responseBytes} bytes) has exceeded the limit (${this.limits.maxResponseBytes} bytes).`);
    }
    for (const d of x.deliveries) d();
  }
}
