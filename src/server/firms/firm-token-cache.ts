import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import { findFirmByTokenHash, type FirmRecord } from './firm.repository';

// Every request of a firm resolves its token. An import sends its batches back to back, and on PGlite
// (one connection) each lookup waited behind the batch being written before the next batch could even be
// read: the import's pipeline emptied at every batch. So a firm found by its token is kept for a moment.
// Changes made through this server (PATCH, token rotation) forget every entry at once; a change made
// by another process (the firm CLI, another server on the same PostgreSQL) shows within `ttlMs`.

/** How long a firm found by its token is used without asking the database again. */
export const FIRM_TOKEN_TTL_MS = 2000;

export class FirmTokenCache {
  private readonly entries = new Map<string, { firm: FirmRecord; until: number }>();
  /** Counts forget() calls: a lookup that started before one must not store what it read. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = FIRM_TOKEN_TTL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The firm whose token has this hash, or null; an unknown token is never kept. */
  async find(tokenHash: string): Promise<FirmRecord | null> {
    const hit = this.entries.get(tokenHash);
    if (hit && hit.until > this.now()) return hit.firm;
    const generation = this.generation;
    const firm = await findFirmByTokenHash(this.db, tokenHash);
    if (!firm) {
      this.entries.delete(tokenHash);
      return null;
    }
    // Read before a change this server made meanwhile (a rotation, a PATCH): use it once, keep nothing.
    if (generation !== this.generation) return firm;
    if (this.entries.size >= MAX_ENTRIES) this.dropExpired();
    this.entries.set(tokenHash, { firm, until: this.now() + this.ttlMs });
    return firm;
  }

  /** A firm changed or a token was replaced here: nothing kept is used again. */
  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [hash, entry] of this.entries) if (entry.until <= now) this.entries.delete(hash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
  }
}

const MAX_ENTRIES = 10_000;
