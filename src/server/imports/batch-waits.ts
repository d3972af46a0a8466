import type { ClientRow, RowResult } from '../../domain/api-types';
import type { Decision } from '../../domain/import-decision';
import type { FirmRecord } from '../firms/firm.repository';

/** A promise with its resolve, as one value (kysely's Deferred). @internal */
export class Deferred<T> {
  resolve!: (value: T) => void;
  readonly promise = new Promise<T>((resolve) => (this.resolve = resolve));
}

/** What this process knows of a batch it stored: its rows, and their checks against the firm as the request found it. */
export interface KnownBatch {
  rows: ClientRow[];
  checked: (Decision | null)[];
  checkedFor: FirmRecord;
}

interface Expected {
  importId: string;
  seq: number;
  answer: Deferred<RowResult[]>;
  known: KnownBatch | null;
}

/**
 * This process's shortcuts around the database's order of an import's batches; each only makes the same
 * answer arrive sooner. One request per import at a time asks the database (the others wait here, not
 * for a connection or the import's lock); an applier hands its answers straight to the requests here
 * that wait for them, and reuses the rows they hold; a write here, or a NOTIFY from another server,
 * wakes the requests waiting for a batch before theirs. Keyed by import id (unique across firms; a
 * request reaches here only after the database found the import to be its firm's).
 */
export class BatchWaits {
  private readonly lines = new Map<string, (() => void)[]>();
  private readonly expected = new Map<string, Set<Expected>>();
  private readonly wakers = new Map<string, Set<() => void>>();

  /** A request waiting for the answer of (import, seq); `known` only from the request that stored the rows. */
  expect(importId: string, seq: number, known: KnownBatch | null): Expected {
    const entry: Expected = { importId, seq, answer: new Deferred(), known };
    const set = this.expected.get(importId) ?? new Set();
    this.expected.set(importId, set.add(entry));
    return entry;
  }

  forget(entry: Expected): void {
    const set = this.expected.get(entry.importId);
    set?.delete(entry);
    if (set?.size === 0) this.expected.delete(entry.importId);
  }

  /** Rows held here for pending batches of the import, by seq. */
  known(importId: string): Map<number, KnownBatch> {
    const found = new Map<number, KnownBatch>();
    for (const e of this.expected.get(importId) ?? []) if (e.known) found.set(e.seq, e.known);
    return found;
  }

  /** Answers the requests here that wait for these seqs, and wakes the rest of the import's waiters. */
  deliver(importId: string, answers: ReadonlyMap<number, RowResult[]>): void {
    for (const e of this.expected.get(importId) ?? []) {
      const answer = answers.get(e.seq);
      if (answer) e.answer.resolve(answer);
    }
    this.wake(importId);
  }

  /** The import's turn to ask the database: resolves with its release, or with null once `until` settles first (then the place is given up). */
  async turn(importId: string, until: Promise<unknown>): Promise<(() => void) | null> {
    const line = this.lines.get(importId);
    if (!line) {
      this.lines.set(importId, []);
      return () => this.pass(importId);
    }
    const mine = new Deferred<boolean>();
    const grant = () => mine.resolve(true);
    line.push(grant);
    void until.then(() => mine.resolve(false));
    if (await mine.promise) return () => this.pass(importId);
    const at = line.indexOf(grant);
    if (at >= 0) line.splice(at, 1);
    else this.pass(importId); // granted at the same moment: hand it on
    return null;
  }

  private pass(importId: string): void {
    const next = this.lines.get(importId)?.shift();
    if (next) next();
    else this.lines.delete(importId);
  }

  /** Resolves at the import's next wake-up or after `ms`, whichever comes first. */
  wakeUp(importId: string, ms: number): { promise: Promise<void>; cancel(): void } {
    const woken = new Deferred<void>();
    const set = this.wakers.get(importId) ?? new Set();
    this.wakers.set(importId, set);
    const wake = () => woken.resolve();
    set.add(wake);
    const timer = setTimeout(wake, ms);
    const cancel = () => {
      clearTimeout(timer);
      set.delete(wake);
      if (set.size === 0 && this.wakers.get(importId) === set) this.wakers.delete(importId);
    };
    return { promise: woken.promise.then(cancel), cancel };
  }

  /** Something was applied to the import (here, or on another server: a NOTIFY). */
  wake(importId: string): void {
    for (const wake of this.wakers.get(importId) ?? []) wake();
  }
}
