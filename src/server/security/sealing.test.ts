import { createSealer } from './sealing';

describe('createSealer', () => {
  it('opens what it sealed, and nothing sealed under another key or altered', () => {
    const sealer = createSealer('a'.repeat(40));
    const sealed = sealer.seal('secret token');
    expect(sealed).not.toContain('secret');
    expect(sealer.open(sealed)).toBe('secret token');
    expect(createSealer('a'.repeat(40)).open(sealed)).toBe('secret token');
    expect(createSealer('b'.repeat(40)).open(sealed)).toBeNull();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(sealer.open(flipped)).toBeNull();
    expect(sealer.open('plain text')).toBeNull();
  });

  it('seals the same text differently each time', () => {
    const sealer = createSealer();
    expect(sealer.seal('x')).not.toBe(sealer.seal('x'));
  });
});
