import { PANE_REQUEST_EVENT, type PaneRequest } from '../domain';
import type { CommandHost } from './command.types';

export interface BridgeDeps {
  target: EventTarget;
  showAsTaskpane: () => Promise<void>;
}

/**
 * The CommandHost of the shared runtime: asks the mounted pane to do the work through a
 * PANE_REQUEST_EVENT (src/taskpane/hooks/use-ribbon-requests.ts answers it).
 */
export function createBridgeHost({ target, showAsTaskpane }: BridgeDeps): CommandHost {
  const send = (action: PaneRequest['action'], message?: string) =>
    new Promise<void>((resolve, reject) => {
      const detail: PaneRequest = { action, message, accepted: false, done: resolve };
      target.dispatchEvent(new CustomEvent(PANE_REQUEST_EVENT, { detail }));
      if (!detail.accepted) reject(new Error('The Client Import pane is not ready yet. Choose Show Pane, then try again.'));
    });
  return {
    showPane: showAsTaskpane,
    request: (action) => send(action),
    // With no pane mounted there is nowhere left to show the message; the ribbon button still completes.
    reportError: (message) => void send('error', message).catch(() => undefined),
  };
}
