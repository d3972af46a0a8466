import { PANE_REQUEST_EVENT, type PaneAction, type PaneRequest } from '../domain';
import type { CommandHost } from './command.types';
import { createBridgeHost } from './pane-bridge';
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
    await runCommand(COMMANDS.find((c) => c.id === 'importClients')!, host, { completed });
    expect(log).toEqual(['show', 'request import']);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('calls event.completed() and reports the reason when the command fails', async () => {
    const { host, log } = recordingHost(new Error('The pane is busy'));
    const completed = jest.fn();
    await runCommand(COMMANDS.find((c) => c.id === 'checkTemplate')!, host, { completed });
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

describe('createBridgeHost', () => {
  it('hands the request to the pane and resolves when the pane is done', async () => {
    const target = new EventTarget();
    const seen: string[] = [];
    target.addEventListener(PANE_REQUEST_EVENT, (event) => {
      const detail = (event as CustomEvent<PaneRequest>).detail;
      detail.accepted = true;
      seen.push(detail.action);
      setTimeout(detail.done, 5);
    });
    const host = createBridgeHost({ target, showAsTaskpane: async () => undefined });
    await host.request('import');
    expect(seen).toEqual(['import']);
  });

  it('says so plainly when no pane is listening', async () => {
    const host = createBridgeHost({ target: new EventTarget(), showAsTaskpane: async () => undefined });
    await expect(host.request('check')).rejects.toThrow('The Client Import pane is not ready yet. Choose Show Pane, then try again.');
  });
});
