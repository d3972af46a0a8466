import { useMemo, useState } from 'react';
import { plainMessage } from '../../api';

export interface PaneMessage {
  intent: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

/** How hooks talk to the user; stable for the pane's lifetime, so hooks can depend on it. */
export interface Reporter {
  fail(error: unknown): void;
  say(message: PaneMessage): void;
  clear(): void;
}

/** The pane's one MessageBar: every hook reports through it, as a sentence, never a stack. */
export function useErrorBar(): { message: PaneMessage | null; reporter: Reporter } {
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const reporter = useMemo<Reporter>(
    () => ({
      // ExcelError and ApiError messages are already written for the user; plainMessage keeps them.
      fail: (error) => setMessage({ intent: 'error', text: plainMessage(error) }),
      say: setMessage,
      clear: () => setMessage(null),
    }),
    [],
  );
  return { message, reporter };
}
