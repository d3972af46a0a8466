// Entry of the ribbon commands. In the shared runtime this bundle loads in taskpane.html next to the pane.
import { createBridgeHost } from './pane-bridge';
import { COMMANDS } from './registry';
import { registerCommands } from './run-command';

Office.onReady(() => {
  const host = createBridgeHost({ target: window, showAsTaskpane: () => Office.addin.showAsTaskpane() });
  registerCommands(COMMANDS, (id, handler) => Office.actions.associate(id, handler), host);
});
