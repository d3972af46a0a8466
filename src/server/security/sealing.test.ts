import { createSealer } from './sealing';

describe('createSealer', () => {
  it('opens what it sealed, and nothing sealed under another key or altered', () => {
    const sealer = createSealer('a'.repeat(40));
    const sealed = sealer.seal('secret token');
    expect(sealed).not.toContain('secret');
    expect(sealer.open(sealed)).toBe('secret token');
    expect(createSealer('a'.repeat(40)).open(sealed)).toBe('secret token');
    expect(createSealer('b'.repeat(40)).open(sealed)).toBeNull();
    // Flip one bit of each part (nonce, tag, ciphertext) in the decoded bytes: a change to a base64 character
    // may be no change at all (the same character, or a last character's unused bits).
    const raw = Buffer.from(sealed.slice('s1.'.length), 'base64url');
    for (const at of [0, 12, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[at] ^= 1;
      expect(sealer.open(`s1.${tampered.toString('base64url')}`)).toBeNull();
    }
    expect(sealer.open('plain text')).toBeNull();
  });

  it('seals the same text differently each time', () => {
    const sealer = createSealer();
    expect(sealer.seal('x')).not.toBe(sealer.seal('x'));
  });
});
