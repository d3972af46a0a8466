import { build, clientRow, createFirm, listAllClients, putBatch, startImport, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

describe.each(DIALECTS)('batches on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app);
  });
  afterAll(() => t.close());

  it('answers a replayed seq with the first answer and changes nothing', async () => {
    const id = await startImport(t.app, firm);
    const rows = [clientRow(1), clientRow(2, { email: 'not-an-email' })];
    const first = await putBatch(t.app, firm, id, 1, rows);
    expect(first.statusCode).toBe(200);
    expect(first.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['imported', 'rejected']);
    const again = await putBatch(t.app, firm, id, 1, [clientRow(3)]);
    expect(again.json()).toEqual(first.json());
    const job = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: firm.auth });
    expect(job.json().counts).toEqual({ rows: 2, imported: 1, rejected: 1 });
    expect((await listAllClients(t.app, firm)).map((c) => c.taxClientId)).toEqual(['C00001']);
  });

  it('rejects a Tax Client ID repeated in a later batch of the same import, naming the first row', async () => {
    const id = await startImport(t.app, firm);
    await putBatch(t.app, firm, id, 1, [clientRow(10)]);
    const res = await putBatch(t.app, firm, id, 2, [clientRow(10, { row: 500, email: 'other@example.com' }), clientRow(11), clientRow(11, { row: 600 })]);
    const comments = res.json().results.map((r: { comment: string }) => r.comment);
    expect(comments).toEqual([
      'This Tax Client ID appears more than once in the file (first on row 11)',
      '',
      'This Tax Client ID appears more than once in the file (first on row 12)',
    ]);
  });

  it('rejects a second standard client with an email already used in the firm or earlier in the batch', async () => {
    const id = await startImport(t.app, firm);
    const res = await putBatch(t.app, firm, id, 1, [
      clientRow(20, { email: 'CLIENT1@example.com' }),
      clientRow(21, { email: 'shared@example.com' }),
      clientRow(22, { email: 'Shared@Example.com' }),
      clientRow(23, { email: 'staff@firm.test' }),
    ]);
    const results = res.json().results as { outcome: string; comment: string }[];
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'imported', 'rejected', 'rejected']);
    expect(results[0].comment).toMatch(/another client/);
    expect(results[2].comment).toMatch(/another client/);
    expect(results[3].comment).toMatch(/firm user/);
  });

  it('lets four racing imports of one new Tax Client ID create one profile; the others get the §4 comment', async () => {
    const ids = await Promise.all([0, 1, 2, 3].map(() => startImport(t.app, firm)));
    const answers = await Promise.all(ids.map((id, i) => putBatch(t.app, firm, id, 1, [clientRow(900, { email: `race${i}@example.com` })])));
    const results = answers.map((a) => a.json().results[0] as { outcome: string; comment: string });
    expect(results.filter((r) => r.outcome === 'imported')).toHaveLength(1);
    const rejected = results.filter((r) => r.outcome === 'rejected');
    expect(rejected).toHaveLength(3);
    expect(rejected.every((r) => r.comment === 'A client with this Tax Client ID already exists')).toBe(true);
    expect(await listAllClients(t.app, firm, '&taxClientId=C00900')).toHaveLength(1);
  });

  it('lets racing batches with one new email and different IDs create one client', async () => {
    const ids = await Promise.all([0, 1, 2, 3].map(() => startImport(t.app, firm)));
    const answers = await Promise.all(ids.map((id, i) => putBatch(t.app, firm, id, 1, [clientRow(950 + i, { email: 'same@race.test' })])));
    const outcomes = answers.map((a) => a.json().results[0].outcome);
    expect(outcomes.filter((o) => o === 'imported')).toHaveLength(1);
  });

  it('refuses batches after completion but still replays answered ones', async () => {
    const id = await startImport(t.app, firm);
    await putBatch(t.app, firm, id, 1, [clientRow(30)]);
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/complete`, headers: firm.auth });
    expect(done.json()).toMatchObject({ id, status: 'completed', counts: { rows: 1, imported: 1, rejected: 0 } });
    expect((await putBatch(t.app, firm, id, 1, [clientRow(30)])).statusCode).toBe(200);
    const late = await putBatch(t.app, firm, id, 2, [clientRow(31)]);
    expect(late.statusCode).toBe(409);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
