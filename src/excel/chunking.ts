/** Excel on the web rejects a request or response over 5 MB (RequestPayloadSizeLimitExceeded). */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
/** What we let one sync carry: a margin for Office's own JSON around our data. */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;
/** Displayed text of a typical template cell plus its JSON quotes and comma (names, emails, ids). */
export const BYTES_PER_CELL_ESTIMATE = 32;
/**
 * One queued write on its own range in the library's request JSON: the range's object paths, their
 * Instantiate actions and the write. Measured on excel-web-16.00.js: 723 bytes for
 * `getRangeByIndexes(…).format.fill.color = …`, and growing with the request's ids.
 */
export const BYTES_PER_OPERATION = 800;
/** Excel refuses to read more cells than this in one request. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** Bytes a value takes in Office's UTF-8 request JSON: `jsonBytes(["Ω"])` → 6. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/**
 * UTF-8 bytes of a string, counted without encoding a copy (weighing 100,000 rows allocated 100,000
 * buffers): `utf8Length("Ω")` → 2. A lone surrogate counts as the 3 bytes of U+FFFD, as TextEncoder sends it.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: two units, four bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

export interface RowChunk {
  /** 0-based offset of the chunk's first row among the rows chunked. */
  start: number;
  count: number;
}

/** Rows per chunk for a read or write of `columns` cells a row: `rowsPerChunk(11)` → 11915. */
export function rowsPerChunk(columns: number, bytesPerCell = BYTES_PER_CELL_ESTIMATE, budget = CHUNK_BUDGET_BYTES): number {
  const perRow = Math.max(1, columns) * bytesPerCell;
  return Math.max(1, Math.min(Math.floor(budget / perRow), Math.floor(MAX_CELLS_PER_READ / Math.max(1, columns))));
}

/** `chunkRows(5, 2)` → `[{start:0,count:2},{start:2,count:2},{start:4,count:1}]` */
export function chunkRows(total: number, size: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  for (let start = 0; start < total; start += size) chunks.push({ start, count: Math.min(size, total - start) });
  return chunks;
}

/**
 * Greedy chunks of consecutive items whose summed cost stays within `budget` (an item over the
 * budget gets a chunk of its own). `chunkByCost([3, 3, 3], (n) => n, 6)` → two chunks.
 */
export function chunkByCost<T>(items: readonly T[], cost: (item: T) => number, budget = CHUNK_BUDGET_BYTES): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let used = 0;
  items.forEach((item, index) => {
    const c = cost(item);
    if (index > start && used + c > budget) {
      chunks.push({ start, count: index - start });
      start = index;
      used = 0;
    }
    used += c;
  });
  if (start < items.length) chunks.push({ start, count: items.length - start });
  return chunks;
}

/** Consecutive runs of sorted sheet rows: `[3,4,5,9]` → `[{first:3,count:3},{first:9,count:1}]`. */
export function rowRuns(rows: readonly number[]): { first: number; count: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.first + last.count === row) last.count += 1;
    else runs.push({ first: row, count: 1 });
  }
  return runs;
}
