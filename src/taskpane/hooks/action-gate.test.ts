import { ActionGate, BusyError } from './action-gate';

describe('ActionGate', () => {
  it('lets one action in at a time, refuses another naming the first, and opens again when it ends', async () => {
    const gate = new ActionGate();
    const seen: (string | null)[] = [];
    gate.subscribe(() => seen.push(gate.current()));
    let finish!: () => void;
    const first = gate.run('Preparing the template', () => new Promise<void>((resolve) => (finish = resolve)));
    expect(gate.current()).toBe('Preparing the template');
    const second = jest.fn(async () => 'ran');
    await expect(gate.run('Importing clients', second)).rejects.toEqual(new BusyError('Preparing the template'));
    expect(second).not.toHaveBeenCalled();
    finish();
    await first;
    expect(gate.current()).toBeNull();
    await expect(gate.run('Importing clients', second)).resolves.toBe('ran');
    expect(seen).toEqual(['Preparing the template', null, 'Importing clients', null]);
  });

  it('opens again when the action fails, and a leave given twice frees only its own turn', async () => {
    const gate = new ActionGate();
    await expect(gate.run('Checking the template', () => Promise.reject(new Error('Excel stopped answering')))).rejects.toThrow('Excel stopped answering');
    expect(gate.current()).toBeNull();
    const leave = gate.enter('Importing clients');
    leave();
    const next = gate.enter('Checking the template');
    leave();
    expect(gate.current()).toBe('Checking the template');
    next();
  });
});
