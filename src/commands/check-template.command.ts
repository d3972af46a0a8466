import type { RibbonCommand } from './command.types';

/** Check Template: checks every row, marks invalid cells and lists the issues in the pane. */
export const checkTemplate: RibbonCommand = {
  id: 'checkTemplate',
  async run(host) {
    await host.showPane();
    await host.request('check');
  },
};
