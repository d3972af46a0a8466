import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'src/server/main.ts');
const LOG_TAIL = 8000;

export const FAULT_ADMIN_TOKEN = 'fault-admin-token-0123456789-abcdefghij';

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
  log(): string;
}

export interface ServerProcessOptions {
  port: number;
  dataDir?: string;
  databaseUrl?: string;
  startTimeoutMs?: number;
}

/**
 * `node --import tsx src/server/main.ts` as a real child process (node itself, not the tsx CLI or
 * npx, so the pid we signal is the server and a SIGKILL leaves nothing behind).
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    ADMIN_TOKEN: FAULT_ADMIN_TOKEN,
    STATIC_DIR: path.join(ROOT, 'no-static'),
    ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-LOG_TAIL);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const exited = exit.then(() => undefined);
  const url = `http://127.0.0.1:${options.port}`;
  track(child);

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 90_000);
  } catch (error) {
    await stopWith('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- server log ---\n${tail}`);
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
    log: () => tail,
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
