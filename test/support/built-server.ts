// The production server as users run it: `node dist/node/server/main.js`, the build of `npm run serve`, as a
// real child process (node itself, not npm or tsx, so the pid we signal is the server and a SIGKILL leaves
// nothing behind). What ships is what is tested: a file the build forgot fails the tests that start it.
// `npm test` builds first; a test run alone needs `npm run build:server` after a change to src/server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const BUILT_MAIN = path.join(ROOT, 'dist/node/server/main.js');
const LOG_TAIL = 8000;

export const SERVER_ADMIN_TOKEN = 'built-server-admin-token-0123456789-abcdefghij';

/** A port that was free a moment ago on 127.0.0.1; the same port is reused across restarts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGKILL: no shutdown hooks, no flush, like a crash or an OOM kill. */
  crash(): Promise<void>;
  /** SIGTERM and wait; SIGKILL after a grace period. */
  stop(): Promise<void>;
  /** Settles when the process has exited, with its exit code (null when a signal ended it). */
  exit: Promise<number | null>;
  /** The last few kilobytes of what it printed. */
  log(): string;
}

export interface ServerProcessOptions {
  /** Unset: a free port. */
  port?: number;
  /** PGlite's folder, when there is no databaseUrl (main.js has no in-memory database). */
  dataDir?: string;
  databaseUrl?: string;
  /** Further settings (PUBLIC_ORIGIN, SMTP_URL, STATIC_DIR…); they win over the defaults here. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

/** The settings `npm run serve` would read, for a server on 127.0.0.1:`port`. */
export function serverEnv(port: number, options: ServerProcessOptions = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_TOKEN: SERVER_ADMIN_TOKEN,
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    STATIC_DIR: path.join(ROOT, 'no-static'),
    ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
}

/** Fails with what to do when there is no build, or when src/server changed after it. */
export function assertBuilt(): void {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run \`npm run build:server\` (npm test builds first)`);
  const built = statSync(BUILT_MAIN).mtimeMs;
  const newer = newestSource(path.join(ROOT, 'src/server'), built) ?? newestSource(path.join(ROOT, 'src/domain'), built);
  if (newer) throw new Error(`${newer} is newer than the build: run \`npm run build:server\``);
}

function newestSource(dir: string, than: number): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newestSource(file, than);
      if (found) return found;
    } else if (!entry.name.includes('.test.') && statSync(file).mtimeMs > than) return file;
  }
  return null;
}

/** main.js as a tracked child, keeping the last LOG_TAIL characters of what it prints. */
function spawnBuilt(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  assertBuilt();
  const child = spawn(process.execPath, [BUILT_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-LOG_TAIL);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => tail, exit };
}

/** Runs main.js to the end: for starts that must fail. Resolves with its exit code and what it printed. */
export async function runBuiltServerToExit(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const { child, output, exit } = spawnBuilt(env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exit;
  clearTimeout(timer);
  return { code, output: output() };
}

/** Starts the built server and waits until /api/v1/health answers. */
export async function startBuiltServer(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const { child, output, exit } = spawnBuilt(serverEnv(port, options));
  const exited = exit.then(() => undefined);
  const url = `http://127.0.0.1:${port}`;

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 90_000);
  } catch (error) {
    await stopWith('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- server log ---\n${output()}`);
  }
  return {
    url,
    pid: child.pid!,
    exit,
    crash: () => stopWith('SIGKILL'),
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await stopWith('SIGTERM');
      clearTimeout(timer);
    },
    log: output,
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server at ${url} not healthy within ${timeoutMs} ms`);
}

// Every child this module started, so a failing test cannot leave a server running.
const children = new Set<ChildProcess>();
function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** For afterAll: SIGKILL any server child still alive. */
export async function killAllServerProcesses(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
