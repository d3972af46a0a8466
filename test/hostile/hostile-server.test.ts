// The same hostile sheets, read by the add-in's real sheet path, submitted to the real server
// (buildApp + app.inject, PGlite in memory): each row gets exactly one result, never a 5xx, and
// the server rejects every row the add-in's own checks reject, with the same comment.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { planBatches } from '../../src/api';
import type { ClientRow, RowResult } from '../../src/domain';
import { hostileSheetArb } from './support/hostile-sheet';
import { newFirm as firmOn, putBatch, startApp, startImport, type HostileApp, type HostileFirm } from './support/server-app';
import { decideAll, FIRM, runPipeline, seeded } from './support/workbook-pipeline';

// PGlite and cookie must load outside jest's module sandbox (see test/server/shims).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../server/shims/pglite.cjs'));
jest.mock('cookie', () => jest.requireActual('../server/shims/cookie.cjs'));

let t: HostileApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t?.close();
});

const newFirm = () => firmOn(t.app);

async function submit(app: FastifyInstance, firm: HostileFirm, rows: ClientRow[], batchRows: number): Promise<RowResult[]> {
  const id = await startImport(app, firm);
  const results: RowResult[] = [];
  for (const [i, batch] of planBatches(rows, batchRows).entries()) {
    const res = await putBatch(app, firm, id, i + 1, batch);
    expect(res.statusCode).toBe(200);
    const answer = res.json().results as RowResult[];
    expect(answer.map((r) => [r.row, r.taxClientId])).toEqual(batch.map((r) => [r.row, r.taxClientId]));
    results.push(...answer);
  }
  const done = await app.inject({ method: 'POST', url: `/api/v1/imports/${id}/complete`, headers: firm.auth });
  expect(done.statusCode).toBe(200);
  expect(done.json().counts.rows).toBe(rows.length);
  const report = await app.inject({ method: 'GET', url: `/api/v1/imports/${id}/report`, headers: firm.auth });
  expect(report.json().rows.map((r: RowResult) => r.row)).toEqual(rows.map((r) => r.row));
  return results;
}

describe('hostile rows through the server import', () => {
  it('get exactly one result each, no 5xx, and agree with the add-in on every locally rejected row', async () => {
    const sheets = hostileSheetArb({ serverSafe: true, maxDataRows: 20 }).filter((s) => s.droppedRequired.length === 0);
    await fc.assert(
      fc.asyncProperty(sheets, fc.integer({ min: 1, max: 8 }), async (sheet, batchRows) => {
        const result = await runPipeline(seeded(sheet).fake);
        if (!result.found) throw new Error('a sheet with every required header must be found');
        const firm = await newFirm();
        const results = await submit(t.app, firm, result.rows, batchRows);
        expect(results).toHaveLength(result.rows.length);
        decideAll(result.rows).forEach((local, i) => {
          expect(['imported', 'rejected']).toContain(results[i].outcome);
          if (local.outcome === 'rejected') expect(results[i]).toMatchObject({ outcome: 'rejected', comment: local.comment });
        });
      }),
      { numRuns: 12 },
    );
  });

  // Cells over 1,000 characters are refused as a malformed request (DESIGN §9 "huge strings"),
  // so a template holding one cannot be imported at all: the add-in sends rows as read. Shown here
  // so the gap stays visible; see the issue-6 report for where the fix belongs.
  it('answer a 10,000-character cell with a 4xx problem and import nothing from that batch', async () => {
    const firm = await newFirm();
    const id = await startImport(t.app, firm);
    const row: ClientRow = {
      row: 2,
      taxClientId: 'C1',
      firstName: 'x'.repeat(10_000),
      lastName: 'Lee',
      ownerEmail: FIRM.owners[0],
      officeLocation: FIRM.offices[0],
      isOffline: 'No',
    };
    const res = await putBatch(t.app, firm, id, 1, [row, { ...row, row: 3, taxClientId: 'C2', firstName: 'Ann' }]);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const clients = await t.app.inject({ method: 'GET', url: '/api/v1/clients', headers: firm.auth });
    expect(clients.json().clients).toEqual([]);
  });
});
