import { sql, type Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import { toRowResult, type Decision } from '../../domain/import-decision';
import { isOfflineYes } from '../../domain/row-validation';
import { invitationUrl, sealMessage, type IssuedInvitation } from '../clients/invitation-links';
import { invitationMessage } from '../clients/invitation-message';
import { offlineRuleLock } from '../clients/offline-rule.lock';
import { findProfiles, findStandardEmails, insertProfilesSkippingTaken, profileKey } from '../clients/profile.repository';
import type { FirmRecord } from '../firms/firm.repository';
import { conflict, HttpProblem, notFound } from '../http/problem';
import type { Sealer } from '../security/sealing';
import type { Listen } from '../storage/notifications';
import type { Database } from '../storage/schema';
import { encodeResults, encodeRows, packDocument, packDocumentNow } from './batch-document';
import { checkBatch, decideBatch, emailOf, idOf, redecide, type BatchFacts } from './batch-decisions';
import {
  BATCHES_APPLIED,
  lockImport,
  readFacts,
  readPending,
  storeBatch,
  writeBatches,
  type LockedImport,
  type PendingBatch,
  type Waiting,
} from './batch.repository';
import { BatchWaits, type KnownBatch } from './batch-waits';
import { importedIndexes, plannedProfiles, type PlannedProfiles } from './planned-profiles';
import { withRetry } from './transaction-retry';

export interface BatchLimits {
  /** How long a batch waits for the one it follows before it answers 503 (send that one first). */
  orderWaitMs: number;
  /** Most batches stored and waiting to be applied, per import and per firm; beyond them a batch answers 503 with Retry-After. */
  waitingPerImport: number;
  waitingPerFirm: number;
}

// The add-in keeps 6 batches of an import in flight; a firm may run a few imports at once.
export const DEFAULT_BATCH_LIMITS: BatchLimits = { orderWaitMs: 20_000, waitingPerImport: 16, waitingPerFirm: 64 };

export interface BatchEngine {
  db: Kysely<Database>;
  waits: BatchWaits;
  orderWaitMs: number;
  waiting: Omit<Waiting, 'horizonMs'>;
  /** Stops listening for other servers' writes. */
  close(): void;
}

/** The engine of one server: its shortcuts (batch-waits.ts), woken by the other servers' NOTIFYs when `listen` is given. */
export function newBatchEngine(db: Kysely<Database>, limits: BatchLimits, listen?: Listen): BatchEngine {
  const waits = new BatchWaits();
  const unlisten = listen?.(BATCHES_APPLIED, (importId) => waits.wake(importId));
  return {
    db,
    waits,
    orderWaitMs: limits.orderWaitMs,
    waiting: { perImport: limits.waitingPerImport, perFirm: limits.waitingPerFirm },
    close: () => unlisten?.(),
  };
}

export interface BatchInput {
  firm: FirmRecord;
  importId: string;
  seq: number;
  /** The batch this one follows in the file: it is applied only after that one (null: no order asked). */
  after: number | null;
  rows: ClientRow[];
  /** `<scheme>://<host>` for the links in the invitation e-mails of the batches this request applies. */
  origin: string;
  sealer: Sealer;
  /** Ends a timed phase (see PhaseClock): pack, check, store, queue, lock, facts, decide, encode, write, commit, wait. */
  lap?: (phase: string) => void;
}

/** Too many batches wait: answered 503 with Retry-After. */
export class TooManyWaiting extends HttpProblem {
  readonly retryAfterSeconds = 2;
  constructor() {
    super(503, 'Too many batches of this firm or import are waiting for the ones before them; send this one again shortly');
  }
}

const INSERT_ROUNDS = 3;
/** Most rows one transaction applies: short enough not to hold PGlite's one connection long. */
const GROUP_ROWS = 5000;
/** Between wake-ups a waiting batch looks at the database this often anyway (a NOTIFY lost with its connection). */
const POLL_MS = 250;
const UNIQUE_VIOLATION = '23505';
const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

/**
 * Applies one PUT of a batch; the answer is the batch's first answer, whichever request or server applied
 * it. The rows are stored first, as a pending batch. Then, one request of the import at a time (per
 * server; across servers the import's row lock), a request applies every pending batch whose predecessor
 * is applied, in seq order, in one transaction (group commit), and each request answers with its own
 * batch's stored answer. A batch whose predecessor has not arrived waits for a wake-up (a write on this
 * server, a NOTIFY from another, or a poll), and answers 503 after `orderWaitMs`; its stored rows stay, to
 * be applied when the predecessor comes.
 */
export async function submitBatch(engine: BatchEngine, batch: BatchInput): Promise<RowResult[]> {
  const { waits, orderWaitMs } = engine;
  const { firm, importId, seq, lap } = batch;
  // Neither the stored rows nor the field and reference checks need the import's lock. The checks are
  // against the firm as authenticated; the batch's transaction checks again if the firm has changed since.
  const packed = await packDocument(encodeRows(batch.rows));
  lap?.('pack');
  const checked = checkBatch(batch.rows, firm);
  lap?.('check');
  const horizonMs = 2 * orderWaitMs + 60_000;
  const stored = await storeBatch(engine.db, { firmId: firm.id, importId, seq, follows: batch.after, rows: packed, waiting: { ...engine.waiting, horizonMs } });
  lap?.('store');
  if (stored.state === 'answered') return stored.results;
  if (stored.state === 'missing') throw notFound('Import');
  if (stored.state === 'completed') throw completed();
  if (stored.state === 'full') throw new TooManyWaiting();
  const mine = waits.expect(importId, seq, stored.state === 'stored' ? { rows: batch.rows, checked, checkedFor: firm } : null);
  try {
    const deadline = performance.now() + orderWaitMs;
    for (;;) {
      // Listening before the database is asked: a wake-up while it answers is not missed.
      const woken = waits.wakeUp(importId, Math.max(0, Math.min(POLL_MS, deadline - performance.now())));
      try {
        const release = await waits.turn(importId, mine.answer.promise);
        lap?.('queue');
        if (!release) return await mine.answer.promise;
        try {
          const answer = await applyReady(engine, batch);
          if (answer) return answer;
        } finally {
          release();
        }
        if (performance.now() >= deadline) throw new HttpProblem(503, `Batch ${batch.after} of this import has not arrived yet; send it before batch ${seq}`);
        await Promise.race([woken.promise, mine.answer.promise]);
        lap?.('wait');
      } finally {
        woken.cancel();
      }
    }
  } finally {
    waits.forget(mine);
  }
}

const completed = () => conflict('This import is completed; start a new import to send more rows');

/** One batch of a group: its rows and checks, from this process or read back from the database. */
interface Member {
  seq: number;
  rows: ClientRow[];
  checked: (Decision | null)[];
}

/**
 * One transaction under the import's lock: the ready pending batches applied as one group. Returns
 * `batch`'s answer when it is applied (now or before), or null while its predecessor is missing. The
 * group is written in one statement; if that hits a unique index (another import took an ID or email),
 * the transaction is rolled back and the group applied again carefully.
 */
async function applyReady(engine: BatchEngine, batch: BatchInput): Promise<RowResult[] | null> {
  const { db, waits } = engine;
  const run = (write: Write) => withRetry(() => db.transaction().execute((trx) => applyGroup(trx, waits, batch, write)));
  let applied: Applied;
  try {
    applied = await run(writeAsOne);
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    applied = await run(writeCarefully);
  }
  batch.lap?.('commit');
  // The others' answers go out after this request's own, which comes first in the file when it applied a group.
  if (applied.answers.size > 0) setImmediate(() => waits.deliver(batch.importId, applied.answers));
  return applied.mine;
}

interface Applied {
  mine: RowResult[] | null;
  /** The answers this transaction wrote, by seq. */
  answers: Map<number, RowResult[]>;
}

async function applyGroup(trx: Kysely<Database>, waits: BatchWaits, batch: BatchInput, write: Write): Promise<Applied> {
  const { importId, seq, lap } = batch;
  const locked = await lockImport(trx, batch.firm.id, importId);
  if (!locked) throw notFound('Import');
  lap?.('lock');
  const known = waits.known(importId);
  const found = await readPending(trx, importId, seq, [...known.keys()]);
  if (found.answer) return { mine: found.answer, answers: new Map() };
  if (locked.status !== 'open') throw completed();
  const members = readyGroup(found.pending).map((p) => member(p, known.get(p.seq), locked.firm));
  if (members.length === 0) return { mine: null, answers: new Map() };
  const rows = members.length === 1 ? members[0].rows : members.flatMap((m) => m.rows);
  if (rows.some((r) => isOfflineYes(r.isOffline))) await sql`select ${offlineRuleLock(locked.firm.id, 'shared')}`.execute(trx);
  const stored = await readFacts(trx, locked.firm.id, importId, unique(rows.map(idOf)));
  lap?.('facts');
  const facts: BatchFacts = {
    ...stored,
    firm: locked.firm,
    sendInvitations: locked.sendInvitations,
    clientEmails: new Set(),
    userEmails: new Set(locked.firm.users.map((u) => u.trim().toLowerCase())),
  };
  const decided = decideBatch(rows, members.length === 1 ? members[0].checked : members.flatMap((m) => m.checked), facts);
  const { decisions, planned } = await write.decide(trx, { batch, locked, rows, facts, decisions: decided.decisions });
  // First rows of IDs new to this import that created no profile: later batches must still call their repeats duplicates.
  const rejectedFirstRows = new Map(decided.firstIndexes.filter((i) => decisions[i].outcome !== 'imported').map((i) => [idOf(rows[i]), rows[i].row]));
  const answers = new Map<number, RowResult[]>();
  const messages = [];
  let offset = 0;
  for (const m of members) {
    answers.set(
      m.seq,
      m.rows.map((row, i) => toRowResult(row, decisions[offset + i])),
    );
    offset += m.rows.length;
  }
  for (const [i, issued] of planned.tokens)
    messages.push(sealMessage(batch.sealer, invitationMessage(locked.firm, rows[i], invitationUrl(batch.origin, issued.token))));
  lap?.('decide');
  const results = [...answers].map(([s, r]) => ({ seq: s, results: packDocumentNow(encodeResults(r)) }));
  lap?.('encode');
  const imported = importedIndexes(decisions).length;
  await writeBatches(trx, {
    firmId: locked.firm.id,
    importId,
    results,
    rowCount: rows.length,
    imported,
    profiles: planned.profiles,
    rejectedFirstRows,
    messages,
  });
  lap?.('write');
  return { mine: answers.get(seq) ?? null, answers };
}

/**
 * The pending batches to apply now, in seq order: each whose predecessor is applied or is applied before
 * it in this group, up to GROUP_ROWS rows (the first always). Seq order is file order: `after` < seq.
 */
function readyGroup(pending: PendingBatch[]): PendingBatch[] {
  const group: PendingBatch[] = [];
  const inGroup = new Set<number>();
  let total = 0;
  for (const p of pending) {
    if (!p.ready && !inGroup.has(p.follows!)) continue;
    const size = p.rows?.length ?? 0;
    if (group.length > 0 && total + size > GROUP_ROWS) break;
    group.push(p);
    inGroup.add(p.seq);
    total += size;
  }
  return group;
}

/** A group member's rows and checks: those this process made, unless the firm has changed since; else checked now. */
function member(p: PendingBatch, known: KnownBatch | undefined, firm: FirmRecord): Member {
  const rows = p.rows ?? known!.rows;
  const checked = known && sameRules(known.checkedFor, firm) ? known.checked : checkBatch(rows, firm);
  return { seq: p.seq, rows, checked };
}

const rules = (f: FirmRecord) => JSON.stringify([f.offlineClientsEnabled, f.owners, f.offices, f.users]);
const sameRules = (a: FirmRecord, b: FirmRecord) => a === b || rules(a) === rules(b);

interface Decide {
  batch: BatchInput;
  locked: LockedImport;
  rows: ClientRow[];
  facts: BatchFacts;
  decisions: Decision[];
}

/** How a group's profiles go in: the final decisions, and the profiles the write statement still inserts. */
interface Write {
  decide(trx: Kysely<Database>, d: Decide): Promise<{ decisions: Decision[]; planned: PlannedProfiles }>;
}

/** The profiles go in with the one write statement; a unique violation rolls the whole group back. */
const writeAsOne: Write = {
  decide: async (_trx, { batch, rows, decisions }) => ({ decisions, planned: plannedProfiles(rows, decisions, importedIndexes(decisions), batch.sealer) }),
};

/**
 * Inserts the imported rows' profiles first, skipping those another import created first or whose email a
 * client now uses; those rows are decided again against what now exists (and so get the §4 comment).
 */
const writeCarefully: Write = {
  async decide(trx, { batch, locked, rows, facts, decisions: first }) {
    let decisions = first;
    const tokens = new Map<number, IssuedInvitation>();
    let pending = importedIndexes(decisions);
    for (let round = 0; pending.length > 0; round++) {
      if (round === INSERT_ROUNDS) throw new HttpProblem(503, 'Other imports are changing these clients right now; send the batch again');
      const planned = plannedProfiles(rows, decisions, pending, batch.sealer);
      const inserted = await insertProfilesSkippingTaken(trx, locked.firm.id, batch.importId, planned.profiles);
      const lost = new Set(pending.filter((i) => !inserted.has(profileKey(decisions[i].kind!, idOf(rows[i])))));
      for (const [i, token] of planned.tokens) if (!lost.has(i)) tokens.set(i, token);
      if (lost.size === 0) break;
      const lostRows = [...lost].map((i) => rows[i]);
      const now: BatchFacts = {
        ...facts,
        profiles: new Map([...facts.profiles, ...(await findProfiles(trx, locked.firm.id, unique(lostRows.map(idOf))))]),
        clientEmails: await findStandardEmails(trx, locked.firm.id, unique(lostRows.map(emailOf))),
      };
      decisions = decisions.map((d, i) => (lost.has(i) ? redecide(rows[i], now) : d));
      pending = [...lost].filter((i) => decisions[i].outcome === 'imported');
    }
    return { decisions, planned: { profiles: [], tokens } };
  },
};
