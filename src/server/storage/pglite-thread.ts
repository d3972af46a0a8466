import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** What the pool needs of a PGlite: PGlite itself has this shape, and so has PGliteThread. */
export interface PGliteLike {
  query<R>(sql: string, parameters?: unknown[]): Promise<{ rows: R[]; affectedRows?: number; command?: string }>;
  close(): Promise<void>;
}

type Answer = { id: number; rows?: unknown[]; affectedRows?: number; command?: string; error?: Record<string, unknown>; closed?: boolean };
type Started = { ready: boolean; error?: Record<string, unknown> };

/**
 * PGlite on a worker thread of its own. PGlite runs Postgres (WebAssembly) on the thread that calls it:
 * in the server's thread every query would stop HTTP, JSON and the import rules for as long as it runs.
 * Here the database works while the server thread parses the next batch, and the other way round.
 * Errors come back with Postgres's fields (code, constraint, detail), as PGlite throws them.
 */
export class PGliteThread implements PGliteLike {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  /** `dataDir` unset: in memory. */
  constructor(dataDir?: string) {
    this.worker = new Worker(path.join(__dirname, 'pglite-worker.cjs'), { workerData: { dataDir } });
    this.ready = new Promise<void>((resolve, reject) => {
      const onStart = (message: Started | Answer) => {
        if (!('ready' in message)) return;
        this.worker.off('message', onStart);
        if (message.ready) resolve();
        else reject(toError(message.error ?? {}));
      };
      this.worker.on('message', onStart);
      // A thread that dies before it is ready (its file missing from a build, PGlite failing to load) fails
      // the start: without this, `ready` never settles and a server waiting on it exits silently with 0.
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`The database thread stopped before it was ready (exit code ${code})`)));
    });
    this.worker.on('message', (message: Answer | Started) => {
      if (!('id' in message)) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiter?.resolve(message);
    });
    // A thread that dies (out of memory, a crash in PGlite) fails what it still owed and every later query.
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The database thread stopped (exit code ${code})`)));
  }

  async query<R>(sql: string, parameters: unknown[] = []): Promise<{ rows: R[]; affectedRows?: number; command?: string }> {
    const answer = await this.ask({ sql, parameters });
    if (answer.error) throw toError(answer.error);
    return { rows: answer.rows as R[], affectedRows: answer.affectedRows, command: answer.command };
  }

  async close(): Promise<void> {
    if (!this.failure) await this.ask({ close: true }).catch(() => undefined);
    await this.worker.terminate();
  }

  private async ask(message: Record<string, unknown>): Promise<Answer> {
    await this.ready;
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }
}

function toError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'Database error')), fields);
}
