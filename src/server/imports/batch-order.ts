// Several batches of one import may be in flight at once, but §4 needs them applied in file order:
// a Tax Client ID repeated in a later batch is the duplicate, never the first. A batch that names the
// batch it follows (`after`) is applied only once that one is stored. The check runs under the
// import's lock, so it is exact; this class only saves polling: a batch whose predecessor is not
// stored yet waits here, holding no transaction, until this process stores it.
export interface Arrival {
  /** True once the batch is stored; false after `ms` without it. */
  wait(ms: number): Promise<boolean>;
  cancel(): void;
}

export class BatchOrder {
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Starts listening for batch `seq` of the import to be stored; call it before checking whether it is. */
  listen(importId: string, seq: number): Arrival {
    const key = `${importId}\u0000${seq}`;
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

  /** Batch `seq` of the import is stored (committed): wake the batches that follow it. */
  stored(importId: string, seq: number): void {
    for (const wake of this.waiting.get(`${importId}\u0000${seq}`) ?? []) wake();
  }
}
