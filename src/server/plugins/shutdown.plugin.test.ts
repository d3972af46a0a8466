import { buildApp } from '../app';
import { ADMIN_TOKEN, clientRow, createFirm, putBatch, startImport } from '../../../test/server/build';
import { DIALECTS, openTestStorage } from '../../../test/server/dialects';

// SIGTERM (DESIGN §9): a batch already running finishes and is stored; a request that arrives meanwhile gets
// a 503 problem with Retry-After; the drain settles once the batch has answered.
describe.each(DIALECTS)('graceful shutdown on %s', (dialect) => {
  it('finishes the in-flight batch and refuses new requests with 503', async () => {
    const storage = await openTestStorage(dialect);
    const app = await buildApp({ db: storage.db, storage: storage.kind, adminToken: ADMIN_TOKEN, publicOrigin: 'https://portal.test' });
    // Holds the batch inside the server (past authentication, before its handler) until the test lets it go.
    let arrived!: () => void;
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    app.addHook('preHandler', async (request) => {
      if (request.method !== 'PUT') return;
      arrived();
      await gate;
    });
    try {
      await app.ready();
      const firm = await createFirm(app);
      const importId = await startImport(app, firm);
      const batch = putBatch(app, firm, importId, 1, [clientRow(1), clientRow(2)]);
      await inside;

      let drained = false;
      const draining = app.drain(60_000).then(() => (drained = true));
      const refused = await putBatch(app, firm, importId, 2, [clientRow(3)]);
      expect({ status: refused.statusCode, type: refused.headers['content-type'] }).toEqual({
        status: 503,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(503);
      expect(drained).toBe(false);

      release();
      const answered = await batch;
      expect(answered.statusCode).toBe(200);
      expect(answered.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['imported', 'imported']);
      await draining;
      const stored = await storage.db.selectFrom('import_batches').select('seq').execute();
      expect(stored.map((b) => Number(b.seq))).toEqual([1]);
    } finally {
      release?.();
      await app.close();
      await storage.close();
    }
  });
});
