import { sql, type Kysely } from 'kysely';
import { DIALECTS, openTestStorage, type TestStorage } from '../../../test/server/dialects';
import { textArray } from './pg-array';
import type { Database } from './schema';

const TRICKY = [
  'plain',
  '',
  'NULL',
  'null',
  'with "quotes"',
  'back\\slash',
  'ends with \\',
  '{braces},commas',
  'new\nline',
  'tab\there',
  'bell\u0007',
  "O'Brien",
  'Nguyễn 🙂',
  '  spaced  ',
  '\\"',
  'line\u2028separator',
  'a\\\n',
  null,
];

describe.each(DIALECTS)('text arrays given as literals on %s', (dialect) => {
  let storage: TestStorage;
  let db: Kysely<Database>;
  beforeAll(async () => {
    storage = await openTestStorage(dialect);
    db = storage.db;
  });
  afterAll(() => storage.close());

  const roundTrip = async (values: (string | null)[]) =>
    (await sql<{ v: string | null }>`select v from unnest(${textArray(values)}::text[]) with ordinality as u(v, n) order by n`.execute(db)).rows.map(
      (r) => r.v,
    );

  it('reads back every value exactly, whichever way the literal was written', async () => {
    expect(await roundTrip(TRICKY)).toEqual(TRICKY);
    for (const value of TRICKY) expect(await roundTrip([value, 'next'])).toEqual([value, 'next']);
    expect(await roundTrip([])).toEqual([]);
  });

  it('writes the usual values as one literal and leaves the rest to the driver', () => {
    expect(textArray(['a', 'say "hi"', 'c:\\dir', null])).toBe('{"a","say \\"hi\\"","c:\\\\dir",null}');
    expect(textArray(['new\nline'])).toEqual(['new\nline']);
    // The literal way for what JSON writes as Postgres reads it, the driver's for the rest.
    expect(typeof textArray(['Nguyễn 🙂', "O'Brien", '{a,b}', 'NULL', 'line\u2028separator', 'c:\\dir\\"x"', ''])).toBe('string');
    for (const value of ['a\\\n', 'bell\u0007', 'lone \ud800 surrogate']) expect(Array.isArray(textArray([value]))).toBe(true);
  });
});
