import { useCallback, useState } from 'react';
import { BusyError, type ActionGate } from './action-gate';
import type { Reporter } from './use-error-bar';

/**
 * Runs one user action at a time, reporting its failure; `busy` names the action running. With a
 * gate, the action also waits its turn with the pane's other workbook actions and the ribbon's: one
 * that arrives while another runs is refused with a warning naming it, and never starts.
 */
export function useBusy(reporter: Reporter, gate: ActionGate | null = null) {
  const [busy, setBusy] = useState<string | null>(null);
  const act = useCallback(
    async <T>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(label);
      reporter.clear();
      try {
        return await (gate ? gate.run(label, action) : action());
      } catch (error) {
        if (error instanceof BusyError) reporter.say({ intent: 'warning', text: error.message });
        else reporter.fail(error);
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [reporter, gate],
  );
  return { busy, act };
}
