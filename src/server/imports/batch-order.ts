// Several batches of one import may be in flight at once, but §4 needs them applied in file order:
// a Tax Client ID repeated in a later batch is the duplicate, never the first. A batch that names the
// batch it follows (`after`) is applied only once that one is stored. The check runs under the
// import's lock, so it is exact; this class only saves polling: a batch whose predecessor is not
// stored yet waits here, holding no transaction, until this process stores it; and a batch whose
// predecessor this process is applying right now waits for it before it queues on the import's lock
// (it would only find that one missing, roll back and try again, holding the lock for nothing).
// While it waits, a batch also offers itself as a rider: the batch it follows, when it starts applying,
// boards the waiting chain that follows it and applies them all in its own transaction (group commit).
export interface Arrival {
  /** True once the batch has settled (stored, or failed: the lock tells which); false after `ms` without it. */
  wait(ms: number): Promise<boolean>;
  cancel(): void;
}

/** A batch's offer to ride along with the batch it follows; see BatchOrder.offer. */
export interface Seat<A> {
  /** Resolves once a carrier takes the batch along. */
  readonly taken: Promise<void>;
  /** Withdraws the offer; false when a carrier took the batch already (then `outcome` says how it went). */
  leave(): boolean;
  /** The batch's answer from the carrier's transaction, or null when the carrier let it go (it applies alone). */
  readonly outcome: Promise<A | null>;
}

/** A batch a carrier took along: it delivers the batch's answer once its transaction commits, or releases it. */
export interface Rider<T, A> {
  readonly batch: T;
  readonly seq: number;
  deliver(answer: A): void;
  release(): void;
}

export class BatchOrder<T = unknown, A = unknown, E = unknown> {
  private readonly waiting = new Map<string, Set<() => void>>();
  /** The batches settled last (oldest first), so a batch can tell "stored, or failed, here" from "not arrived yet". */
  private readonly recentlySettled = new Set<string>();
  /** By (import, seq): what a batch that has handed off (sent its write and COMMIT) writes, until that commit is answered. */
  private readonly handedOff = new Map<string, { after: number | null; effects: E }>();
  private readonly applying = new Map<string, number>();
  /** By (import, the batch followed): the batch that waits to follow it and offers to ride along. */
  private readonly seats = new Map<string, Rider<T, A> & { take(): void }>();

  /** This process starts applying batch `seq` of the import; `settled` ends it. */
  begin(importId: string, seq: number): void {
    const key = keyOf(importId, seq);
    this.applying.set(key, (this.applying.get(key) ?? 0) + 1);
    this.wake(key); // a batch waiting for this one to show up (isUnknown) may now queue behind it
  }

  /**
   * Whether this process knows nothing of batch `seq`: not applying it, and not settled it lately. With
   * several batches in flight, the one a batch follows may simply not have reached this server yet; the
   * database could only say "not stored" after a lock and a read, and the batch would wait anyway.
   */
  isUnknown(importId: string, seq: number): boolean {
    const key = keyOf(importId, seq);
    return !this.applying.has(key) && !this.recentlySettled.has(key);
  }

  /** Whether this process is applying batch `seq` of the import right now. */
  isApplying(importId: string, seq: number): boolean {
    return this.applying.has(keyOf(importId, seq));
  }

  /** Batch `seq` is stored (committed) or failed: wake the batches that follow it, to find out which under the lock. */
  settled(importId: string, seq: number): void {
    const key = keyOf(importId, seq);
    const count = (this.applying.get(key) ?? 1) - 1;
    if (count > 0) this.applying.set(key, count);
    else this.applying.delete(key);
    this.recentlySettled.delete(key);
    this.recentlySettled.add(key);
    if (this.recentlySettled.size > RECENTLY_SETTLED) this.recentlySettled.delete(this.recentlySettled.values().next().value!);
    this.wake(key);
  }

  /**
   * Batch `seq` (which follows `after`) has sent its write and COMMIT, which write `effects`: wake the
   * batch that follows it now, so its own statements reach the database while this one commits.
   */
  handOff(importId: string, seq: number, after: number | null, effects: E): void {
    const key = keyOf(importId, seq);
    this.handedOff.set(key, { after, effects });
    this.wake(key);
  }

  /**
   * The write handed off as `effects` has committed or failed: later batches read it from the database
   * (or must not count on it). Only the hand-off that put `effects` there is taken back: another copy of
   * the batch, or a request of another import, never removes it.
   */
  withdraw(importId: string, seq: number, effects: E): void {
    const key = keyOf(importId, seq);
    if (this.handedOff.get(key)?.effects === effects) this.handedOff.delete(key);
  }

  /** Whether batch `seq` has handed off a write that has not committed or failed yet. */
  hasHandedOff(importId: string, seq: number): boolean {
    return this.handedOff.has(keyOf(importId, seq));
  }

  /**
   * The effects of batch `seq` and of the batches before it that handed off and are not withdrawn yet,
   * nearest first: what may not be committed yet of all the file before the batch that follows `seq`.
   */
  inFlight(importId: string, seq: number): E[] {
    const found: E[] = [];
    for (
      let entry = this.handedOff.get(keyOf(importId, seq));
      entry;
      entry = entry.after === null ? undefined : this.handedOff.get(keyOf(importId, entry.after))
    ) {
      found.push(entry.effects);
    }
    return found;
  }

  private wake(key: string): void {
    for (const wake of this.waiting.get(key) ?? []) wake();
  }

  /**
   * Offers batch `seq`, waiting for batch `after` of the import, to ride along with it. Null when another
   * copy of the batch (a replay in flight) holds the seat already: this one waits and applies alone.
   */
  offer(importId: string, after: number, seq: number, batch: T): Seat<A> | null {
    const key = keyOf(importId, after);
    if (this.seats.has(key)) return null;
    let take!: () => void;
    let settle!: (answer: A | null) => void;
    const taken = new Promise<void>((resolve) => (take = resolve));
    const outcome = new Promise<A | null>((resolve) => (settle = resolve));
    let boarded = false;
    const rider = {
      batch,
      seq,
      take: () => {
        boarded = true;
        take();
      },
      deliver: (answer: A) => settle(answer),
      release: () => settle(null),
    };
    this.seats.set(key, rider);
    return {
      taken,
      outcome,
      leave: () => {
        if (boarded) return false;
        if (this.seats.get(key) === rider) this.seats.delete(key);
        return true;
      },
    };
  }

  /** Whether a batch waits to follow batch `seq` of the import and offers to ride along with it. */
  hasRider(importId: string, seq: number): boolean {
    return this.seats.has(keyOf(importId, seq));
  }

  /**
   * Boards the chain of batches waiting to follow batch `seq` of the import (the next, the one after
   * it, …) while `fits` accepts each; the caller must deliver or release every rider it gets.
   */
  board(importId: string, seq: number, fits: (batch: T) => boolean): Rider<T, A>[] {
    const riders: Rider<T, A>[] = [];
    for (let key = keyOf(importId, seq), rider = this.seats.get(key); rider && fits(rider.batch); rider = this.seats.get(key)) {
      this.seats.delete(key);
      rider.take();
      riders.push(rider);
      key = keyOf(importId, rider.seq);
    }
    return riders;
  }

  /** Starts listening for batch `seq` of the import to be stored; call it before checking whether it is. */
  listen(importId: string, seq: number): Arrival {
    const key = keyOf(importId, seq);
    const wakers = this.waiting.get(key) ?? new Set<() => void>();
    this.waiting.set(key, wakers);
    let wake!: () => void;
    const stored = new Promise<boolean>((resolve) => {
      wake = () => resolve(true);
    });
    wakers.add(wake);
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
      wait: (ms) =>
        Promise.race([
          stored,
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), ms);
          }),
        ]),
      cancel: () => {
        clearTimeout(timer);
        wakers.delete(wake);
        if (wakers.size === 0 && this.waiting.get(key) === wakers) this.waiting.delete(key);
      },
    };
  }
}

/** How many settled batches are remembered: far more than any server has in flight at once. */
const RECENTLY_SETTLED = 10_000;

const keyOf = (importId: string, seq: number) => `${importId}\u0000${seq}`;
