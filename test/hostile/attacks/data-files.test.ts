// Attack 3 of issue 24: PGlite's files under DATA_DIR were -rw-rw-rw- in 0755 folders: any account on the machine
// could read clients' data or write a firm's key hash. Now DATA_DIR is made 0700, and an existing one is tightened
// at start (and at stop) with everything in it (the outbox and invitation.key too).
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../../src/server/start-server';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'attack-data-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const start = async (dataDir: string) => {
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, development: false, publicOrigin: 'https://portal.test' });
  server.app.log.level = 'silent';
  await server.close();
};

/** Every path under `dir` (itself included) that another account could read, write or enter. */
function open(dir: string): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    const stat = lstatSync(p);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) found.push(`${path.relative(root, p) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) readdirSync(p).forEach((name) => walk(path.join(p, name)));
  };
  walk(dir);
  return found;
}

describe('data files', () => {
  it('a new DATA_DIR is made 0700', async () => {
    const dataDir = path.join(root, 'new', 'data');
    await start(dataDir);
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
  });

  it('an existing, open DATA_DIR is tightened at start, with PGlite files, the outbox and the key in it', async () => {
    const dataDir = path.join(root, 'old');
    await start(dataDir);
    // As an earlier version (or a umask of 0) left it.
    mkdirSync(path.join(dataDir, 'outbox'), { recursive: true });
    writeFileSync(path.join(dataDir, 'outbox', '1.eml'), 'To: victim@example.test\n');
    const loosen = (p: string) => {
      chmodSync(p, statSync(p).isDirectory() ? 0o777 : 0o666);
      if (statSync(p).isDirectory()) readdirSync(p).forEach((name) => loosen(path.join(p, name)));
    };
    loosen(dataDir);
    expect(open(dataDir).length).toBeGreaterThan(10);
    await start(dataDir);
    expect(open(dataDir)).toEqual([]);
  });
});
