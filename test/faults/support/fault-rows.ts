import type { ClientRow, Client, ReportRow } from '../../../src/domain/api-types';
import { COMMENTS } from '../../../src/domain/import-decision';
import { OFFICE, OWNER } from './portal';

export interface Expected {
  outcome: 'imported' | 'rejected';
  kind: 'standard' | 'offline' | null;
  /** Exact comment, or a pattern for field errors. */
  comment: string | RegExp;
}

/**
 * A file of `count` rows with a known answer for each: every 10th row misses its first name,
 * every 7th (offset 3) is offline, and a few rows repeat an ID from 999 rows earlier, so the
 * in-file duplicate check has to survive batch boundaries and restarts.
 */
export function faultFile(count: number, tag: string): { rows: ClientRow[]; expected: Map<number, Expected> } {
  const rows: ClientRow[] = [];
  const expected = new Map<number, Expected>();
  for (let i = 0; i < count; i++) {
    const row = i + 2;
    const repeatsEarlier = i >= 1000 && i % 500 === 250;
    const firstIndex = repeatsEarlier ? i - 999 : i;
    const taxClientId = `${tag}${firstIndex}`;
    const offline = i % 7 === 3;
    const blankName = i % 10 === 9;
    rows.push({
      row,
      taxClientId,
      firstName: blankName ? '' : `First${i}`,
      lastName: `Last${i}`,
      email: `${tag.toLowerCase()}.${i}@example.com`,
      ownerEmail: OWNER,
      officeLocation: OFFICE,
      isOffline: offline ? 'Yes' : 'No',
    });
    if (blankName) expected.set(row, { outcome: 'rejected', kind: null, comment: /Taxpayer First Name/ });
    else if (repeatsEarlier) expected.set(row, { outcome: 'rejected', kind: null, comment: COMMENTS.duplicateInFile(firstIndex + 2) });
    else expected.set(row, { outcome: 'imported', kind: offline ? 'offline' : 'standard', comment: '' });
  }
  return { rows, expected };
}

/** Mismatches between a report and the expected answers; each row must appear exactly once. */
export function reportMismatches(report: readonly ReportRow[], expected: Map<number, Expected>): string[] {
  const problems: string[] = [];
  const seen = new Map<number, number>();
  const byRow = new Map<number, ReportRow>();
  for (const r of report) {
    seen.set(r.row, (seen.get(r.row) ?? 0) + 1);
    byRow.set(r.row, r);
  }
  for (const [row, n] of seen) if (n !== 1) problems.push(`row ${row} answered ${n} times`);
  for (const [row, want] of expected) {
    const got = byRow.get(row);
    if (!got) {
      problems.push(`row ${row} has no result`);
      continue;
    }
    const commentOk = typeof want.comment === 'string' ? got.comment === want.comment : want.comment.test(got.comment);
    if (got.outcome !== want.outcome || got.kind !== want.kind || !commentOk) {
      problems.push(`row ${row}: got ${got.outcome}/${got.kind}/"${got.comment}", want ${want.outcome}/${want.kind}/${want.comment}`);
    }
  }
  if (report.length !== expected.size) problems.push(`report has ${report.length} rows, expected ${expected.size}`);
  return problems.slice(0, 20);
}

/** The profiles a correct import of the file creates: `kind:taxClientId`, sorted. */
export function expectedProfiles(rows: readonly ClientRow[], expected: Map<number, Expected>): string[] {
  return rows
    .filter((r) => expected.get(r.row)?.outcome === 'imported')
    .map((r) => `${expected.get(r.row)!.kind}:${r.taxClientId}`)
    .sort();
}

export const profileKeys = (clients: readonly Client[]) => clients.map((c) => `${c.kind}:${c.taxClientId}`).sort();
