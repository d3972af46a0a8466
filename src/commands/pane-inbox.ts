// The ribbon→pane protocol, its one home. The ribbon's commands and the pane run in one shared
// runtime (one page) but are built as two bundles, so they meet on one inbox kept on that page.
// src/taskpane may import this file (and only this one) from src/commands: scripts/check-walls.js.
import type { CommandHost, PaneAction } from './command.types';

/** A request from the ribbon: run an action, or show an error the ribbon met itself. */
export type PaneRequest = { action: PaneAction } | { action: 'error'; message: string };

/** The pane's answer, given as soon as it has taken (or refused) the request, never when the work ends. */
export type PaneAnswer = { accepted: true } | { accepted: false; reason: string };

export type PaneListener = (request: PaneRequest) => PaneAnswer;

export interface PaneInbox {
  /** Ribbon side: resolves with the pane's answer; while no pane listens the request waits in order. */
  send(request: PaneRequest): Promise<PaneAnswer>;
  /** Pane side: answers the waiting requests now, then each new one; returns the function that stops. */
  listen(listener: PaneListener): () => void;
}

export function createPaneInbox(): PaneInbox {
  const waiting: { request: PaneRequest; answer: (answer: PaneAnswer) => void }[] = [];
  let listener: PaneListener | null = null;
  const deliver = (to: PaneListener, request: PaneRequest, answer: (answer: PaneAnswer) => void) => {
    try {
      answer(to(request));
    } catch (error) {
      answer({ accepted: false, reason: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    send: (request) =>
      new Promise((resolve) => {
        if (listener) deliver(listener, request, resolve);
        else waiting.push({ request, answer: resolve });
      }),
    listen(next) {
      listener = next;
      while (listener === next && waiting.length > 0) {
        const { request, answer } = waiting.shift()!;
        deliver(next, request, answer);
      }
      return () => {
        if (listener === next) listener = null;
      };
    },
  };
}

const SHARED = Symbol.for('client-import.pane-inbox');

/** The page's one inbox: both bundles call this with the same `page` (window) and get the same inbox. */
export function sharedPaneInbox(page: object): PaneInbox {
  const holder = page as { [SHARED]?: PaneInbox };
  return (holder[SHARED] ??= createPaneInbox());
}

/** The CommandHost of the shared runtime: a request is done once the pane has accepted it. */
export function createInboxHost(inbox: PaneInbox, showAsTaskpane: () => Promise<void>): CommandHost {
  return {
    showPane: showAsTaskpane,
    request: async (action) => {
      const answer = await inbox.send({ action });
      if (!answer.accepted) throw new Error(answer.reason);
    },
    // Waits for the pane like any request, so the message shows once the pane is up.
    reportError: (message) => void inbox.send({ action: 'error', message }),
  };
}
