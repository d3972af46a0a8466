// Rate limits (DESIGN §9): per address, per failed authentication, per token and per import, each a 429
// problem with Retry-After that changes nothing; others keep being served, and the limit lifts with its window.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { build, clientRow, createFirm, putBatch, startImport, type TestApp, type TestFirm } from '../server/build';
import { DIALECTS } from '../server/dialects';
import { expectProblem, snapshot } from './support/matrix';

const WINDOW_MS = 1500;
const LIMITS = { windowMs: WINDOW_MS, perAddress: 5, failedAuthPerAddress: 10, perToken: 40, batchesPerImport: 3 };
const ATTACKER = '203.0.113.7';
const NEIGHBOUR = '198.51.100.20';

// Each failed authentication is a token lookup in the database before it is counted, so the lockout's checks get a
// window that a loaded machine cannot outrun while they run (a 1.5 s window could end mid-burst and count anew).
const FAILURE_WINDOW_MS = 15_000;

function expectTooMany(res: LightMyRequestResponse, windowMs = WINDOW_MS): number {
  expectProblem(res, 429, /Too many requests/);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(windowMs / 1000));
  return retryAfter;
}

const waitOut = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 50));

describe.each(DIALECTS)('rate limits on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let other: TestFirm;
  const send = (options: InjectOptions, from: string) => t.app.inject({ ...options, remoteAddress: from });

  beforeAll(async () => {
    t = await build(dialect, { rateLimits: LIMITS });
    firm = await createFirm(t.app, { name: 'Limited Firm' });
    other = await createFirm(t.app, { name: 'Other Firm' });
  });
  // Apps a test builds for itself, closed even when the test fails.
  const closeLater: TestApp[] = [];
  afterAll(() => Promise.all([t, ...closeLater].map((app) => app?.close())));

  it('200 rapid failed authentications from one address get 429s; other callers are served; it lifts with the window', async () => {
    const t = await build(dialect, { rateLimits: { ...LIMITS, windowMs: FAILURE_WINDOW_MS } });
    closeLater.push(t);
    const firm = await createFirm(t.app, { name: 'Locked-out Office Firm' });
    const send = (options: InjectOptions, from: string) => t.app.inject({ ...options, remoteAddress: from });
    const before = await snapshot(t.storage.db);
    const forged = { method: 'GET' as const, url: '/api/v1/firm', headers: { authorization: `Bearer ${'Z'.repeat(43)}` } };
    const answers = await Promise.all(Array.from({ length: 200 }, () => send(forged, ATTACKER)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.failedAuthPerAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - LIMITS.failedAuthPerAddress);
    const retryAfter = expectTooMany(
      answers.find((r) => r.statusCode === 429)!,
      FAILURE_WINDOW_MS,
    );

    // While bad tokens from the attacker's address are refused, a valid caller elsewhere is served, and so is a
    // valid token from that same address (a firm's whole office often shares one): only the guilty are throttled.
    expect((await send({ method: 'GET', url: '/api/v1/firm', headers: firm.auth }, NEIGHBOUR)).statusCode).toBe(200);
    expect((await send({ method: 'GET', url: '/api/v1/health' }, NEIGHBOUR)).statusCode).toBe(200);
    expect((await send({ method: 'GET', url: '/api/v1/firm', headers: firm.auth }, ATTACKER)).statusCode).toBe(200);
    expectTooMany(await send(forged, ATTACKER), FAILURE_WINDOW_MS);
    expectTooMany(await send({ method: 'POST', url: '/api/v1/admin/firms', headers: forged.headers, payload: {} }, ATTACKER), FAILURE_WINDOW_MS);
    expect(await snapshot(t.storage.db)).toEqual(before);

    await waitOut(retryAfter);
    expect((await send({ method: 'GET', url: '/api/v1/firm', headers: firm.auth }, ATTACKER)).statusCode).toBe(200);
    expectProblem(await send(forged, ATTACKER), 401);
  });

  it('routes without a token are limited per address', async () => {
    const health = { method: 'GET' as const, url: '/api/v1/health' };
    const from = '192.0.2.50';
    const answers = await Promise.all(Array.from({ length: LIMITS.perAddress + 3 }, () => send(health, from)));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(LIMITS.perAddress);
    const retryAfter = expectTooMany(answers.find((r) => r.statusCode === 429)!);
    expect((await send(health, '192.0.2.51')).statusCode).toBe(200);
    await waitOut(retryAfter);
    expect((await send(health, from)).statusCode).toBe(200);
  });

  it('a token is limited on its own, whatever address it comes from; another firm is not affected', async () => {
    const me = await createFirm(t.app, { name: 'Busy Firm' });
    const firmOf = (i: number) => send({ method: 'GET', url: '/api/v1/firm', headers: me.auth }, `192.0.2.${100 + (i % 50)}`);
    const answers = await Promise.all(Array.from({ length: LIMITS.perToken + 5 }, (_, i) => firmOf(i)));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(LIMITS.perToken);
    const retryAfter = expectTooMany(answers.find((r) => r.statusCode === 429)!);
    expect((await send({ method: 'GET', url: '/api/v1/firm', headers: other.auth }, '192.0.2.100')).statusCode).toBe(200);
    await waitOut(retryAfter);
    expect((await firmOf(0)).statusCode).toBe(200);
  });

  it("an import's batch PUTs have their own bucket: over it → 429 and nothing stored; another import goes on", async () => {
    const first = await startImport(t.app, firm);
    const second = await startImport(t.app, firm);
    for (let seq = 1; seq <= LIMITS.batchesPerImport; seq++) expect((await putBatch(t.app, firm, first, seq, [clientRow(300 + seq)])).statusCode).toBe(200);
    const before = await snapshot(t.storage.db);
    const refused = await putBatch(t.app, firm, first, LIMITS.batchesPerImport + 1, [clientRow(399)]);
    const retryAfter = expectTooMany(refused);
    expect(await snapshot(t.storage.db)).toEqual(before);
    expect((await putBatch(t.app, firm, second, 1, [clientRow(400)])).statusCode).toBe(200);
    await waitOut(retryAfter);
    expect((await putBatch(t.app, firm, first, LIMITS.batchesPerImport + 1, [clientRow(399)])).statusCode).toBe(200);
  });
});
