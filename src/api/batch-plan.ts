import { MAX_BATCH_ROWS, MAX_BODY_BYTES, MAX_CELL_CHARS, type ClientRow } from '../domain/api-types';

/** Room left under the body limit for `{"rows":[…]}`, commas and a safety margin for proxies. */
const BODY_BUDGET = Math.floor(MAX_BODY_BYTES * 0.9);

/**
 * The row as the portal accepts it: a cell longer than the wire limit is cut to it. Such a value breaks a
 * field rule either way, so the row is still rejected, with its own comment, instead of failing the batch.
 */
export function fitForWire(row: ClientRow): ClientRow {
  let long = false;
  for (const key in row) {
    const value = (row as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) long = true;
  }
  if (!long) return row;
  // Cut by code points, as the portal's schema counts them, so no surrogate pair is split.
  const cut = (v: unknown) => (typeof v === 'string' && v.length > MAX_CELL_CHARS ? [...v].slice(0, MAX_CELL_CHARS).join('') : v);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cut(v)])) as unknown as ClientRow;
}

export interface ImportPlan {
  batches: ClientRow[][];
  /** See rowsFingerprint. */
  fingerprint: string;
}

/**
 * Splits rows into batches of at most 1,000 rows and well under the 2 MB body limit, in order, and
 * fingerprints them, in one pass that serialises each row once (a 100,000-row import spent more time
 * serialising rows three times than the portal spent on some batches).
 * Deterministic, so an interrupted import resumes with the same batch numbers:
 * 2,500 small rows → batches of 1,000, 1,000, 500. Rows are fitted for the wire (see fitForWire).
 */
export function planImport(rows: readonly ClientRow[], maxRows = MAX_BATCH_ROWS, maxBytes = BODY_BUDGET): ImportPlan {
  const batches: ClientRow[][] = [];
  let current: ClientRow[] = [];
  let bytes = 0;
  const hash = new Fnv1a();
  hash.add('[');
  rows.forEach((original, i) => {
    const text = JSON.stringify(original);
    if (i > 0) hash.add(',');
    const wireBytes = hash.add(text);
    const row = fitForWire(original);
    const size = (row === original ? wireBytes : utf8Length(JSON.stringify(row))) + 1;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  });
  hash.add(']');
  if (current.length > 0) batches.push(current);
  return { batches, fingerprint: `${rows.length}-${hash.value.toString(16)}` };
}

/** The batches of planImport. */
export const planBatches = (rows: readonly ClientRow[], maxRows = MAX_BATCH_ROWS, maxBytes = BODY_BUDGET): ClientRow[][] =>
  planImport(rows, maxRows, maxBytes).batches;

/** A short fingerprint of the rows (FNV-1a over their JSON), to tell whether a resume sends the same data. */
export const rowsFingerprint = (rows: readonly ClientRow[]): string => planImport(rows).fingerprint;

/** FNV-1a over UTF-16 code units, fed piece by piece. */
class Fnv1a {
  value = 0x811c9dc5;

  /** Hashes `text` on and returns its UTF-8 length (JSON.stringify leaves no lone surrogate). */
  add(text: string): number {
    let hash = this.value;
    let bytes = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      hash ^= c;
      hash = Math.imul(hash, 0x01000193) >>> 0;
      if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
    }
    this.value = hash;
    return bytes;
  }
}

function utf8Length(text: string): number {
  return new Fnv1a().add(text);
}
