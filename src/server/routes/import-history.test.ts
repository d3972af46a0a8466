import { build, clientRow, createFirm, importRows, startImport, type TestApp } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

describe.each(DIALECTS)('GET /imports on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(() => t?.close());

  it("lists the firm's imports newest first, page by page, with source and counts", async () => {
    const firm = await createFirm(t.app);
    const other = await createFirm(t.app, { name: 'Other' });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await importRows(t.app, firm, [clientRow(i), clientRow(i, { row: 99 })], { source: `file-${i}.xlsx` })).importId);
    const open = await startImport(t.app, firm, { source: 'open.xlsx' });
    await importRows(t.app, other, [clientRow(1)]);

    type Entry = { id: string; status: string; source: string };
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { statusCode: number; json(): { imports: Entry[]; next: string | null } } = await t.app.inject({
        method: 'GET',
        url: `/api/v1/imports?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        headers: firm.auth,
      });
      expect(res.statusCode).toBe(200);
      const body: { imports: Entry[]; next: string | null } = res.json();
      seen.push(...body.imports);
      cursor = body.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((j) => j.id)).toEqual([open, ...ids.reverse()]);
    expect(seen[0]).toEqual({
      id: open,
      status: 'open',
      source: 'open.xlsx',
      counts: { rows: 0, imported: 0, rejected: 0 },
      createdAt: expect.any(String),
      completedAt: null,
      createdBy: 'API key "initial"',
      createdByName: '',
    });
    expect(seen[1]).toEqual({
      id: ids[0],
      status: 'completed',
      source: 'file-5.xlsx',
      counts: { rows: 2, imported: 1, rejected: 1 },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      completedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      createdBy: 'API key "initial"',
      createdByName: '',
    });
  });

  it('answers bad limits and cursors with a 400 problem, and gives an import without a source as null', async () => {
    const firm = await createFirm(t.app);
    const id = await startImport(t.app, firm);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: firm.auth })).json().imports).toEqual([
      expect.objectContaining({ id, source: null }),
    ]);
    for (const query of ['limit=-1', 'limit=abc', 'cursor=nope', 'cursor=123', 'other=1']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports?${query}`, headers: firm.auth });
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/imports' })).statusCode).toBe(401);
  });
});
