import type { CommandHost, PaneAction } from './command.types';
import { COMMANDS } from './registry';
import { registerCommands, runCommand } from './run-command';

function recordingHost(fail?: Error) {
  const log: string[] = [];
  const host: CommandHost = {
    showPane: async () => void log.push('show'),
    request: async (action: PaneAction) => {
      log.push(`request ${action}`);
      if (fail) throw fail;
    },
    reportError: (message) => void log.push(`error ${message}`),
  };
  return { host, log };
}

describe('ribbon commands', () => {
  it('Import Clients shows the pane, then asks it to import', async () => {
    const { host, log } = recordingHost();
    const completed = jest.fn();
    await runCommand(
      COMMANDS.find((c) => c.id === 'importClients')!,
      host,
      { completed },
    );
    expect(log).toEqual(['show', 'request import']);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('calls event.completed() and reports the reason when the command fails', async () => {
    const { host, log } = recordingHost(new Error('The pane is busy'));
    const completed = jest.fn();
    await runCommand(
      COMMANDS.find((c) => c.id === 'checkTemplate')!,
      host,
      { completed },
    );
    expect(log).toEqual(['show', 'request check', 'error The pane is busy']);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('registers every command under its id, once', () => {
    const associated: string[] = [];
    registerCommands(COMMANDS, (id) => void associated.push(id), recordingHost().host);
    expect(associated).toEqual(['importClients', 'checkTemplate']);
    expect(() => registerCommands([...COMMANDS, COMMANDS[0]], () => undefined, recordingHost().host)).toThrow('share the id importClients');
  });
});
