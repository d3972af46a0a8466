import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/server/storage/schema';
import { DIALECTS } from '../../server/dialects';
import { buildWorld, type World } from './world';

export interface BadCase {
  name: string;
  request: (w: World) => InjectOptions;
  status: number;
  /** Pattern the problem's detail must match. */
  detail?: RegExp;
  /** Extra checks of an answer that is not a problem (2xx cases that must still change nothing). */
  check?: (res: LightMyRequestResponse, w: World) => void;
}

const TABLES = ['firms', 'clients', 'imports', 'import_batches', 'import_seen_ids', 'outbox', 'replaced_invitations'] as const;

/** Row count and a hash of every row of every table: equal snapshots mean nothing changed. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.table(table)} t`.execute(db);
    out[table] = `${rows[0].n}:${rows[0].h ?? ''}`;
  }
  return out;
}

// A stack frame, a source path or an internal error name would mean the error handler leaked details.
const LEAK = /\n\s+at |node_modules|\.[jt]s:\d+|\b(TypeError|ReferenceError|SyntaxError|error: )/;

export function expectProblem(res: LightMyRequestResponse, status: number, detail?: RegExp): void {
  expect({ status: res.statusCode, type: res.headers['content-type'], body: res.body.slice(0, 300) }).toMatchObject({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual(['detail', 'status', 'title', 'type']);
  expect(body.status).toBe(status);
  expect(res.body).not.toMatch(LEAK);
  if (detail) expect(body.detail).toMatch(detail);
}

// A request that gets no answer is a failure of its own (a hung connection), not a slow test.
const ANSWER_MS = 5000;
function answerWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** One describe per dialect; each case runs against the same seeded world and must leave it as it was. */
export function badInputMatrix(title: string, cases: BadCase[]): void {
  describe.each(DIALECTS)(`${title} on %s`, (dialect) => {
    let w: World;
    beforeAll(async () => {
      w = await buildWorld(dialect);
    });
    afterAll(() => w?.close());

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const before = await snapshot(w.db);
      const res = await answerWithin(w.app.inject(c.request(w)), ANSWER_MS);
      if (c.status >= 400) expectProblem(res, c.status, c.detail);
      else expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status: c.status });
      c.check?.(res, w);
      expect(await snapshot(w.db)).toEqual(before);
    });
  });
}
