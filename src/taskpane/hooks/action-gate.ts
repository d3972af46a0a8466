/** Refused because another action of the pane (or one the ribbon asked for) is running. */
export class BusyError extends Error {
  constructor(readonly running: string) {
    super(`Client Import is busy with another task (${running}). Wait for it to finish, then try again.`);
    this.name = 'BusyError';
  }
}

/**
 * One action at a time in the workbook, whoever asks: the pane's buttons, and the ribbon's through the
 * pane (they share one runtime, so one gate per pane is shared by both). Held synchronously, so a
 * request that arrives before React renders again still sees the action that just began.
 */
export class ActionGate {
  private running: string | null = null;
  private readonly listeners = new Set<() => void>();

  /** The label of the action holding the gate, or null. */
  readonly current = (): string | null => this.running;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Takes the gate for `label`, or throws BusyError naming the action that holds it; the returned function gives it back once. */
  enter(label: string): () => void {
    if (this.running !== null) throw new BusyError(this.running);
    this.running = label;
    this.notify();
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.running = null;
      this.notify();
    };
  }

  /** Runs `action` holding the gate (BusyError, and `action` never called, when another holds it). */
  async run<T>(label: string, action: () => Promise<T>): Promise<T> {
    const leave = this.enter(label);
    try {
      return await action();
    } finally {
      leave();
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
