// An in-memory portal behind a fetch-shaped function, for the api tests (passed in, never patched onto globalThis).
import type { ClientRow, ReportRow, RowResult } from '../domain/api-types';
import type { FetchLike } from './portal-client';

export type Fault = 'network' | 500 | 503 | 400 | 401;

export interface FakeImport {
  batches: Map<number, RowResult[]>;
  rows: ClientRow[];
  completed: boolean;
  source: string | null;
  sendInvitations: boolean;
  createdAt: string;
  createdBy: string;
}

export interface FakePortal {
  fetch: FetchLike;
  /** `rawBody`: the request body as sent, `body` that parsed. */
  calls: { method: string; url: string; headers: Record<string, string>; body: unknown; rawBody?: string }[];
  /** Rows stored per import, keyed by seq: what the database would hold. */
  imports: Map<string, FakeImport>;
  /** Tax Client IDs invited (POST /clients/invitations) and re-invited (…/resend), in order. */
  invited: string[];
  resent: string[];
  /** Faults served, in order, to the next matching requests. */
  faults: Fault[];
  /** Called before a batch is answered (e.g. to press Cancel mid-import). */
  beforeBatch?: (seq: number) => void;
}

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, detail: string) => json(status, { type: 'about:blank', title: 'Error', status, detail }, 'application/problem+json');

export function createFakePortal(): FakePortal {
  const portal: FakePortal = { fetch: null as unknown as FetchLike, calls: [], imports: new Map(), faults: [], invited: [], resent: [] };
  let nextId = 1;
  portal.fetch = async function (this: unknown, url, init = {}) {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    const method = init.method ?? 'GET';
    const rawBody = typeof init.body === 'string' ? init.body : undefined;
    const body = rawBody === undefined ? undefined : JSON.parse(rawBody);
    portal.calls.push({ method, url, headers: { ...(init.headers as Record<string, string>) }, body, rawBody });
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const fault = portal.faults.shift();
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault) return problem(fault, `Injected ${fault}`);
    const path = new URL(url, 'http://portal.test').pathname.replace(/^\/api\/v1/, '');
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/imports') {
      const id = `imp-${nextId++}`;
      const input = (body ?? {}) as { source?: string; sendInvitations?: boolean };
      const createdAt = new Date(Date.UTC(2026, 0, 1, 9, nextId)).toISOString();
      portal.imports.set(id, {
        batches: new Map(),
        rows: [],
        completed: false,
        source: input.source ?? null,
        sendInvitations: input.sendInvitations ?? false,
        createdAt,
        createdBy: 'pat@firm.test',
      });
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
        job.batches.set(
          seq,
          // As the portal does: a row the add-in held back is rejected with its comment; the fake imports every other row.
          rows.map((r) =>
            r.heldBack !== undefined
              ? { row: r.row, taxClientId: r.taxClientId, outcome: 'rejected', kind: null, status: null, comment: r.heldBack }
              : { row: r.row, taxClientId: r.taxClientId, outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' },
          ),
        );
      }
      return json(200, { results: job.batches.get(seq) });
    }
    if (method === 'POST' && (m = path.match(/^\/imports\/([^/]+)\/complete$/))) {
      const job = portal.imports.get(m[1])!;
      job.completed = true;
      return json(200, { id: m[1], status: 'completed', counts: countsOf(job) });
    }
    if (method === 'GET' && path === '/imports') return json(200, listImports(portal, new URL(url, 'http://portal.test').searchParams));
    if (method === 'GET' && path === '/clients') return json(200, { clients: clientsOf(portal), next: null });
    if (method === 'POST' && (m = path.match(/^\/clients\/invitations(\/resend)?$/))) {
      const ids = (body as { taxClientIds: string[] }).taxClientIds;
      (m[1] ? portal.resent : portal.invited).push(...ids);
      return json(200, { results: ids.map((taxClientId) => ({ taxClientId, invited: true, status: 'Not Enrolled', comment: '' })) });
    }
    if (method === 'GET' && (m = path.match(/^\/imports\/([^/]+)\/report\.xlsx$/))) {
      return new Response(new Uint8Array([80, 75, 3, 4]), { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
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

const countsOf = (job: FakeImport) => {
  const results = [...job.batches.values()].flat();
  const imported = results.filter((r) => r.outcome === 'imported').length;
  return { rows: results.length, imported, rejected: results.length - imported };
};

/** GET /imports: newest first, `limit` a page, `cursor` the index to go on from. */
function listImports(portal: FakePortal, params: URLSearchParams) {
  const all = [...portal.imports.entries()].reverse();
  const start = Number(params.get('cursor') ?? 0);
  const limit = Number(params.get('limit') ?? 100);
  const imports = all.slice(start, start + limit).map(([id, job]) => ({
    id,
    status: job.completed ? 'completed' : 'open',
    source: job.source,
    counts: countsOf(job),
    createdAt: job.createdAt,
    completedAt: job.completed ? job.createdAt : null,
    createdBy: job.createdBy,
    createdByName: '',
  }));
  return { imports, next: start + limit < all.length ? String(start + limit) : null };
}

/** GET /clients: a standard client per imported row; invited ones (and imports that asked) are Not Enrolled. */
function clientsOf(portal: FakePortal) {
  const invited = new Set(portal.invited);
  return [...portal.imports.values()].flatMap((job) =>
    job.rows.map((r) => ({
      taxClientId: r.taxClientId,
      kind: 'standard',
      status: job.sendInvitations || invited.has(r.taxClientId) ? 'Not Enrolled' : 'Not Invited',
      firstName: r.firstName,
      lastName: r.lastName,
    })),
  );
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
