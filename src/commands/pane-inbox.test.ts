import { createInboxHost, createPaneInbox, sharedPaneInbox, type PaneRequest } from './pane-inbox';

describe('the pane inbox', () => {
  it('keeps requests sent before the pane listens, in order, and answers each once the pane takes it', async () => {
    const inbox = createPaneInbox();
    const first = inbox.send({ action: 'import' });
    const second = inbox.send({ action: 'error', message: 'Excel is busy' });
    const seen: PaneRequest[] = [];
    inbox.listen((request) => (seen.push(request), { accepted: true }));
    await expect(first).resolves.toEqual({ accepted: true });
    await expect(second).resolves.toEqual({ accepted: true });
    expect(seen).toEqual([{ action: 'import' }, { action: 'error', message: 'Excel is busy' }]);
  });

  it('queues again after the pane stops listening (the pane was closed)', async () => {
    const inbox = createPaneInbox();
    const stop = inbox.listen(() => ({ accepted: true }));
    stop();
    let answered = false;
    const pending = inbox.send({ action: 'check' }).then((a) => ((answered = true), a));
    await Promise.resolve();
    expect(answered).toBe(false);
    inbox.listen(() => ({ accepted: false, reason: 'An import is running.' }));
    await expect(pending).resolves.toEqual({ accepted: false, reason: 'An import is running.' });
  });

  it('is one inbox per page, whichever bundle asks', () => {
    const page = {};
    expect(sharedPaneInbox(page)).toBe(sharedPaneInbox(page));
    expect(sharedPaneInbox(page)).not.toBe(sharedPaneInbox({}));
  });
});

describe('createInboxHost', () => {
  it('resolves a request when the pane accepts it and rejects with the pane’s reason when it refuses', async () => {
    const inbox = createPaneInbox();
    const host = createInboxHost(inbox, async () => undefined);
    let refuse = false;
    inbox.listen(() => (refuse ? { accepted: false, reason: 'The pane is busy importing.' } : { accepted: true }));
    await expect(host.request('import')).resolves.toBeUndefined();
    refuse = true;
    await expect(host.request('check')).rejects.toThrow('The pane is busy importing.');
  });

  it('shows an error reported before the pane exists once the pane listens', () => {
    const inbox = createPaneInbox();
    createInboxHost(inbox, async () => undefined).reportError('Could not show the pane');
    const seen: PaneRequest[] = [];
    inbox.listen((request) => (seen.push(request), { accepted: true }));
    expect(seen).toEqual([{ action: 'error', message: 'Could not show the pane' }]);
  });
});
