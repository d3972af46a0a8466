import { sql, type DatabaseConnection, type Kysely, type QueryResult, type RawBuilder } from 'kysely';
import type { Database } from './schema';

// A transaction costs round trips: BEGIN, each statement, COMMIT. Each answer reaches the code that sends
// the next statement only when the server's thread is free, and on a server busy parsing and checking other
// batches that wait is most of a short transaction's time. Statements given to a Pipeline go out without
// waiting for each other's answers: node-postgres in pipeline mode (storage/database.ts) writes them to
// the connection at once, and the PGlite thread runs them in the order asked. The database still runs
// each after the one before it has ended, which is what Read Committed needs of a read that follows a
// lock; only the detour through the busy thread is saved.
// (Kysely's own connection() runs one query at a time, so the pipeline talks to the driver's connection.)

/** Statements on one connection, sent as they are given; see above. */
export class Pipeline {
  private sent = false;
  private onCommitSent!: () => void;
  /** Resolves when COMMIT has been given to the connection: nothing more of this transaction follows it. */
  readonly commitSent = new Promise<void>((resolve) => (this.onCommitSent = resolve));

  constructor(
    private readonly db: Kysely<Database>,
    private readonly connection: DatabaseConnection,
  ) {}

  run<R>(query: RawBuilder<R>): Promise<QueryResult<R>> {
    return this.connection.executeQuery<R>(query.compile(this.db));
  }

  /** Sends COMMIT (give it beside the transaction's last statement); fails when the transaction was rolled back instead. */
  async commit(): Promise<void> {
    const answer = this.connection.executeQuery<{ command?: string }>(sql`commit`.compile(this.db));
    this.sent = true;
    this.onCommitSent();
    const { rows } = await answer;
    if (rows[0]?.command === 'ROLLBACK') throw new Error('The transaction was rolled back');
  }

  get isCommitSent(): boolean {
    return this.sent;
  }
}

/** What a statement runs on: a Kysely instance (or transaction), or a pipeline. */
export type Statements = Kysely<Database> | Pipeline;

export const runOn = <R>(on: Statements, query: RawBuilder<R>): Promise<QueryResult<R>> => (on instanceof Pipeline ? on.run(query) : query.execute(on));

/**
 * Runs `work` in a transaction on one connection, its statements pipelined. BEGIN goes out with the first
 * of them; `work` gives `pipeline.commit()` beside its last statement (else COMMIT follows once it returns,
 * or ROLLBACK once it fails, each behind every statement it sent). The connection goes back to the pool as
 * soon as COMMIT is sent: the next transaction's statements then queue behind it on the connection (PGlite
 * has only one) instead of waiting for its answer to come back through this thread. So nothing may be sent
 * after COMMIT, and a failure after it is never followed by a ROLLBACK, which would be the next user's.
 */
export async function inPipelinedTransaction<T>(db: Kysely<Database>, work: (pipeline: Pipeline) => Promise<T>): Promise<T> {
  let finished!: Promise<T>;
  await db.getExecutor().provideConnection(async (connection) => {
    const pipeline = new Pipeline(db, connection);
    // A failed BEGIN fails the statements behind it too (the connection is gone): theirs is the error reported.
    pipeline.run(sql`begin`).catch(() => undefined);
    finished = work(pipeline).then(
      async (result) => {
        if (!pipeline.isCommitSent) await pipeline.commit();
        return result;
      },
      async (error: unknown) => {
        // A COMMIT already sent ends the transaction either way (after a failed statement it rolls back).
        if (!pipeline.isCommitSent) await pipeline.run(sql`rollback`).catch(() => undefined);
        throw error;
      },
    );
    await Promise.race([pipeline.commitSent, finished.then(noop, noop)]);
  });
  return finished;
}

const noop = () => undefined;
