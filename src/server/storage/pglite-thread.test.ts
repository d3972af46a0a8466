import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGliteThread } from './pglite-thread';

describe('PGlite on its own thread', () => {
  let pglite: PGliteThread;
  beforeAll(async () => {
    pglite = new PGliteThread();
    await pglite.ready;
  });
  afterAll(() => pglite.close());

  it('answers parameterised queries with the types PGlite gives', async () => {
    const { rows } = await pglite.query<{ n: number; t: string; b: boolean; a: string[]; d: Date; z: null }>(
      `select $1::int + 1 as n, $2::text as t, true as b, $3::text[] as a, '2026-12-01T00:00:00Z'::timestamptz as d, null as z`,
      [41, 'é', ['x', 'y']],
    );
    expect(rows).toEqual([{ n: 42, t: 'é', b: true, a: ['x', 'y'], d: new Date('2026-12-01T00:00:00Z'), z: null }]);
  });

  it('sends and reads bytea byte for byte: alone, in arrays, empty and null (the thread converts them itself)', async () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const view = new Uint8Array(Buffer.from('--abc--')).subarray(2, 5);
    const { rows } = await pglite.query<{ b: Uint8Array; n: number; v: Uint8Array; e: Uint8Array; z: null; a: Uint8Array[]; h: string }>(
      `select $1::bytea as b, length($1::bytea) as n, $2::bytea as v, $3::bytea as e, $4::bytea as z, $5::bytea[] as a, encode($2::bytea, 'hex') as h`,
      [all, view, new Uint8Array(0), null, [all, view]],
    );
    expect(rows[0]).toEqual({
      b: all,
      n: 256,
      v: Uint8Array.from([97, 98, 99]),
      e: new Uint8Array(0),
      z: null,
      a: [all, Uint8Array.from([97, 98, 99])],
      h: '616263',
    });
    expect(rows[0].b).toBeInstanceOf(Uint8Array);
    await expect(pglite.query('select $1::bytea', ['not bytes'])).rejects.toThrow(/Invalid input for bytea/);
  });

  it("throws Postgres's errors with their fields, so callers can tell a unique violation", async () => {
    await pglite.query('create table t (k text primary key)');
    await pglite.query(`insert into t values ('a')`);
    const error = await pglite.query(`insert into t values ('a')`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect((error as Error).message).toMatch(/duplicate key/);
    // The thread goes on answering after an error.
    expect((await pglite.query<{ k: string }>('select k from t')).rows).toEqual([{ k: 'a' }]);
  });

  it('answers queries sent at once in the order sent', async () => {
    await pglite.query('create table seq (n int)');
    await Promise.all(Array.from({ length: 20 }, (_, n) => pglite.query('insert into seq values ($1)', [n])));
    const { rows } = await pglite.query<{ n: number }>('select n from seq');
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('refuses queries once closed, and a data directory it cannot open fails its start', async () => {
    const other = new PGliteThread();
    await other.ready;
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/database thread stopped/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pglite-thread-'));
    const file = path.join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    const broken = new PGliteThread(file);
    await expect(broken.ready).rejects.toThrow();
    await broken.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
