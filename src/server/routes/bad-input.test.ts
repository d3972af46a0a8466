import type { Problem } from '../../domain/api-types';
import { build, clientRow, createFirm, listAllClients, putBatch, startImport, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let importId: string;
  beforeAll(async () => {
    t = await build(dialect);
    firm = await createFirm(t.app);
    importId = await startImport(t.app, firm);
  });
  afterAll(() => t.close());

  const raw = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${importId}/batches/1`,
      payload,
      headers: { ...firm.auth, 'content-type': 'application/json', ...headers },
    });

  async function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): Problem }, status: number, detail?: RegExp) {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['detail', 'status', 'title', 'type']);
    expect(body.status).toBe(status);
    if (detail) expect(body.detail).toMatch(detail);
    const job = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importId}`, headers: firm.auth });
    expect(job.json().counts).toEqual({ rows: 0, imported: 0, rejected: 0 });
    expect(await listAllClients(t.app, firm)).toEqual([]);
  }

  it('rejects malformed JSON', async () => expectProblem(await raw('{"rows": [ {'), 400));

  it('rejects wrong types without coercing them', async () => {
    await expectProblem(await putBatch(t.app, firm, importId, 1, [{ ...clientRow(1), row: '2' }]), 400, /row 2|rows\[0\]/);
    await expectProblem(await putBatch(t.app, firm, importId, 1, [{ ...clientRow(1), taxClientId: 123 }]), 400, /taxClientId/);
    await expectProblem(await raw(JSON.stringify({ rows: 'all' })), 400);
  });

  it('names unknown fields', async () => {
    await expectProblem(await putBatch(t.app, firm, importId, 1, [{ ...clientRow(1), nickname: 'Bob' }]), 400, /unknown field "nickname"/);
    await expectProblem(await raw(JSON.stringify({ rows: [clientRow(1)], extra: true })), 400, /unknown field "extra"/);
  });

  it('answers 413 for 1,001 rows and for a 3 MB body', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => clientRow(i + 1));
    await expectProblem(await putBatch(t.app, firm, importId, 1, rows), 413, /1000 rows/);
    const huge = JSON.stringify({ rows: [{ ...clientRow(1), firstName: 'x'.repeat(3 * 1024 * 1024) }] });
    await expectProblem(await raw(huge), 413);
  });

  it('rejects huge strings and control characters, naming row and field', async () => {
    await expectProblem(await putBatch(t.app, firm, importId, 1, [clientRow(1, { lastName: 'y'.repeat(1001) })]), 400, /row 2 .*lastName/);
    await expectProblem(
      await putBatch(t.app, firm, importId, 1, [clientRow(1), clientRow(2, { firstName: 'Ann\u0000' })]),
      400,
      /row 3 \(rows\[1\]\) firstName/,
    );
    await expectProblem(await putBatch(t.app, firm, importId, 1, [clientRow(1, { email: 'a\tb@example.com' })]), 400, /email/);
  });

  it('turns semantic field errors into rejected rows, not 400s', async () => {
    const res = await putBatch(t.app, firm, importId, 7, [clientRow(1, { firstName: 'z'.repeat(101), isOffline: 'Maybe', email: 'nope' })]);
    expect(res.statusCode).toBe(200);
    const [result] = res.json().results;
    expect(result.outcome).toBe('rejected');
    expect(result.comment).toMatch(/Taxpayer First Name/);
    expect(result.comment).toMatch(/Is Offline/);
  });

  it('answers 401 problems without or with a wrong token, and hides the admin route when its token is wrong', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/firm' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/firms',
      headers: firm.auth,
      payload: { name: 'x', owners: ['a@b.c'], offices: ['o'] },
    });
    expect(admin.statusCode).toBe(401);
  });
});
