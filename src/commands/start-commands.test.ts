import { createPaneInbox } from './pane-inbox';
import { startCommands, type OfficeForCommands } from './start-commands';
import type { CompletableEvent } from './run-command';

function fakeOffice(opts: { sharedRuntime11: boolean; startupFails?: boolean }) {
  let ready!: () => void;
  const calls: string[] = [];
  const handlers: Record<string, (event: CompletableEvent) => Promise<void>> = {};
  const office: OfficeForCommands = {
    onReady: () => new Promise((resolve) => (ready = () => resolve(undefined))),
    actions: { associate: (id, handler) => void ((handlers[id] = handler), calls.push(`associate ${id}`)) },
    addin: {
      showAsTaskpane: async () => void calls.push('show'),
      setStartupBehavior: async (behavior) => {
        calls.push(`startup ${behavior}`);
        if (opts.startupFails) throw new Error('Not allowed here');
      },
    },
    context: { requirements: { isSetSupported: (name, version) => opts.sharedRuntime11 && name === 'SharedRuntime' && version === '1.1' } },
    StartupBehavior: { load: 'Load' as Office.StartupBehavior },
  };
  return { office, calls, handlers, ready: () => ready() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startCommands', () => {
  it('associates every function before Office is ready, then keeps the runtime loaded with the workbook', async () => {
    const { office, calls, ready } = fakeOffice({ sharedRuntime11: true });
    startCommands(office, createPaneInbox());
    expect(calls).toEqual(['associate importClients', 'associate checkTemplate']);
    ready();
    await settle();
    expect(calls).toEqual(['associate importClients', 'associate checkTemplate', 'startup Load']);
  });

  it('leaves the startup behaviour alone where SharedRuntime 1.1 is missing', async () => {
    const { office, calls, ready } = fakeOffice({ sharedRuntime11: false });
    startCommands(office, createPaneInbox());
    ready();
    await settle();
    expect(calls.filter((c) => c.startsWith('startup'))).toEqual([]);
  });

  // Office.onReady resolves outside Office too (host null), where Office.context has no requirements:
  // the page used to throw "Cannot read properties of undefined (reading 'isSetSupported')".
  it('opens outside Office without throwing, and leaves the startup behaviour alone', async () => {
    const { office, calls, ready } = fakeOffice({ sharedRuntime11: true });
    const outside: OfficeForCommands = { ...office, context: {} };
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', onRejection);
    startCommands(outside, createPaneInbox());
    ready();
    await settle();
    await settle();
    process.off('unhandledRejection', onRejection);
    expect(failures).toEqual([]);
    expect(calls.filter((c) => c.startsWith('startup'))).toEqual([]);
  });

  it('says in the pane when Excel refuses the startup behaviour', async () => {
    const { office, ready } = fakeOffice({ sharedRuntime11: true, startupFails: true });
    const inbox = createPaneInbox();
    startCommands(office, inbox);
    ready();
    await settle();
    const seen: string[] = [];
    inbox.listen((r) => (seen.push(r.action === 'error' ? r.message : r.action), { accepted: true }));
    expect(seen).toEqual([expect.stringMatching(/^Excel did not agree to load Client Import with this workbook \(Not allowed here\)/)]);
  });

  it('completes a click made before the pane listens once the pane accepts it', async () => {
    const { office, handlers, ready } = fakeOffice({ sharedRuntime11: false });
    const inbox = createPaneInbox();
    startCommands(office, inbox);
    const completed = jest.fn();
    const click = handlers.importClients({ completed });
    await settle();
    expect(completed).not.toHaveBeenCalled();
    inbox.listen(() => ({ accepted: true }));
    await click;
    expect(completed).toHaveBeenCalledTimes(1);
    ready();
  });
});
