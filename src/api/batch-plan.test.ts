import { fitForWire, ImportPlanner, planBatches, rowsFingerprint } from './batch-plan';
import { MAX_CELL_CHARS, type ClientRow } from '../domain/api-types';
import { sampleRows } from './fake-portal.test-helper';

/** The batching rule row by row, as first written: a row joins unless the batch is full or its bytes, each row counted with a comma, would pass the budget. */
function perRowBatches(rows: readonly ClientRow[], maxRows: number, maxBytes: number): ClientRow[][] {
  const batches: ClientRow[][] = [];
  let current: ClientRow[] = [];
  let bytes = 0;
  for (const original of rows) {
    const row = fitForWire(original);
    const size = new TextEncoder().encode(JSON.stringify(row)).length + 1;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** FNV-1a over the UTF-16 code units of JSON.stringify(rows), as the fingerprint was first defined. */
function plainFingerprint(rows: readonly ClientRow[]): string {
  const text = JSON.stringify(rows);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${rows.length}-${hash.toString(16)}`;
}

/** Rows with awkward last names: accents, emoji, quotes, control characters, a lone surrogate, now and then one over the cell limit. */
function awkwardRows(count: number, seed: number): ClientRow[] {
  const pieces = ['a', 'é', '😀', 'ễ', '\u0000', '"', '\\', 'x'.repeat(50), '\ud800'];
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return sampleRows(count).map((row) => {
    const length = random() < 0.05 ? MAX_CELL_CHARS + 300 : Math.floor(random() * 60);
    let lastName = '';
    while (lastName.length < length) lastName += pieces[Math.floor(random() * pieces.length)];
    return { ...row, lastName };
  });
}

describe('planBatches', () => {
  it('cuts 2,500 rows into 1,000 + 1,000 + 500 in order', () => {
    const rows = sampleRows(2500);
    const batches = planBatches(rows);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(rows);
  });

  it('starts a new batch before the body would pass the byte budget', () => {
    const rows = sampleRows(10, 100).map((r) => ({ ...r, firstName: 'x'.repeat(300), lastName: 'Lee', email: 'a@b.co' }));
    const one = JSON.stringify(rows[0]).length + 1;
    const batches = planBatches(rows, 1000, one * 3);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 1]);
  });

  it('counts bytes, not characters, for non-ASCII names', () => {
    const rows = sampleRows(4).map((r) => ({ ...r, firstName: 'é'.repeat(100) }));
    const ascii = JSON.stringify({ ...rows[0], firstName: 'e'.repeat(100) }).length + 1;
    expect(planBatches(rows, 1000, ascii * 2).length).toBe(4);
  });

  it('gives no batch for no rows', () => {
    expect(planBatches([])).toEqual([]);
  });
});

describe('ImportPlanner', () => {
  it('plans one batch at a time and knows the fingerprint once every row is planned', () => {
    const rows = sampleRows(2500);
    const planner = new ImportPlanner(rows);
    const first = planner.take(1)!;
    expect(first.rows).toHaveLength(1000);
    expect(planner.take(1)).toEqual(first); // the body is let go once taken, and made again if asked for again
    expect(planner.batches).toHaveLength(1);
    expect(planner.done).toBe(false);
    expect(planner.fingerprint).toBeNull();
    expect(planner.finish()).toBe(rowsFingerprint(rows));
    expect(planner.batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(planner.take(4)).toBeUndefined();
  });

  it('makes each body exactly JSON.stringify({ rows }) of the rows as fitted for the wire', () => {
    const rows = awkwardRows(2500, 1);
    const planner = new ImportPlanner(rows);
    planner.finish();
    expect(planner.batches.flat()).toEqual(rows.map(fitForWire));
    for (let seq = 1; seq <= planner.batches.length; seq++) expect(planner.take(seq)!.body).toBe(JSON.stringify({ rows: planner.batches[seq - 1] }));
  });

  it.each([
    ['full batches', 1000, 1_800_000],
    ['a byte budget that cuts most batches', 1000, 20_000],
    ['a budget under one row', 1000, 300],
    ['few rows per batch', 7, 3000],
  ])('cuts batches and fingerprints rows as the per-row rule does, with %s', (_, maxRows, maxBytes) => {
    const rows = awkwardRows(3000, maxBytes);
    const planner = new ImportPlanner(rows, maxRows, maxBytes);
    expect(planner.finish()).toBe(plainFingerprint(rows));
    expect(planner.batches).toEqual(perRowBatches(rows, maxRows, maxBytes));
  });
});

describe('rowsFingerprint', () => {
  it('matches what earlier versions saved, so their interrupted imports still resume', () => {
    expect(rowsFingerprint(sampleRows(3))).toBe('3-e1a40bd0');
    const rows = sampleRows(1500).map((r, i) => (i === 3 ? { ...r, firstName: 'Zoë 😀', lastName: 'x'.repeat(1200) } : r));
    expect(rowsFingerprint(rows)).toBe('1500-d586e96d');
    expect(rowsFingerprint([])).toBe(plainFingerprint([]));
  });

  it('is stable for equal rows and changes when a cell changes', () => {
    const rows = sampleRows(50);
    expect(rowsFingerprint(sampleRows(50))).toBe(rowsFingerprint(rows));
    const edited = rows.map((r, i) => (i === 17 ? { ...r, email: 'other@example.com' } : r));
    expect(rowsFingerprint(edited)).not.toBe(rowsFingerprint(rows));
  });
});

describe('fitForWire', () => {
  it('cuts only cells over the wire limit, by code points', () => {
    const [row] = sampleRows(1);
    expect(fitForWire(row)).toBe(row);
    const long = fitForWire({ ...row, firstName: '😀'.repeat(MAX_CELL_CHARS + 5), lastName: 'Lee' });
    expect([...long.firstName]).toHaveLength(MAX_CELL_CHARS);
    expect(long.firstName.endsWith('😀')).toBe(true);
    expect(long.lastName).toBe('Lee');
  });

  it('is applied to every planned batch', () => {
    const rows = sampleRows(3).map((r) => ({ ...r, lastName: 'x'.repeat(5000) }));
    expect(
      planBatches(rows)
        .flat()
        .every((r) => r.lastName.length === MAX_CELL_CHARS),
    ).toBe(true);
  });
});
