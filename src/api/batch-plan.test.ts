import { fitForWire, planBatches, rowsFingerprint } from './batch-plan';
import { MAX_CELL_CHARS } from '../domain/api-types';
import { sampleRows } from './fake-portal.test-helper';

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

describe('rowsFingerprint', () => {
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
