import { MAX_BATCH_ROWS, MAX_BODY_BYTES, MAX_CELL_CHARS, type ClientRow } from '../domain/api-types';

const encoder = new TextEncoder();

/** Room left under the body limit for `{"rows":[…]}`, commas and a safety margin for proxies. */
const BODY_BUDGET = Math.floor(MAX_BODY_BYTES * 0.9);

/**
 * The row as the portal accepts it: a cell longer than the wire limit is cut to it. Such a value breaks a
 * field rule either way, so the row is still rejected, with its own comment, instead of failing the batch.
 */
export function fitForWire(row: ClientRow): ClientRow {
  const long = Object.entries(row).filter(([, v]) => typeof v === 'string' && v.length > MAX_CELL_CHARS);
  if (long.length === 0) return row;
  // Cut by code points, as the portal's schema counts them, so no surrogate pair is split.
  return { ...row, ...Object.fromEntries(long.map(([k, v]) => [k, [...(v as string)].slice(0, MAX_CELL_CHARS).join('')])) };
}

/**
 * Splits rows into batches of at most 1,000 rows and well under the 2 MB body limit, in order.
 * Deterministic, so an interrupted import resumes with the same batch numbers:
 * 2,500 small rows → batches of 1,000, 1,000, 500. Rows are fitted for the wire (see fitForWire).
 */
export function planBatches(rows: readonly ClientRow[], maxRows = MAX_BATCH_ROWS, maxBytes = BODY_BUDGET): ClientRow[][] {
  const batches: ClientRow[][] = [];
  let current: ClientRow[] = [];
  let bytes = 0;
  for (const row of rows.map(fitForWire)) {
    const size = encoder.encode(JSON.stringify(row)).length + 1;
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

/** A short fingerprint of the rows (FNV-1a over their JSON), to tell whether a resume sends the same data. */
export function rowsFingerprint(rows: readonly ClientRow[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(rows);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${rows.length}-${hash.toString(16)}`;
}
