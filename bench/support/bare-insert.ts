// The §8 yardstick: the bare bulk insert the import engine is compared with — one
// `INSERT … SELECT FROM unnest(…)` per batch into the same clients table, no checks, no HTTP.
// Shared by the bench scripts so every figure compares against the same statement.
import { sql, type Kysely } from 'kysely';
import type { ClientRow } from '../../src/domain/api-types';
import type { Database } from '../../src/server/storage/schema';

/** Inserts `rows` as standard clients of `firmId`, `batch` rows a statement; returns the wall time in ms. */
export async function bareInsert(db: Kysely<Database>, firmId: string, rows: readonly ClientRow[], batch = 1000): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    const col = (pick: (r: ClientRow) => string | undefined) => part.map((r) => pick(r) ?? '');
    await sql`insert into clients (firm_id, tax_client_id, kind, status, first_name, last_name, email, mobile,
        spouse_first_name, spouse_last_name, spouse_email, owner_email, office_location)
      select ${firmId}, t, 'standard', 'Not Invited', f, l, e, m, sf, sl, se, o, off
      from unnest(${col((r) => r.taxClientId)}::text[], ${col((r) => r.firstName)}::text[], ${col((r) => r.lastName)}::text[],
        ${col((r) => r.email)}::text[], ${col((r) => r.mobile)}::text[], ${col((r) => r.spouseFirstName)}::text[],
        ${col((r) => r.spouseLastName)}::text[], ${col((r) => r.spouseEmail)}::text[], ${col((r) => r.ownerEmail)}::text[],
        ${col((r) => r.officeLocation)}::text[]) as u(t, f, l, e, m, sf, sl, se, o, off)`.execute(db);
  }
  return performance.now() - started;
}

/** The same rows with IDs and emails made unique, so the bare insert meets no conflict. */
export function uniqueRows(rows: readonly ClientRow[], tag: string): ClientRow[] {
  return rows.map((r, i) => ({ ...r, taxClientId: `${tag}-${i}`, email: `${tag}.${i}@bare.test` }));
}

/** Rows per second, rounded. */
export const rate = (rows: number, ms: number): number => Math.round((rows / Math.max(ms, 1e-3)) * 1000);
