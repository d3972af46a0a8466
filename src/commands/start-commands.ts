import { createInboxHost, type PaneInbox } from './pane-inbox';
import { COMMANDS } from './registry';
import { registerCommands, type CompletableEvent } from './run-command';

/** The few parts of `Office` the ribbon needs, so tests can hand in their own. */
export interface OfficeForCommands {
  onReady(): Promise<unknown>;
  actions: { associate(id: string, handler: (event: CompletableEvent) => Promise<void>): void };
  addin: { showAsTaskpane(): Promise<void>; setStartupBehavior(behavior: Office.StartupBehavior): Promise<void> };
  /** Outside Office (the page opened in a plain browser) `onReady` resolves and `context.requirements` is undefined. */
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
  StartupBehavior: { load: Office.StartupBehavior };
}

/**
 * Registers the ribbon's functions at once, while the page loads: Office may call a function as soon
 * as the page has loaded, and a click on a cold runtime is lost if nothing is associated by then
 * (so webpack.config.js loads this bundle as a blocking script, first). After Office is ready it asks
 * Excel to load the runtime with this workbook from now on, so later first clicks find it warm.
 */
export function startCommands(office: OfficeForCommands, inbox: PaneInbox): void {
  const host = createInboxHost(inbox, () => office.addin.showAsTaskpane());
  registerCommands(COMMANDS, (id, handler) => office.actions.associate(id, handler), host);
  void office.onReady().then(async () => {
    // setStartupBehavior needs SharedRuntime 1.1; without it the add-in still works, only loads on first use.
    if (office.context?.requirements?.isSetSupported('SharedRuntime', '1.1') !== true) return;
    try {
      await office.addin.setStartupBehavior(office.StartupBehavior.load);
    } catch (error) {
      host.reportError(
        `Excel did not agree to load Client Import with this workbook (${error instanceof Error ? error.message : String(error)}). The buttons still work; the first click after opening may take longer.`,
      );
    }
  });
}
