import type { Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import { toRowResult, type Decision } from '../../domain/import-decision';
import { isOfflineYes } from '../../domain/row-validation';
import { invitationUrl, sealMessage } from '../clients/invitation-links';
import { invitationMessage } from '../clients/invitation-message';
import type { OutboxMessage } from '../clients/outbox.repository';
import { findProfiles, findStandardEmails, insertProfilesSkippingTaken, profileKey } from '../clients/profile.repository';
import type { FirmRecord } from '../firms/firm.repository';
import { conflict, HttpProblem, notFound } from '../http/problem';
import type { Sealer } from '../security/sealing';
import type { Database } from '../storage/schema';
import { encodeResults, encodeRows, packDocument, packDocumentNow } from './batch-document';
import type { BatchOrder } from './batch-order';
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
  order: BatchOrder;
  /** Ends a timed phase (see PhaseClock): pack, check (before the lock), queue, lock, facts, decide, encode, write, commit. */
  lap?: (phase: string) => void;
}

export interface BatchAnswer {
  results: RowResult[];
  replayed: boolean;
  invitations: OutboxMessage[];
}

const INSERT_ROUNDS = 3;
/** How long a batch waits for the one it follows before it asks the client to send that one first. */
const ORDER_WAIT_MS = 20_000;
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
 * (batch-order.ts).
 */
export async function submitBatch(db: Kysely<Database>, batch: BatchInput): Promise<BatchAnswer> {
  const { importId, seq, after, order } = batch;
  // Neither the stored rows nor the field and reference checks depend on the portal's facts: both are
  // done before the import's lock is taken, not under it.
  const rowsDocument = await packDocument(encodeRows(batch.rows));
  batch.lap?.('pack');
  const checked = checkBatch(batch.rows, batch.firm);
  batch.lap?.('check');
  const input: Prepared = { ...batch, rowsDocument, checked };
  order.begin(importId, seq);
  try {
    for (;;) {
      const arrival = after === null ? null : order.listen(importId, after);
      try {
        if (arrival && order.isApplying(importId, after!)) {
          await arrival.wait(ORDER_WAIT_MS);
          input.lap?.('queue');
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
    order.settled(importId, seq);
  }
}

class PredecessorMissing extends Error {}

interface Prepared extends BatchInput {
  rowsDocument: Uint8Array;
  /** checkBatch of the rows. */
  checked: (Decision | null)[];
}

async function applyBatch(db: Kysely<Database>, input: Prepared): Promise<BatchAnswer> {
  try {
    return await inTransaction(db, input, applyOptimistically);
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
  }
  return inTransaction(db, input, applyCarefully);
}

async function inTransaction(
  db: Kysely<Database>,
  input: Prepared,
  apply: (trx: Kysely<Database>, input: Prepared) => Promise<BatchAnswer>,
): Promise<BatchAnswer> {
  const answer = await withRetry(() => db.transaction().execute((trx) => apply(trx, input)));
  input.lap?.('commit');
  return answer;
}

/** The profiles go in with the one write statement; any unique violation rolls the whole batch back. */
async function applyOptimistically(trx: Kysely<Database>, input: Prepared): Promise<BatchAnswer> {
  const started = await startBatch(trx, input);
  if ('answer' in started) return started.answer;
  const planned = plannedProfiles(input.rows, started.decisions, importedIndexes(started.decisions), input.sealer);
  return finishBatch(trx, input, started, started.decisions, planned);
}

/**
 * Inserts the imported rows' profiles, skipping those another import created first or whose email a
 * client now uses; those rows are decided again against what now exists (and so get the §4 comment).
 */
async function applyCarefully(trx: Kysely<Database>, input: Prepared): Promise<BatchAnswer> {
  const started = await startBatch(trx, input);
  if ('answer' in started) return started.answer;
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

/** A batch decided on the facts read at its start; `firstIndexes`: rows whose Tax Client ID is new to the import. */
interface Decided {
  facts: BatchFacts;
  decisions: Decision[];
  firstIndexes: number[];
}

/** The shared start: lock the import, answer a replay, read the facts, decide every row by §4. */
async function startBatch(trx: Kysely<Database>, { firm, importId, seq, after, rows, lap, checked }: Prepared): Promise<{ answer: BatchAnswer } | Decided> {
  const offline = rows.some((r) => isOfflineYes(r.isOffline));
  const locked = await lockImport(trx, firm.id, importId, offline);
  if (!locked) throw notFound('Import');
  lap?.('lock');
  const found = await readBatchState(trx, firm.id, importId, { seq, after, taxClientIds: unique(rows.map(idOf)) });
  if (found.stored) return { answer: { results: found.stored, replayed: true, invitations: [] } };
  if (locked.status !== 'open') throw conflict('This import is completed; start a new import to send more rows');
  if (!found.afterStored) throw new PredecessorMissing();
  lap?.('facts');
  const facts: BatchFacts = {
    firm,
    sendInvitations: locked.sendInvitations,
    seenBefore: found.seenBefore,
    profiles: found.profiles,
    clientEmails: new Set(),
    userEmails: new Set(firm.users.map((u) => u.trim().toLowerCase())),
  };
  return { facts, ...decideBatch(rows, checked, facts) };
}

/** The shared end: the answer, the invitation e-mails and everything else the batch writes, in one statement. */
async function finishBatch(
  trx: Kysely<Database>,
  { firm, importId, seq, rows, origin, sealer, lap, rowsDocument }: Prepared,
  started: Decided,
  decisions: Decision[],
  planned: PlannedProfiles,
): Promise<BatchAnswer> {
  const results = rows.map((row, i) => toRowResult(row, decisions[i]));
  const invitations = [...planned.tokens].map(([i, issued]) => invitationMessage(firm, rows[i], invitationUrl(origin, issued.token)));
  // First rows of IDs new to this import that created no profile: later batches must still call their repeats duplicates.
  const rejectedFirstRows = new Map(started.firstIndexes.filter((i) => decisions[i].outcome !== 'imported').map((i) => [idOf(rows[i]), rows[i].row]));
  lap?.('decide');
  const document = { rows: rowsDocument, results: packDocumentNow(encodeResults(results)) };
  lap?.('encode');
  await writeBatch(trx, {
    firmId: firm.id,
    importId,
    seq,
    document,
    rowCount: rows.length,
    imported: importedIndexes(decisions).length,
    profiles: planned.profiles,
    rejectedFirstRows,
    messages: invitations.map((m) => sealMessage(sealer, m)),
  });
  lap?.('write');
  return { results, replayed: false, invitations };
}
