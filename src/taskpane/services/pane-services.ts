import { createContext, useContext } from 'react';
import type { FetchLike } from '../../api';
import type { PaneInbox } from '../../commands/pane-inbox';
import type { WorkbookPort } from '../workbook/workbook-port';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Everything the pane needs from the outside world, passed in (production: Office; e2e harness: the fake). */
export interface PaneServices {
  /** Null outside Excel: the pane says so instead of failing. */
  workbook: WorkbookPort | null;
  fetch: FetchLike;
  storage: KeyValueStore;
  /** Office.context.partitionKey: keeps settings apart per workbook partition (Excel on the web). */
  partitionKey: string | undefined;
  /** Backend address offered on first use: the origin the pane was served from. */
  defaultBaseUrl: string;
  /** Where the ribbon's commands leave their requests for the pane (one per page: sharedPaneInbox(window)). */
  ribbonInbox: PaneInbox;
  /**
   * Calls `listener` when the pane is shown or hidden (Office.addin.onVisibilityModeChanged: with the shared
   * runtime, closing the pane hides it and the page lives on); returns a function that stops listening.
   */
  onPaneVisibility?(listener: (visible: boolean) => void): () => void;
  /**
   * Opens the sign-in dialog page at `url` (Office.context.ui.displayDialogAsync) and resolves with the message it
   * sends back (messageParent). Unset where no dialog can open: only codes and API keys then.
   */
  signInDialog?(url: string): Promise<string>;
  /** Saves a downloaded file for the user. */
  saveFile(name: string, bytes: ArrayBuffer, type: string): void;
}

export const PaneServicesContext = createContext<PaneServices | null>(null);

export function usePaneServices(): PaneServices {
  const services = useContext(PaneServicesContext);
  if (!services) throw new Error('PaneServicesContext is missing: mount the pane with mountPane(services).');
  return services;
}
