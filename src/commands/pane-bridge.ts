import type { CommandHost, PaneAction } from './command.types';

/**
 * The ribbon and the pane share one runtime (one window) but neither layer may import the other,
 * so they meet on a DOM event. src/taskpane/hooks/use-ribbon-requests.ts listens for this name.
 */
export const PANE_REQUEST_EVENT = 'client-import:pane-request';

export interface PaneRequestDetail {
  action: PaneAction | 'error';
  message?: string;
  /** Set to true by the pane when it takes the request. */
  accepted: boolean;
  done: () => void;
}

export interface BridgeDeps {
  target: EventTarget;
  showAsTaskpane: () => Promise<void>;
}

/** The CommandHost of the shared runtime: asks the mounted pane to do the work. */
export function createBridgeHost({ target, showAsTaskpane }: BridgeDeps): CommandHost {
  const send = (action: PaneRequestDetail['action'], message?: string) =>
    new Promise<void>((resolve, reject) => {
      const detail: PaneRequestDetail = { action, message, accepted: false, done: resolve };
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
