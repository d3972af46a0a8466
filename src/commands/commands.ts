// Entry of the ribbon commands. In the shared runtime this bundle loads in taskpane.html next to the pane,
// before it and without defer (webpack.config.js), so the functions are associated before Office calls one.
import { sharedPaneInbox } from './pane-inbox';
import { startCommands } from './start-commands';

startCommands(Office, sharedPaneInbox(window));
