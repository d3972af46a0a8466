import { hashToken } from '../security/tokens';
import type { Principal } from './actor';

// Every firm request resolves its Bearer token. An import sends its batches back to back, and on PGlite
// (one connection) each lookup waited behind the batch being written: the import's pipeline emptied at
// every batch. So on PGlite a principal found by its token is kept for a moment. That is safe only
// because a PGlite database belongs to this one process: every revocation, removal or firm change goes
// through this server, which forgets everything at once. On PostgreSQL several servers share the data,
// so nothing is kept (ttl 0): each request asks the database, and a revocation on one server stops the
// token on all of them at once (DESIGN §9).

/** How long PGlite keeps a principal found by its token. */
export const PGLITE_CREDENTIAL_TTL_MS = 2000;

export class CredentialCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  /** Counts forget() calls: a lookup that started before one must not store what it read. */
  private generation = 0;

  constructor(
    private readonly lookup: (token: string) => Promise<Principal | null>,
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The principal of this token, or null; kept by the token's hash, and an unknown token is never kept. */
  async find(token: string): Promise<Principal | null> {
    const tokenHash = hashToken(token);
    const hit = this.entries.get(tokenHash);
    if (hit && hit.until > this.now()) return hit.principal;
    const generation = this.generation;
    const principal = await this.lookup(token);
    if (!principal || this.ttlMs <= 0) {
      this.entries.delete(tokenHash);
      return principal;
    }
    // Read before a change this server made meanwhile (a revocation, a PATCH): use it once, keep nothing.
    if (generation !== this.generation) return principal;
    if (this.entries.size >= MAX_ENTRIES) this.dropExpired();
    this.entries.set(tokenHash, { principal, until: this.now() + this.ttlMs });
    return principal;
  }

  /** A firm, user, key or session changed here: nothing kept is used again. */
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
