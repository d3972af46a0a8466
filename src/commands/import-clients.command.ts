import type { RibbonCommand } from './command.types';

/** Import Clients: reads, checks and submits the active template; progress and Cancel show in the pane. */
export const importClients: RibbonCommand = {
  id: 'importClients',
  async run(host) {
    await host.showPane();
    await host.request('import');
  },
};
