import type { Client, ClientRow, ReportRow } from '../../../src/domain/api-types';
import { COMMENTS } from '../../../src/domain/import-decision';
import { OFFICE, OWNER } from './portal';

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * File `k` of a set that overlaps: IDs drawn from one shared pool, each file with repeats of its
 * own IDs, a mix of standard and offline rows and a unique email per row (so a profile's email
 * names the row that created it). Only repeated rows ever miss a field.
 */
export function overlappingFile(k: number, size: number, pool: number): ClientRow[] {
  const next = random(1000 + k);
  const seen = new Set<string>();
  return Array.from({ length: size }, (_, j) => {
    const taxClientId = `T${Math.floor(next() * pool)}`;
    const repeat = seen.has(taxClientId);
    seen.add(taxClientId);
    return {
      row: j + 2,
      taxClientId,
      firstName: `F${k}.${j}`,
      lastName: repeat && next() < 0.2 ? '' : `L${k}.${j}`,
      email: `i${k}.r${j}@example.com`,
      ownerEmail: OWNER,
      officeLocation: OFFICE,
      isOffline: next() < 0.4 ? 'Yes' : 'No',
    };
  });
}

const kindOf = (row: ClientRow) => (row.isOffline === 'Yes' ? 'offline' : 'standard');

/**
 * Checks what concurrent imports of `files` must end with, given the profiles they left:
 * a profile of a kind exists for an ID exactly when some file's first row of that ID asks for it;
 * it was created by one of those rows (its email says which), with that import's status; that row
 * alone is `imported`, every other row carries the §4 comment. Returns the problems found.
 */
export function concurrencyProblems(files: ClientRow[][], reports: ReportRow[][], sendInvitations: boolean[], clients: Client[]): string[] {
  const problems: string[] = [];
  const profiles = new Map<string, Client>();
  for (const c of clients) {
    const key = `${c.kind}:${c.taxClientId}`;
    if (profiles.has(key)) problems.push(`two ${key} profiles`);
    profiles.set(key, c);
  }
  const wanted = new Set<string>();
  const created = new Set<string>();
  files.forEach((rows, k) => {
    const byRow = new Map<number, ReportRow[]>();
    for (const r of reports[k]) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
    if (reports[k].length !== rows.length) problems.push(`import ${k}: ${reports[k].length} results for ${rows.length} rows`);
    const first = new Map<string, number>();
    for (const row of rows) {
      const answers = byRow.get(row.row) ?? [];
      if (answers.length !== 1) {
        problems.push(`import ${k} row ${row.row}: ${answers.length} results`);
        continue;
      }
      const got = answers[0];
      const firstRow = first.get(row.taxClientId);
      if (firstRow === undefined) first.set(row.taxClientId, row.row);
      let want: { outcome: string; comment: string | RegExp; status?: string };
      if (firstRow !== undefined) {
        want = { outcome: 'rejected', comment: row.lastName === '' ? /Taxpayer Last Name/ : COMMENTS.duplicateInFile(firstRow) };
      } else {
        const key = `${kindOf(row)}:${row.taxClientId}`;
        wanted.add(key);
        const won = profiles.get(key)?.email === row.email;
        if (won) created.add(key);
        const status = kindOf(row) === 'offline' ? 'Offline' : sendInvitations[k] ? 'Not Enrolled' : 'Not Invited';
        want = won
          ? { outcome: 'imported', comment: '', status }
          : { outcome: 'rejected', comment: kindOf(row) === 'offline' ? COMMENTS.offlineExists : COMMENTS.clientExists };
      }
      const commentOk = typeof want.comment === 'string' ? got.comment === want.comment : want.comment.test(got.comment);
      if (got.outcome !== want.outcome || !commentOk || (want.status && got.status !== want.status)) {
        problems.push(
          `import ${k} row ${row.row} (${row.taxClientId}): got ${got.outcome}/${got.status}/"${got.comment}", want ${want.outcome}/${want.status ?? '-'}/${want.comment}`,
        );
      }
      if (want.status && profiles.get(`${kindOf(row)}:${row.taxClientId}`)?.status !== want.status) {
        problems.push(`profile ${kindOf(row)}:${row.taxClientId} has status ${profiles.get(`${kindOf(row)}:${row.taxClientId}`)?.status}, want ${want.status}`);
      }
    }
  });
  for (const key of profiles.keys()) if (!wanted.has(key)) problems.push(`profile ${key} that no row asked for`);
  for (const key of wanted) if (!profiles.has(key)) problems.push(`no ${key} profile although rows asked for it`);
  for (const key of profiles.keys()) if (wanted.has(key) && !created.has(key)) problems.push(`profile ${key} was made by no row of these files`);
  return problems.slice(0, 20);
}
