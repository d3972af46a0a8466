// The ribbon (src/commands) and the pane (src/taskpane) share one runtime but may not import each
// other, so they meet on one named event; both layers take its name and shape from here.

/** Name of the event the ribbon raises for the pane: `new CustomEvent(PANE_REQUEST_EVENT, { detail })`. */
export const PANE_REQUEST_EVENT = 'client-import:pane-request';

/** What a ribbon button may ask the pane to run. */
export type PaneAction = 'import' | 'check';

/** The event's detail: an action to run, or an error the ribbon could not show itself. */
export interface PaneRequest {
  action: PaneAction | 'error';
  /** The error's text, for `action: 'error'`. */
  message?: string;
  /** Set to true by the pane when it takes the request; still false means no pane is listening. */
  accepted: boolean;
  /** Called by the pane when it has finished the action. */
  done: () => void;
}
