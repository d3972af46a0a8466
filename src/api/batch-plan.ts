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

/** One batch as it goes on the wire. */
export interface WireBatch {
  /** The rows, fitted for the wire. */
  rows: ClientRow[];
  /** The request body: exactly `JSON.stringify({ rows })`. */
  body: string;
}

const FNV_SEED = 0x811c9dc5;

/** `{"rows":[` before the first row's JSON in a body, `]}` after the last. */
const BODY_HEAD = 9;
const BODY_TAIL = 2;

/**
 * Splits rows into batches of at most 1,000 rows and well under the 2 MB body limit, in order, one batch
 * at a time, so the first batch can be sent before the rest are planned. Deterministic, so an interrupted
 * import resumes with the same batch numbers: 2,500 small rows → batches of 1,000, 1,000, 500.
 * Each batch is serialised once, as its request body, and its size and the rows' fingerprint are read
 * off that text: serialising rows twice cost a 100,000-row import more than some batches took at the
 * portal, and joining per-row JSON into a body costs more than one JSON.stringify of the batch.
 */
export class ImportPlanner {
  /** The rows of the batches planned so far, in order: batch n is `batches[n - 1]`. */
  readonly batches: ClientRow[][] = [];
  /** Bodies not yet taken, by batch number. */
  private readonly bodies = new Map<number, string>();
  private next = 0;
  private hash = scan('[', 0, 1, FNV_SEED).hash;
  private digest: string | null = null;

  constructor(
    private readonly rows: readonly ClientRow[],
    private readonly maxRows = MAX_BATCH_ROWS,
    private readonly maxBytes = BODY_BUDGET,
  ) {
    this.closeIfDone();
  }

  /** Every row is in a batch. */
  get done(): boolean {
    return this.digest !== null;
  }

  /** See rowsFingerprint; null until every row is planned. */
  get fingerprint(): string | null {
    return this.digest;
  }

  /**
   * Batch `seq` (1-based) as it goes on the wire, planned now if it is not yet; undefined past the last batch.
   * The planner keeps the rows but lets a body go once taken. Bodies planned ahead wait here until taken
   * (planning runs ahead of the network: for 100,000 rows, most of the 100 bodies at once, about 28 MB).
   */
  take(seq: number): WireBatch | undefined {
    while (this.batches.length < seq && this.planNext());
    const rows = this.batches[seq - 1];
    if (!rows) return undefined;
    const body = this.bodies.get(seq) ?? JSON.stringify({ rows });
    this.bodies.delete(seq);
    return { rows, body };
  }

  /** Plans the next batch; false when every row was already planned. */
  planNext(): boolean {
    if (this.done) return false;
    const start = this.next;
    const seed = start > 0 ? scan(',', 0, 1, this.hash).hash : this.hash;
    // After a batch the budget cut short, rows are large here: serialising a full batch would likely be wasted.
    const cutShort = start > 0 && this.batches[this.batches.length - 1].length < this.maxRows;
    const whole = cutShort ? null : this.wholeBatch(start, seed);
    const batch = whole?.batch ?? this.rowByRow(start);
    this.hash = whole?.hash ?? this.hashAsRead(batch, start, seed);
    this.batches.push(batch.rows);
    this.bodies.set(this.batches.length, batch.body);
    this.next = start + batch.rows.length;
    this.closeIfDone();
    return true;
  }

  /** Plans what is left and returns the fingerprint. */
  finish(): string {
    while (this.planNext());
    return this.digest!;
  }

  /**
   * The next `maxRows` rows (or all that are left) as one batch, serialised at once, with the hash gone on
   * over them (unless a cell was cut); null when they pass the byte budget.
   */
  private wholeBatch(start: number, seed: number): { batch: WireBatch; hash?: number } | null {
    const read = this.rows.slice(start, start + this.maxRows);
    const rows = read.map(fitForWire);
    const body = JSON.stringify({ rows });
    const scanned = scan(body, BODY_HEAD, body.length - BODY_TAIL, seed);
    // The rows joined with commas, plus one, is the row-by-row rule's sum: every row counted with a comma.
    if (scanned.bytes + 1 > this.maxBytes) return null;
    return { batch: { rows, body }, hash: rows.every((row, i) => row === read[i]) ? scanned.hash : undefined };
  }

  /** The batching rule row by row: a row joins unless the batch is full or the rows, each counted with a comma, would pass the budget. */
  private rowByRow(start: number): WireBatch {
    const rows: ClientRow[] = [];
    let bytes = 0;
    for (let i = start; i < this.rows.length && rows.length < this.maxRows; i++) {
      const row = fitForWire(this.rows[i]);
      const text = JSON.stringify(row);
      const size = scan(text, 0, text.length, FNV_SEED).bytes + 1;
      if (rows.length > 0 && bytes + size > this.maxBytes) break;
      rows.push(row);
      bytes += size;
    }
    return { rows, body: JSON.stringify({ rows }) };
  }

  /** The hash gone on over the batch's rows as read: the fingerprint covers them before fitForWire cut a cell. */
  private hashAsRead(batch: WireBatch, start: number, seed: number): number {
    const asRead = batch.rows.every((row, i) => row === this.rows[start + i]);
    const text = asRead ? batch.body : JSON.stringify({ rows: this.rows.slice(start, start + batch.rows.length) });
    return scan(text, BODY_HEAD, text.length - BODY_TAIL, seed).hash;
  }

  private closeIfDone(): void {
    if (this.next < this.rows.length) return;
    this.hash = scan(']', 0, 1, this.hash).hash;
    this.digest = `${this.rows.length}-${this.hash.toString(16)}`;
  }
}

/** Every batch of ImportPlanner at once. */
export function planBatches(rows: readonly ClientRow[], maxRows = MAX_BATCH_ROWS, maxBytes = BODY_BUDGET): ClientRow[][] {
  const planner = new ImportPlanner(rows, maxRows, maxBytes);
  planner.finish();
  return planner.batches;
}

/** A short fingerprint of the rows (FNV-1a over `JSON.stringify(rows)`), to tell whether a resume sends the same data. */
export const rowsFingerprint = (rows: readonly ClientRow[]): string => new ImportPlanner(rows).finish();

/**
 * FNV-1a over the UTF-16 code units of `text` from `start` to `end`, going on from `hash`, and the span's
 * UTF-8 length (JSON.stringify leaves no lone surrogate). Kept in int32 throughout: a hash held as uint32
 * leaves V8's small integers and runs three times slower.
 */
function scan(text: string, start: number, end: number, hash: number): { hash: number; bytes: number } {
  let h = hash | 0;
  let bytes = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ c, 0x01000193);
    if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return { hash: h >>> 0, bytes };
}
