// Several batches of one import may be in flight at once, but §4 needs them applied in file order:
// a Tax Client ID repeated in a later batch is the duplicate, never the first. A batch that names the
// batch it follows (`after`) is applied only once that one is stored. The check runs under the
// import's lock, so it is exact; this class only saves polling: a batch whose predecessor is not
// stored yet waits here, holding no transaction, until this process stores it; and a batch whose
// predecessor this process is applying right now waits for it before it queues on the import's lock
// (it would only find that one missing, roll back and try again, holding the lock for nothing).
export interface Arrival {
  /** True once the batch has settled (stored, or failed: the lock tells which); false after `ms` without it. */
  wait(ms: number): Promise<boolean>;
  cancel(): void;
}

export class BatchOrder {
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly applying = new Map<string, number>();

  /** This process starts applying batch `seq` of the import; `settled` ends it. */
  begin(importId: string, seq: number): void {
    const key = keyOf(importId, seq);
    this.applying.set(key, (this.applying.get(key) ?? 0) + 1);
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
    for (const wake of this.waiting.get(key) ?? []) wake();
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

const keyOf = (importId: string, seq: number) => `${importId}\u0000${seq}`;
