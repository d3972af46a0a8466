import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import { toRowResult, type Decision } from '../../domain/import-decision';
import { isOfflineYes } from '../../domain/row-validation';
import { invitationUrl, sealMessage } from '../clients/invitation-links';
import { invitationMessage } from '../clients/invitation-message';
import type { OutboxMessage } from '../clients/outbox.repository';
import { addProfile, findProfiles, findStandardEmails, insertProfilesSkippingTaken, profileKey, type NewProfile } from '../clients/profile.repository';
import { offlineRuleLock } from '../clients/offline-rule.lock';
import type { FirmRecord } from '../firms/firm.repository';
import { conflict, HttpProblem, notFound } from '../http/problem';
import type { Sealer } from '../security/sealing';
import { inPipelinedTransaction, Pipeline, type Statements } from '../storage/pipeline';
import type { Database } from '../storage/schema';
import { encodeResults, encodeRows, packDocument, packDocumentNow } from './batch-document';
import { BatchOrder, type Rider } from './batch-order';
import { lockImport, readBatchState, writeBatch } from './batch.repository';
import { checkBatch, decideBatch, emailOf, idOf, redecide, type BatchFacts } from './batch-decisions';
import type { IssuedInvitation } from '../clients/invitation-links';
import { importedIndexes, plannedProfiles, type PlannedProfiles } from './planned-profiles';
import { withRetry } from './transaction-retry';

export interface BatchInput {
  firm: FirmRecord;
  importId: string;
  seq: number;
  rows: ClientRow[];
  /** `<scheme>://<host>` for invitation links. */
  origin: string;
  /** Seals new invitation tokens and their e-mails (clients/invitation-links.ts). */
  sealer: Sealer;
  /** The batch this one follows in the file: it is applied only after that one is stored (null: no order asked). */
  after: number | null;
  order: ImportBatchOrder;
  /** Ends a timed phase (see PhaseClock): pack, check (before the lock), queue, lock, facts, decide, encode, write, commit. */
  lap?: (phase: string) => void;
}

export interface BatchAnswer {
  results: RowResult[];
  replayed: boolean;
  invitations: OutboxMessage[];
}

/** The in-memory order of one server's batches (batch-order.ts), riders and hand-offs included. */
export type ImportBatchOrder = BatchOrder<Prepared, BatchAnswer, Written>;
export const newBatchOrder = (): ImportBatchOrder => new BatchOrder<Prepared, BatchAnswer, Written>();

/** What a batch's write adds to the facts later batches read, and the token it stamps on the import. */
interface Written {
  token: string;
  profiles: readonly NewProfile[];
  /** Rejected first rows of IDs new to the import (import_seen_ids). */
  seen: ReadonlyMap<string, number>;
}

const INSERT_ROUNDS = 3;
/** Most rows one transaction applies when a batch carries the batches waiting behind it: short enough not to hold PGlite's one connection long. */
const GROUP_ROWS = 5000;
/** How long a batch waits for the one it follows before it asks the client to send that one first. */
const ORDER_WAIT_MS = 20_000;
/**
 * How long a batch waits for the one it follows to reach this server before it asks the database (which
 * knows when that one was stored before a restart, or by another server).
 */
const UNKNOWN_WAIT_MS = 1_000;
const UNIQUE_VIOLATION = '23505';
const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

/**
 * Applies one batch of an import in one transaction with a fixed number of set-based statements.
 * Repeating a (import, seq) returns the stored answer and changes nothing.
 *
 * The usual batch takes four statements: lock, one read of the facts, §4 in memory, one write.
 * Emails of existing clients are not read first: the unique email index (and the (firm, Tax
 * Client ID, kind) key, for racing imports) reject the write instead. A batch whose write hits one
 * is rolled back and applied again carefully, inserting what it still can and deciding the rest again.
 * A batch that follows another (`after`) waits, outside any transaction, until that one is stored
 * (batch-order.ts). While it waits in memory it offers itself as a rider: when the batch it follows starts,
 * that one carries it (and the chain waiting behind it) into its own transaction, decides all their rows
 * in file order as one and writes them in one statement (group commit). Each keeps its own seq, stored
 * answer and replay; if the group cannot go through as one, the riders are let go and apply alone.
 */
export async function submitBatch(db: Kysely<Database>, batch: BatchInput): Promise<BatchAnswer> {
  const { seq, after, order } = batch;
  // The in-memory order is kept by firm and import: another firm's request to this import's id never
  // stands in for one of its batches (it only gets its 404).
  const key = orderKey(batch);
  // From here on, a batch that follows this one waits for it in memory rather than queue on the lock for nothing.
  order.begin(key, seq);
  try {
    // Neither the stored rows nor the field and reference checks depend on the portal's facts: both are
    // done before the import's lock is taken, not under it.
    const rowsDocument = await packDocument(encodeRows(batch.rows));
    batch.lap?.('pack');
    const checked = checkBatch(batch.rows, batch.firm);
    batch.lap?.('check');
    const input: Prepared = { ...batch, rowsDocument, checked };
    for (let alone = false; ;) {
      const arrival = after === null ? null : order.listen(key, after);
      try {
        // The batch this one follows has not reached this server yet (several are in flight): wait for it
        // to show up for a moment, rather than ask the database under a lock only to hear it is not stored.
        if (arrival && order.isUnknown(key, after!) && (await arrival.wait(UNKNOWN_WAIT_MS))) {
          input.lap?.('queue');
          continue;
        }
        // A predecessor that has handed off is committing: this batch may read ahead of its commit.
        if (arrival && order.isApplying(key, after!) && !order.hasHandedOff(key, after!)) {
          const seat = alone ? null : order.offer(key, after!, seq, input);
          const woken = await Promise.race([arrival.wait(ORDER_WAIT_MS), seat?.taken.then(() => true)]);
          input.lap?.('queue');
          if (seat && !seat.leave()) {
            const answer = await seat.outcome;
            input.lap?.(answer ? 'ride' : 'released');
            if (answer) return answer;
            alone = true; // let go: the group could not go through as one
            continue;
          }
          // Settled, handed off, or another copy of it began: look again. Out of time: the database decides.
          if (woken) continue;
        }
        return await applyBatch(db, input);
      } catch (error) {
        if (!(error instanceof PredecessorMissing) || !arrival) throw error;
        input.lap?.('lock');
        if (!(await arrival.wait(ORDER_WAIT_MS))) throw new HttpProblem(503, `Batch ${after} of this import has not arrived yet; send it before batch ${seq}`);
        input.lap?.('wait');
      } finally {
        arrival?.cancel();
      }
    }
  } finally {
    order.settled(key, seq);
  }
}

/** The key of a batch's import in the BatchOrder: firm and import. */
export const orderKey = (batch: Pick<BatchInput, 'firm' | 'importId'>) => `${batch.firm.id}\u0001${batch.importId}`;

class PredecessorMissing extends Error {}
/** The batch read ahead of the one before it, which did not commit the write counted on: nothing was written. */
class PriorChanged extends Error {}
/** A batch carried along turned out stored already (a replay raced it): the group is let go. */
class RiderStored extends Error {}

interface Prepared extends BatchInput {
  rowsDocument: Uint8Array;
  /** checkBatch of the rows. */
  checked: (Decision | null)[];
}

async function applyBatch(db: Kysely<Database>, input: Prepared): Promise<BatchAnswer> {
  const group = new Group(input);
  try {
    try {
      return group.answered(await timed(input, applyAsOne(db, input, group)));
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION && !(error instanceof RiderStored)) throw error;
    }
    group.release();
    return (
      await timed(
        input,
        withRetry(() => db.transaction().execute((trx) => applyCarefully(trx, input))),
      )
    )[0];
  } finally {
    group.release();
  }
}

/**
 * The group in one optimistic transaction. When the batch before it has handed off (its write and COMMIT
 * are on their way), the group reads its facts at once, adds what that batch and any others still
 * committing write, and writes only if exactly that batch's write committed; otherwise, or when it did
 * not, the group reads its facts under the import's lock.
 */
async function applyAsOne(db: Kysely<Database>, input: Prepared, group: Group): Promise<BatchAnswer[]> {
  const prior = input.after === null ? [] : input.order.inFlight(orderKey(input), input.after);
  if (prior.length > 0) {
    try {
      return await withRetry(() => inPipelinedTransaction(db, (pipeline) => applyAhead(pipeline, input, group, prior)));
    } catch (error) {
      if (!(error instanceof PriorChanged)) throw error;
      input.lap?.('stale');
    }
  }
  return withRetry(() => inPipelinedTransaction(db, (pipeline) => applyOptimistically(pipeline, input, group)));
}

async function timed<T>(input: Prepared, transaction: Promise<T>): Promise<T> {
  const answers = await transaction;
  input.lap?.('commit');
  return answers;
}

/**
 * The batches one transaction applies: the batch itself and the riders it boards (once, on its first
 * attempt: a retried transaction applies the same group), in file order. Riders not answered are released.
 */
class Group {
  private riders: Rider<Prepared, BatchAnswer>[] | null = null;
  constructor(private readonly leader: Prepared) {}

  members(): Prepared[] {
    const { order, seq, rows } = this.leader;
    let total = rows.length;
    this.riders ??= order.board(orderKey(this.leader), seq, (next) => {
      // Same firm by construction: the order is keyed by firm and import (orderKey).
      if (total + next.rows.length > GROUP_ROWS) return false;
      total += next.rows.length;
      return true;
    });
    return [this.leader, ...this.riders.map((r) => r.batch)];
  }

  /** Delivers each rider's answer (the transaction committed) and returns the leader's; a rider with none (the leader was a replay) is let go. */
  answered(answers: BatchAnswer[]): BatchAnswer {
    this.riders?.forEach((rider, i) => (answers[i + 1] ? rider.deliver(answers[i + 1]) : rider.release()));
    this.riders = [];
    return answers[0];
  }

  release(): void {
    this.riders?.forEach((rider) => rider.release());
    this.riders = [];
  }
}

/** The profiles go in with the one write statement; any unique violation rolls the whole group back. */
async function applyOptimistically(pipeline: Pipeline, input: Prepared, group: Group): Promise<BatchAnswer[]> {
  const started = await startBatch(pipeline, input, group);
  if ('answer' in started) return [started.answer];
  const planned = plannedProfiles(started.rows, started.decisions, importedIndexes(started.decisions), input.sealer);
  return finishBatch(pipeline, input, started, started.decisions, planned);
}

/**
 * applyOptimistically, reading ahead of the commit of the batches in `prior` (BatchOrder.inFlight): the
 * facts as committed plus what those batches write (each addition holds whether or not the read already
 * saw that batch's commit), and the write made on the import carrying the nearest one's token. The
 * offline-rule lock is taken before the read, as under the import's lock; the import's lock comes with the write.
 */
async function applyAhead(pipeline: Pipeline, input: Prepared, group: Group, prior: Written[]): Promise<BatchAnswer[]> {
  const { firm, importId, lap } = input;
  const { members, rows, offline, read } = groupOf(input, group);
  const offlineRule = offline ? pipeline.run(sql`select ${offlineRuleLock(firm.id, 'shared')}`) : null;
  const reading = readBatchState(pipeline, firm.id, importId, { ...read, after: null });
  const [, found] = await Promise.all([offlineRule, reading]);
  const imported = found.import;
  if (!imported) throw notFound('Import');
  if (found.stored) return [{ results: found.stored, replayed: true, invitations: [] }];
  if (imported.status !== 'open') throw conflict('This import is completed; start a new import to send more rows');
  if (found.ridersStored) throw new RiderStored();
  lap?.('facts');
  const profiles = new Map(found.profiles);
  const seenBefore = new Map(found.seenBefore);
  const seen = (id: string, row: number) => seenBefore.set(id, Math.min(row, seenBefore.get(id) ?? row));
  for (const written of prior) {
    for (const p of written.profiles) {
      addProfile(profiles, p.taxClientId, p.kind, p.status);
      seen(p.taxClientId, p.importRow);
    }
    for (const [id, row] of written.seen) seen(id, row);
  }
  const started = decideGroup(input, members, rows, { ...factsOf(firm, imported.sendInvitations), seenBefore, profiles });
  const planned = plannedProfiles(started.rows, started.decisions, importedIndexes(started.decisions), input.sealer);
  return finishBatch(pipeline, input, started, started.decisions, planned, prior[0].token);
}

/**
 * One batch alone. Inserts the imported rows' profiles, skipping those another import created first or
 * whose email a client now uses; those rows are decided again against what now exists (and so get the §4 comment).
 */
async function applyCarefully(trx: Kysely<Database>, input: Prepared): Promise<BatchAnswer[]> {
  const started = await startBatch(trx, input, null);
  if ('answer' in started) return [started.answer];
  const { firm, importId, rows } = input;
  let decisions = started.decisions;
  const tokens = new Map<number, IssuedInvitation>();
  let pending = importedIndexes(decisions);
  for (let round = 0; pending.length > 0; round++) {
    if (round === INSERT_ROUNDS) throw new HttpProblem(503, 'Other imports are changing these clients right now; send the batch again');
    const planned = plannedProfiles(rows, decisions, pending, input.sealer);
    const inserted = await insertProfilesSkippingTaken(trx, firm.id, importId, planned.profiles);
    const lost = new Set(pending.filter((i) => !inserted.has(profileKey(decisions[i].kind!, idOf(rows[i])))));
    for (const [i, token] of planned.tokens) if (!lost.has(i)) tokens.set(i, token);
    if (lost.size === 0) break;
    const lostRows = [...lost].map((i) => rows[i]);
    const now: BatchFacts = {
      ...started.facts,
      profiles: new Map([...started.facts.profiles, ...(await findProfiles(trx, firm.id, unique(lostRows.map(idOf))))]),
      clientEmails: await findStandardEmails(trx, firm.id, unique(lostRows.map(emailOf))),
    };
    decisions = decisions.map((d, i) => (lost.has(i) ? redecide(rows[i], now) : d));
    pending = [...lost].filter((i) => decisions[i].outcome === 'imported');
  }
  return finishBatch(trx, input, started, decisions, { profiles: [], tokens });
}

/**
 * Batches decided as one on the facts read at their start. `rows`: the members' rows in file order;
 * `firstIndexes`: indexes into `rows` whose Tax Client ID is new to the import.
 */
interface Decided {
  members: Prepared[];
  rows: ClientRow[];
  facts: BatchFacts;
  decisions: Decision[];
  firstIndexes: number[];
}

/**
 * The shared start: lock the import, answer a replay, read the facts, decide every row by §4. With a
 * group, the batch (first) and the riders it boards, in file order; their rows are decided as one run of rows,
 * which is what deciding them one batch after another gives (later rows see the IDs and emails of earlier ones).
 */
async function startBatch(on: Statements, input: Prepared, group: Group | null): Promise<{ answer: BatchAnswer } | Decided> {
  const { firm, importId, after, lap } = input;
  const { members, rows, offline, read } = groupOf(input, group);
  // Sent together: the read starts once the lock is held (see storage/pipeline.ts), so it sees every batch stored before.
  const locking = lockImport(on, firm.id, importId, offline);
  const reading = readBatchState(on, firm.id, importId, { ...read, after });
  reading.catch(() => undefined); // a failed lock fails the read too: the lock's error is the one reported
  const locked = await locking;
  if (!locked) throw notFound('Import');
  lap?.('lock');
  const found = await reading;
  if (found.stored) return { answer: { results: found.stored, replayed: true, invitations: [] } };
  if (locked.status !== 'open') throw conflict('This import is completed; start a new import to send more rows');
  if (!found.afterStored) throw new PredecessorMissing();
  if (found.ridersStored) throw new RiderStored();
  lap?.('facts');
  return decideGroup(input, members, rows, { ...factsOf(firm, locked.sendInvitations), seenBefore: found.seenBefore, profiles: found.profiles });
}

/**
 * The batches a transaction applies (the batch alone without a group), their rows as one run in file
 * order, whether any row may create an offline profile, and what the facts read asks for them.
 */
function groupOf(input: Prepared, group: Group | null) {
  const members = group?.members() ?? [input];
  const rows = members.length === 1 ? input.rows : members.flatMap((m) => m.rows);
  const read = { seq: input.seq, riders: members.slice(1).map((m) => m.seq), taxClientIds: unique(rows.map(idOf)) };
  return { members, rows, offline: rows.some((r) => isOfflineYes(r.isOffline)), read };
}

const factsOf = (firm: FirmRecord, sendInvitations: boolean) => ({
  firm,
  sendInvitations,
  clientEmails: new Set<string>(),
  userEmails: new Set(firm.users.map((u) => u.trim().toLowerCase())),
});

function decideGroup(input: Prepared, members: Prepared[], rows: ClientRow[], facts: BatchFacts): Decided {
  const checked = members.length === 1 ? input.checked : members.flatMap((m) => m.checked);
  return { members, rows, facts, ...decideBatch(rows, checked, facts) };
}

/**
 * The shared end: each member's answer, the invitation e-mails and everything else the batches write, in
 * one statement. `onlyAfter`: the token of the write the batch read ahead of (applyAhead); the import's
 * lock is then taken first, and nothing is written unless the import carries that token.
 */
async function finishBatch(
  on: Statements,
  input: Prepared,
  started: Decided,
  decisions: Decision[],
  planned: PlannedProfiles,
  onlyAfter: string | null = null,
): Promise<BatchAnswer[]> {
  const { firm, importId, after, sealer, lap, order } = input;
  const { members, rows } = started;
  // First rows of IDs new to this import that created no profile: later batches must still call their repeats duplicates.
  const rejectedFirstRows = new Map(started.firstIndexes.filter((i) => decisions[i].outcome !== 'imported').map((i) => [idOf(rows[i]), rows[i].row]));
  let offset = 0;
  const answers = members.map((member) => {
    const from = offset;
    offset += member.rows.length;
    const results = member.rows.map((row, i) => toRowResult(row, decisions[from + i]));
    const invitations = [...planned.tokens]
      .filter(([i]) => i >= from && i < offset)
      .map(([i, issued]) => invitationMessage(firm, rows[i], invitationUrl(member.origin, issued.token)));
    return { results, replayed: false, invitations };
  });
  lap?.('decide');
  const documents = members.map((m, k) => ({ seq: m.seq, rows: m.rowsDocument, results: packDocumentNow(encodeResults(answers[k].results)) }));
  lap?.('encode');
  const token = randomUUID();
  const locking = onlyAfter === null ? null : lockImport(on, firm.id, importId, false);
  const write = writeBatch(on, {
    firmId: firm.id,
    importId,
    documents,
    rowCount: rows.length,
    imported: importedIndexes(decisions).length,
    profiles: planned.profiles,
    rejectedFirstRows,
    messages: answers.flatMap((a) => a.invitations).map((m) => sealMessage(sealer, m)),
    token,
    onlyAfter,
  });
  // COMMIT goes out with the write (a failed write turns it into a rollback), and the batch that follows may start.
  const committed = Promise.all([locking, write, on instanceof Pipeline ? on.commit() : null]);
  const handed =
    on instanceof Pipeline
      ? { key: orderKey(input), seq: members[members.length - 1].seq, effects: { token, profiles: planned.profiles, seen: rejectedFirstRows } }
      : null;
  if (handed) order.handOff(handed.key, handed.seq, after, handed.effects);
  let written: boolean;
  try {
    [, written] = await committed;
  } finally {
    // Committed (later reads see it in the database) or failed (no one may count on it).
    if (handed) order.withdraw(handed.key, handed.seq, handed.effects);
  }
  if (!written) throw new PriorChanged();
  lap?.('write');
  return answers;
}
