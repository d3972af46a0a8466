import type { ClientRow, RowResult } from '../../domain/api-types';
import { TEMPLATE_COLUMNS } from '../../domain/columns';

// A stored batch is written for every batch and read only for a replay or a report, so it is kept
// small: each row is a tuple in a fixed field order (absent fields as null) instead of an object
// repeating eleven keys, and each result keeps only what the row does not already say.
// About 2.5 times less to encode, send and store than the plain objects.

const FIELDS = ['row', ...TEMPLATE_COLUMNS.map((c) => c.field)] as const;
type Tuple = (string | number | null)[];
type ResultTuple = [RowResult['outcome'], RowResult['kind'], RowResult['status'], string];

/** `encodeRows([{row: 2, taxClientId: 'A', …}])` → `'[[2,"A",…]]'` */
export function encodeRows(rows: readonly ClientRow[]): string {
  const record = rows as unknown as Record<string, string | number | undefined>[];
  return JSON.stringify(record.map((r) => FIELDS.map((f) => r[f] ?? null)));
}

export function decodeRows(text: string): ClientRow[] {
  return (JSON.parse(text) as Tuple[]).map((t) => {
    const row: Record<string, string | number> = {};
    FIELDS.forEach((f, i) => {
      if (t[i] != null) row[f] = t[i] as string | number;
    });
    return row as unknown as ClientRow;
  });
}

export function encodeResults(results: readonly RowResult[]): string {
  return JSON.stringify(results.map((r): ResultTuple => [r.outcome, r.kind, r.status, r.comment]));
}

/** The results as answered: `row` and `taxClientId` come from the stored rows, as `toRowResult` took them. */
export function decodeResults(text: string, rows: readonly ClientRow[]): RowResult[] {
  return (JSON.parse(text) as ResultTuple[]).map(([outcome, kind, status, comment], i) => ({
    row: rows[i].row,
    taxClientId: rows[i].taxClientId,
    outcome,
    kind,
    status,
    comment,
  }));
}
