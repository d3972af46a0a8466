import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type { PGliteLike } from './pglite-thread';

/**
 * Lets Kysely's PostgresDialect use a PGlite instance as its "pool". PGlite is a single
 * connection, so the pool hands out one client at a time: a transaction keeps the lock from
 * `connect()` to `release()`, and every other caller queues behind it.
 */
export function pglitePool(pglite: PGliteLike): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  function acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const granted = tail.then(() => release);
    tail = tail.then(() => released);
    return granted;
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await acquire();
      let done = false;
      const client = {
        async query<R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const result = await pglite.query<R>(sqlText, parameters as unknown[]);
          return {
            command: (result as { command?: string }).command as PostgresQueryResult<R>['command'],
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        },
        release(): void {
          if (!done) {
            done = true;
            release();
          }
        },
      };
      return client as PostgresPoolClient;
    },
    async end(): Promise<void> {
      await pglite.close();
    },
  };
}
