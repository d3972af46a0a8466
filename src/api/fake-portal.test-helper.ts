// An in-memory portal behind a fetch-shaped function, for the api tests (passed in, never patched onto globalThis).
import type { ClientRow, ReportRow, RowResult } from '../domain/api-types';
import type { FetchLike } from './portal-client';

export type Fault = 'network' | 500 | 503 | 400 | 401;

export interface FakePortal {
  fetch: FetchLike;
  calls: { method: string; url: string; headers: Record<string, string>; body: unknown }[];
  /** Rows stored per import, keyed by seq: what the database would hold. */
  imports: Map<string, { batches: Map<number, RowResult[]>; rows: ClientRow[]; completed: boolean }>;
  /** Faults served, in order, to the next matching requests. */
  faults: Fault[];
  /** Called before a batch is answered (e.g. to press Cancel mid-import). */
  beforeBatch?: (seq: number) => void;
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, detail: string) =>
  json(status, { type: 'about:blank', title: 'Error', status, detail }, 'application/problem+json');

export function createFakePortal(): FakePortal {
  const portal: FakePortal = { fetch: null as unknown as FetchLike, calls: [], imports: new Map(), faults: [] };
  let nextId = 1;
  portal.fetch = async function (this: unknown, url, init = {}) {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    portal.calls.push({ method, url, headers: { ...(init.headers as Record<string, string>) }, body });
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const fault = portal.faults.shift();
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault) return problem(fault, `Injected ${fault}`);
    const path = new URL(url, 'http://portal.test').pathname.replace(/^\/api\/v1/, '');
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/imports') {
      const id = `imp-${nextId++}`;
      portal.imports.set(id, { batches: new Map(), rows: [], completed: false });
      return json(201, { id, status: 'open' });
    }
    if (method === 'PUT' && (m = path.match(/^\/imports\/([^/]+)\/batches\/(\d+)$/))) {
      const job = portal.imports.get(m[1]);
      if (!job) return problem(404, 'No such import');
      const seq = Number(m[2]);
      portal.beforeBatch?.(seq);
      if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      if (!job.batches.has(seq)) {
        const rows = (body as { rows: ClientRow[] }).rows;
        job.rows.push(...rows);
        job.batches.set(seq, rows.map((r) => ({ row: r.row, taxClientId: r.taxClientId, outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' })));
      }
      return json(200, { results: job.batches.get(seq) });
    }
    if (method === 'POST' && (m = path.match(/^\/imports\/([^/]+)\/complete$/))) {
      const job = portal.imports.get(m[1])!;
      job.completed = true;
      return json(200, { id: m[1], status: 'completed', counts: { rows: job.rows.length, imported: job.rows.length, rejected: 0 } });
    }
    if (method === 'GET' && (m = path.match(/^\/imports\/([^/]+)\/report$/))) {
      const job = portal.imports.get(m[1])!;
      const results = [...job.batches.values()].flat();
      const rows: ReportRow[] = job.rows.map((r, i) => ({ ...r, ...results[i] })).sort((a, b) => a.row - b.row);
      return json(200, { rows });
    }
    return problem(404, `No route ${method} ${path}`);
  };
  return portal;
}

export function sampleRows(count: number, firstRow = 2): ClientRow[] {
  return Array.from({ length: count }, (_, i) => ({
    row: firstRow + i,
    taxClientId: `C${String(i + 1).padStart(5, '0')}`,
    firstName: 'Ann',
    lastName: `Lee ${i + 1}`,
    email: `ann${i + 1}@example.com`,
    ownerEmail: 'owner@firm.test',
    officeLocation: 'Main',
    isOffline: '',
  }));
}

/** A retry policy with no waiting, so tests run instantly and record the delays asked for. */
export function instantRetry(attempts = 4) {
  const delays: number[] = [];
  return { delays, policy: { attempts, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5, sleep: async (ms: number) => void delays.push(ms) } };
}
