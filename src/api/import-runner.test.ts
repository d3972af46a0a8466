import { MAX_CELL_CHARS, type ClientRow } from '../domain/api-types';
import { CancelledError, NetworkError } from './api-errors';
import { planBatches, rowsFingerprint } from './batch-plan';
import { createFakePortal, instantRetry, sampleRows } from './fake-portal.test-helper';
import { canResume, runImport, type ImportProgress, type ImportState } from './import-runner';
import { createPortalClient, type FetchLike } from './portal-client';

function setup(attempts = 4) {
  const portal = createFakePortal();
  const retry = instantRetry(attempts);
  const client = createPortalClient({ baseUrl: 'http://portal.test', token: 't', fetch: portal.fetch, retry: retry.policy });
  const puts = () => portal.calls.filter((c) => c.method === 'PUT').map((c) => c.url.split('/').pop());
  return { portal, client, puts, retry };
}

/** Runs an import of `rows` that Cancel stops as batch `seq` reaches the portal; the last state saved, for a resume. */
async function cancelledAt(seq: number, rows: ClientRow[], { client, portal }: ReturnType<typeof setup>): Promise<ImportState | null> {
  const controller = new AbortController();
  portal.beforeBatch = (s) => {
    if (s === seq) controller.abort();
  };
  let saved: ImportState | null = null;
  await expect(runImport(client, { rows, signal: controller.signal, onState: (s) => (saved = s) })).rejects.toBeInstanceOf(CancelledError);
  portal.beforeBatch = undefined;
  return saved;
}

describe('runImport', () => {
  it('sends 2,500 rows as batches 1..3, reports progress, completes and returns the report', async () => {
    const { client, puts } = setup();
    const progress: ImportProgress[] = [];
    const outcome = await runImport(client, { rows: sampleRows(2500), onProgress: (p) => progress.push(p) });
    expect(puts()).toEqual(['1', '2?after=1', '3?after=2']);
    expect(progress.map((p) => p.rowsDone)).toEqual([0, 1000, 2000, 2500]);
    expect(progress.every((p) => p.rowsTotal === 2500 && p.batchesTotal === 3)).toBe(true);
    expect(outcome.counts).toEqual({ rows: 2500, imported: 2500, rejected: 0 });
    expect(outcome.report).toHaveLength(2500);
  });

  it('builds the report from the batch answers, with no report download', async () => {
    const { client, portal } = setup();
    const rows = sampleRows(1200);
    const outcome = await runImport(client, { rows });
    expect(portal.calls.some((c) => c.url.endsWith('/report'))).toBe(false);
    expect(outcome.report[1199]).toEqual({ ...rows[1199], outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' });
    expect(outcome.report.map((r) => r.row)).toEqual(rows.map((r) => r.row));
  });

  it('matches answers to rows by row number when the portal answers a batch in another order', async () => {
    const { portal } = setup();
    const serve = portal.fetch;
    const reversed: FetchLike = async (url, init) => {
      const response = await serve(url, init);
      if (init?.method !== 'PUT') return response;
      const { results } = (await response.json()) as { results: unknown[] };
      return new Response(JSON.stringify({ results: results.reverse() }), { status: 200 });
    };
    const client = createPortalClient({ baseUrl: 'http://portal.test', token: 't', fetch: reversed, retry: instantRetry().policy });
    const rows = sampleRows(1500);
    const outcome = await runImport(client, { rows });
    expect(outcome.report.map((r) => [r.row, r.taxClientId])).toEqual(rows.map((r) => [r.row, r.taxClientId]));
    expect(outcome.report[1234]).toEqual({ ...rows[1234], outcome: 'imported', kind: 'standard', status: 'Not Invited', comment: '' });
  });

  it('retries a batch after a 5xx and a dropped connection without storing it twice', async () => {
    const { client, portal, puts } = setup();
    portal.beforeBatch = (seq) => {
      if (seq === 2 && puts().length === 2) portal.faults.push(503, 'network');
    };
    // Faults apply to the request after the one that queued them: PUT 2 answered, then the retry path is exercised on PUT 3.
    const outcome = await runImport(client, { rows: sampleRows(2100) });
    expect(puts()).toEqual(['1', '2?after=1', '3?after=2', '3?after=2', '3?after=2']);
    expect(portal.imports.get(outcome.importId)!.rows).toHaveLength(2100);
  });

  it('re-sends a batch whose answer was lost and the portal keeps one copy', async () => {
    const { client, portal } = setup();
    let lost = false;
    const fetch = portal.fetch;
    const lossy = async (url: string, init?: RequestInit) => {
      const response = await fetch(url, init);
      if (!lost && url.endsWith('/batches/1')) {
        lost = true;
        throw new TypeError('connection reset'); // the portal stored it, the pane never heard
      }
      return response;
    };
    const retrying = createPortalClient({ baseUrl: client.baseUrl, token: 't', fetch: lossy, retry: instantRetry().policy });
    const outcome = await runImport(retrying, { rows: sampleRows(1500) });
    expect(portal.imports.get(outcome.importId)!.rows).toHaveLength(1500);
    expect(outcome.counts.rows).toBe(1500);
  });

  it('stops on Cancel, keeps the answered batches in the state and resumes without duplicates', async () => {
    const t = setup();
    const { client, portal, puts } = t;
    const rows = sampleRows(3500);
    const saved = await cancelledAt(3, rows, t);
    expect(saved!.doneSeqs).toEqual([1, 2]);
    // What was already imported, for the pane to say so.
    expect(saved!.counts).toEqual({ rows: 2000, imported: 2000, rejected: 0 });
    expect(canResume(saved, rows)).toBe(true);

    const progress: number[] = [];
    const outcome = await runImport(client, { rows, resume: saved, onProgress: (p) => progress.push(p.rowsDone) });
    expect(outcome.importId).toBe(saved!.importId);
    expect(portal.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/imports'))).toHaveLength(1);
    expect(puts().slice(-2)).toEqual(['3?after=2', '4?after=3']);
    expect(progress[0]).toBe(2000);
    const stored = portal.imports.get(outcome.importId)!.rows.map((r) => r.taxClientId);
    expect(new Set(stored).size).toBe(3500);
    expect(stored).toHaveLength(3500);
    // Batches 1 and 2 were answered in the cancelled run, so the report comes from the portal.
    expect(portal.calls.filter((c) => c.url.endsWith('/report'))).toHaveLength(1);
    expect(outcome.report.map((r) => r.taxClientId)).toEqual(rows.map((r) => r.taxClientId));
  });

  it('leaves a resumable state when the network stays down', async () => {
    const { client, portal } = setup(2);
    const rows = sampleRows(2000);
    portal.beforeBatch = (seq) => {
      if (seq === 1) portal.faults.push('network', 'network');
    };
    let saved: ImportState | null = null;
    await expect(runImport(client, { rows, onState: (s) => (saved = s) })).rejects.toBeInstanceOf(NetworkError);
    expect(saved!.doneSeqs).toEqual([1]);
    portal.beforeBatch = undefined;
    const outcome = await runImport(client, { rows, resume: saved });
    expect(outcome.report.map((r) => r.taxClientId)).toEqual(rows.map((r) => r.taxClientId));
  });

  it('keeps six batches in flight, each naming the one it follows, and stops the others when one fails', async () => {
    const { portal } = setup();
    const serve = portal.fetch;
    const held: (() => void)[] = [];
    const slow = async (url: string, init?: RequestInit) => {
      // Held like a slow network: released by the test, or given up on abort as fetch does.
      if (init?.method === 'PUT') {
        await new Promise<void>((release, fail) => {
          held.push(release);
          init.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError')));
        });
      }
      return serve(url, init);
    };
    const client = createPortalClient({ baseUrl: 'http://portal.test', token: 't', fetch: slow, retry: instantRetry(1).policy });
    let saved: ImportState | null = null;
    const run = runImport(client, { rows: sampleRows(9000), onState: (s) => (saved = s) });
    while (held.length < 6) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 10));
    expect(held).toHaveLength(6); // batches 1-6 sent, none answered yet
    held.shift()!(); // batch 1 answered
    while (held.length < 6) await new Promise((r) => setTimeout(r, 1));
    portal.faults.push(400);
    held.shift()!(); // batch 2 fails for good: batches 3-7, in flight, are stopped
    await expect(run).rejects.toThrow('Injected 400');
    expect(saved!.doneSeqs).toEqual([1]);
    const sent = portal.calls.filter((c) => c.method === 'PUT').map((c) => c.url.split('/').pop());
    expect(sent).toEqual(['1', '2?after=1']);
  });

  it('refuses to resume with rows that changed', async () => {
    const { client, portal } = setup();
    const state: ImportState = {
      importId: 'imp-9',
      doneSeqs: [1],
      rowsTotal: 10,
      fingerprint: 'other',
      completed: false,
      counts: { rows: 5, imported: 5, rejected: 0 },
    };
    expect(canResume(state, sampleRows(10))).toBe(false);
    await expect(runImport(client, { rows: sampleRows(10), resume: state })).rejects.toThrow('cannot be resumed');
    expect(portal.calls).toHaveLength(0);
  });

  it('sends the first batch before the last rows are planned', async () => {
    const { portal } = setup();
    const events: string[] = [];
    const rows = sampleRows(5000);
    const last = rows[4999];
    // Reading the last row's email means it is being planned (fitted and serialised).
    rows[4999] = Object.defineProperty({ ...last }, 'email', {
      enumerable: true,
      get: () => {
        events.push('last row planned');
        return last.email;
      },
    });
    const serve = portal.fetch;
    const fetch: FetchLike = (url, init) => {
      if (init?.method === 'PUT') events.push(`PUT ${url.split('/').pop()}`);
      return serve(url, init);
    };
    const client = createPortalClient({ baseUrl: 'http://portal.test', token: 't', fetch, retry: instantRetry().policy });
    const states: ImportState[] = [];
    const outcome = await runImport(client, { rows, onState: (s) => states.push(s) });
    expect(events.indexOf('PUT 1')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('PUT 1')).toBeLessThan(events.indexOf('last row planned'));
    // Every state the pane can persist names all the rows.
    expect(states.length).toBeGreaterThan(1);
    expect(states.every((s) => s.fingerprint === rowsFingerprint(rows) && s.rowsTotal === 5000)).toBe(true);
    expect(states.at(-1)).toMatchObject({ completed: true, doneSeqs: [1, 2, 3, 4, 5] });
    expect(outcome.report).toHaveLength(5000);
  });

  it('sends each batch as JSON.stringify({ rows }) of its rows fitted for the wire', async () => {
    const { client, portal } = setup();
    const rows = sampleRows(2100).map((r, i) => (i % 700 === 5 ? { ...r, firstName: 'Zoë 😀', lastName: 'x'.repeat(MAX_CELL_CHARS + 1) } : r));
    await runImport(client, { rows });
    const sent = portal.calls.filter((c) => c.method === 'PUT').map((c) => c.rawBody);
    expect(sent).toEqual(planBatches(rows).map((batch) => JSON.stringify({ rows: batch })));
    expect(planBatches(rows)[0][5].lastName).toHaveLength(MAX_CELL_CHARS);
  });

  it('leaves a resumable state when stopped before every row is planned', async () => {
    const t = setup();
    const { client, portal, puts } = t;
    const rows = sampleRows(5000);
    const saved = await cancelledAt(1, rows, t);
    expect(saved).toMatchObject({ doneSeqs: [], fingerprint: rowsFingerprint(rows), completed: false });
    expect(canResume(saved, rows)).toBe(true);

    const outcome = await runImport(client, { rows, resume: saved });
    expect(outcome.importId).toBe(saved!.importId);
    expect(puts().slice(1)).toEqual(['1', '2?after=1', '3?after=2', '4?after=3', '5?after=4']);
    expect(portal.imports.get(outcome.importId)!.rows.map((r) => r.taxClientId)).toEqual(rows.map((r) => r.taxClientId));
  });
});
