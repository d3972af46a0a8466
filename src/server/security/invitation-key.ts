import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret that seals invitation links when INVITATION_KEY is not set: made once into
 * `<dataDir>/invitation.key` (owner-only) and read back after a restart, so queued e-mails and the
 * links the pane shows survive it. Servers sharing one PostgreSQL must set INVITATION_KEY instead.
 */
export function invitationKeyFromDataDir(dataDir: string): string {
  const file = join(dataDir, 'invitation.key');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
