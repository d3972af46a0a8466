import { build, clientRow, createFirm, putBatch, startImport, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

describe.each(DIALECTS)('batches of one import in flight at once on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app);
  });
  afterAll(() => t.close());

  const putAfter = (importId: string, seq: number, after: number, rows: unknown[]) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/imports/${importId}/batches/${seq}?after=${after}`, headers: firm.auth, payload: { rows } });

  it('applies a batch that arrives before the one it follows after that one, so the file order decides duplicates', async () => {
    const id = await startImport(t.app, firm);
    let secondAnswered = false;
    const second = putAfter(id, 2, 1, [clientRow(301, { row: 900 }), clientRow(302)]).then((res) => {
      secondAnswered = true;
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secondAnswered).toBe(false); // waiting for batch 1, holding no transaction
    const first = await putBatch(t.app, firm, id, 1, [clientRow(301)]);
    expect(first.json().results[0]).toMatchObject({ outcome: 'imported', comment: '' });
    const results = (await second).json().results;
    expect(results.map((r: { comment: string }) => r.comment)).toEqual(['This Tax Client ID appears more than once in the file (first on row 302)', '']);
    // A replay of a batch that followed another answers the same.
    expect((await putAfter(id, 2, 1, [clientRow(999)])).json().results).toEqual(results);
  });

  it('refuses an after that does not name an earlier batch', async () => {
    const id = await startImport(t.app, firm);
    const res = await putAfter(id, 3, 3, [clientRow(310)]);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('after must name an earlier batch than 3');
  });
});
