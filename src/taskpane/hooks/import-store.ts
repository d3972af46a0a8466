import type { SavedResume } from './import-result';
import { importReducer, initialImport, type ImportEvent, type ImportMachine } from './import-machine';

export { isRunning } from './import-machine';

/**
 * The import's state where the hook and its callbacks read it at once: a dispatch is seen by the very
 * next line (the ribbon asks "is an import running?" before React renders), and React re-renders
 * through `subscribe`/`read` (useSyncExternalStore).
 */
export class ImportStore {
  private state: ImportMachine;
  private readonly listeners = new Set<() => void>();

  constructor(resumable: SavedResume | null) {
    this.state = initialImport(resumable);
  }

  readonly read = (): ImportMachine => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch(event: ImportEvent): ImportMachine {
    const next = importReducer(this.state, event);
    if (next !== this.state) {
      this.state = next;
      for (const listener of this.listeners) listener();
    }
    return next;
  }
}
