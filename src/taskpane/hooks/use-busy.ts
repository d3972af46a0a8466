import { useCallback, useState } from 'react';
import type { Reporter } from './use-error-bar';

/** Runs one user action at a time, reporting its failure; `busy` names the action running. */
export function useBusy(reporter: Reporter) {
  const [busy, setBusy] = useState<string | null>(null);
  const act = useCallback(
    async <T>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(label);
      reporter.clear();
      try {
        return await action();
      } catch (error) {
        reporter.fail(error);
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [reporter],
  );
  return { busy, act };
}
