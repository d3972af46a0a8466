import { useEffect, useRef } from 'react';

/** Must equal PANE_REQUEST_EVENT in src/commands/pane-bridge.ts (the layers may not import each other). */
export const PANE_REQUEST_EVENT = 'client-import:pane-request';

interface PaneRequestDetail {
  action: 'import' | 'check' | 'error';
  message?: string;
  accepted: boolean;
  done: () => void;
}

export type RibbonHandlers = Record<PaneRequestDetail['action'], (message?: string) => Promise<void> | void>;

/** Answers the ribbon buttons (Import Clients, Check Template) from the pane, in the shared runtime. */
export function useRibbonRequests(target: EventTarget, handlers: RibbonHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<PaneRequestDetail>).detail;
      detail.accepted = true;
      Promise.resolve(latest.current[detail.action](detail.message)).finally(detail.done);
    };
    target.addEventListener(PANE_REQUEST_EVENT, listener);
    return () => target.removeEventListener(PANE_REQUEST_EVENT, listener);
  }, [target]);
}
