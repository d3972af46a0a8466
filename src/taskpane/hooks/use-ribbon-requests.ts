import { useEffect, useRef } from 'react';
import { PANE_REQUEST_EVENT, type PaneRequest } from '../../domain';

export type RibbonHandlers = Record<PaneRequest['action'], (message?: string) => Promise<void> | void>;

/**
 * Answers the ribbon buttons (Import Clients, Check Template) from the pane, in the shared runtime:
 * `target` is the window the ribbon's bridge dispatches PANE_REQUEST_EVENT on (tests pass their own).
 */
export function useRibbonRequests(target: EventTarget, handlers: RibbonHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<PaneRequest>).detail;
      detail.accepted = true;
      Promise.resolve()
        .then(() => latest.current[detail.action](detail.message))
        .finally(detail.done);
    };
    target.addEventListener(PANE_REQUEST_EVENT, listener);
    return () => target.removeEventListener(PANE_REQUEST_EVENT, listener);
  }, [target]);
}
