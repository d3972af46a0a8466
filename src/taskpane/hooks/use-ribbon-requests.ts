import { useEffect, useRef } from 'react';
import type { PaneInbox, PaneListener } from '../../commands/pane-inbox';

/**
 * Answers the ribbon's buttons from the pane. The pane listens only once `ready` (its saved connection
 * settled), so a click made while the pane loads waits in the inbox instead of failing.
 */
export function useRibbonRequests(inbox: PaneInbox, ready: boolean, answer: PaneListener): void {
  const latest = useRef(answer);
  latest.current = answer;
  useEffect(() => (ready ? inbox.listen((request) => latest.current(request)) : undefined), [inbox, ready]);
}
