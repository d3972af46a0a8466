// The portal for the end-to-end bench, in a process of its own, as in production: the add-in runs in
// Excel on the user's computer, not on the portal's event loop (both still share this machine's cores).
// The bare insert (the §8 yardstick) runs in that process too, on the server's own database (PGlite
// lives inside the server). Parent side: startServerProcess(); child side: this file run with `--child`.
import { fork, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import type { ClientRow } from '../../src/domain/api-types';
import { DEFAULT_RATE_LIMITS } from '../../src/server/http/rate-limits';
import { startServer } from '../../src/server/start-server';
import { bareInsert } from './bare-insert';
import type { BenchDatabase } from './bench-databases';
import { BENCH_ADMIN_TOKEN } from './bench-portal';

type Ask = { id: number; bare?: { firmId: string; rows: ClientRow[] }; close?: true };
type Answer = { id: number; ms?: number; error?: string };

export interface ServerProcess {
  url: string;
  /** bareInsert in the server's process, on its database: the wall time in ms. */
  bare(firmId: string, rows: readonly ClientRow[]): Promise<number>;
  close(): Promise<void>;
}

export async function startServerProcess(db: BenchDatabase): Promise<ServerProcess> {
  const child = fork(__filename, ['--child'], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DATABASE_URL: db.databaseUrl ?? '', BENCH_DATA_DIR: db.dataDir },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string; error?: string }) => (m.url ? resolve(m.url) : reject(new Error(m.error))));
    child.once('exit', (code) => reject(new Error(`the bench server stopped (exit code ${code})`)));
  });
  let next = 1;
  return {
    url,
    bare: async (firmId, rows) => (await ask(child, { id: next++, bare: { firmId, rows: [...rows] } })).ms!,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask(child, { id: next++, close: true });
      await exited;
    },
  };
}

function ask(child: ChildProcess, message: Ask): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: Answer) => {
      if (answer.id !== message.id) return;
      child.off('message', onMessage);
      if (answer.error) reject(new Error(answer.error));
      else resolve(answer);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** The server's JSON log lines of level warn (40) and above, to stderr: its info lines ("Server listening") are not figures. */
const warningsOnly = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (Number(/"level":(\d+)/.exec(line)?.[1] ?? 0) >= 40) process.stderr.write(`${line}\n`);
    done();
  },
});

async function serve(): Promise<void> {
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
      dataDir: process.env.BENCH_DATA_DIR!,
      adminToken: BENCH_ADMIN_TOKEN,
      development: false,
      // The setup accepts hundreds of invitations from one address per 100k run, several runs a minute:
      // the bench measures imports, not the per-address limit (test/bad-input/rate-limits.test.ts does).
      rateLimits: { ...DEFAULT_RATE_LIMITS, perAddress: 1_000_000 },
    },
    warningsOnly,
  );
  process.on('message', (message: Ask) => {
    void (async () => {
      try {
        if (message.close) {
          await server.close();
          process.send!({ id: message.id }, () => process.exit(0));
        } else if (message.bare) {
          process.send!({ id: message.id, ms: await bareInsert(server.app.db, message.bare.firmId, message.bare.rows) });
        }
      } catch (error) {
        process.send!({ id: message.id, error: String(error) });
      }
    })();
  });
  process.send!({ url: server.url });
}

if (process.argv.includes('--child')) {
  serve().catch((error: unknown) => {
    process.send!({ error: String(error) });
    process.exit(1);
  });
}
