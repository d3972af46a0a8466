import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 's1.';

/** Seals and opens short texts with one server key (AES-256-GCM), for secrets the server must show again later. */
export interface Sealer {
  seal(text: string): string;
  /** The text, or null when it was sealed under another key or tampered with. */
  open(sealed: string): string | null;
}

/** Any secret of 32+ characters becomes the 256-bit key; a random key when none is given (tests, one process). */
export function createSealer(secret?: string): Sealer {
  const key = secret === undefined ? randomBytes(32) : createHash('sha256').update(secret, 'utf8').digest();
  return {
    seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) return null;
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      if (raw.length < 28) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
