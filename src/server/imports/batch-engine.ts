import type { Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import { toRowResult, type Decision } from '../../domain/import-decision';
import type { OutboxMessage } from '../clients/outbox.repository';
import { findProfiles, findStandardEmails, insertProfilesSkippingTaken, profileKey, type NewProfile } from '../clients/profile.repository';
import type { FirmRecord } from '../firms/firm.repository';
import { conflict, HttpProblem, notFound } from '../http/problem';
import { issueInvitation, invitationUrl, sealMessage, type IssuedInvitation } from '../clients/invitation-links';
import type { Sealer } from '../security/sealing';
import type { Database } from '../storage/schema';
import { findBatchFacts, lockImportForBatch, writeBatch } from './batch.repository';
import { decideBatch, emailOf, idOf, redecide, type BatchFacts } from './batch-decisions';
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
}

export interface BatchAnswer {
  results: RowResult[];
  replayed: boolean;
  invitations: OutboxMessage[];
}

const INSERT_ROUNDS = 3;
const UNIQUE_VIOLATION = '23505';
const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

/**
 * Applies one batch of an import in one transaction with a fixed number of set-based statements.
 * Repeating a (import, seq) returns the stored answer and changes nothing.
 *
 * The usual batch takes four statements: lock, one read of the facts, §4 in memory, one write.
 * Emails of existing clients are not read first: the unique email index (and the (firm, Tax
 * Client ID, kind) key, for racing imports) reject the write instead. A batch whose write hits one
 * is rolled back and run again carefully, inserting what it still can and deciding the rest again.
 */
export async function submitBatch(db: Kysely<Database>, input: BatchInput): Promise<BatchAnswer> {
  try {
    return await withRetry(() => db.transaction().execute((trx) => applyBatch(trx, input, 'optimistic')));
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
  }
  return withRetry(() => db.transaction().execute((trx) => applyBatch(trx, input, 'careful')));
}

async function applyBatch(
  trx: Kysely<Database>,
  { firm, importId, seq, rows, origin, sealer }: BatchInput,
  mode: 'optimistic' | 'careful',
): Promise<BatchAnswer> {
  const locked = await lockImportForBatch(trx, firm.id, importId, seq);
  if (!locked) throw notFound('Import');
  if (locked.stored) return { results: locked.stored, replayed: true, invitations: [] };
  if (locked.job.status !== 'open') throw conflict('This import is completed; start a new import to send more rows');

  const found = await findBatchFacts(trx, firm.id, importId, unique(rows.map(idOf)));
  const facts: BatchFacts = {
    firm,
    sendInvitations: locked.job.sendInvitations,
    seenBefore: found.seenBefore,
    profiles: found.profiles,
    clientEmails: new Set(),
    userEmails: new Set(firm.users.map((u) => u.trim().toLowerCase())),
  };
  const { decisions, firstIndexes } = decideBatch(rows, facts);
  const tokens = new Map<number, IssuedInvitation>();
  let profiles = newProfiles(rows, decisions, tokens, sealer);
  if (mode === 'careful') {
    await insertCarefully(trx, firm.id, importId, rows, decisions, tokens, facts, sealer);
    profiles = [];
  }

  const results = rows.map((row, i) => toRowResult(row, decisions[i]));
  const invitations = [...tokens].map(([i, issued]) => invitationMessage(firm, rows[i], invitationUrl(origin, issued.token)));
  const rejectedFirstRows = new Map<string, number>();
  for (const i of firstIndexes) if (decisions[i].outcome !== 'imported') rejectedFirstRows.set(idOf(rows[i]), rows[i].row);
  await writeBatch(trx, {
    firmId: firm.id,
    importId,
    seq,
    rows,
    results,
    profiles,
    rejectedFirstRows,
    messages: invitations.map((m) => sealMessage(sealer, m)),
  });
  return { results, replayed: false, invitations };
}

/** Profiles of the rows decided `imported`; gives each Not Enrolled one an invitation token (by row index). */
function newProfiles(rows: ClientRow[], decisions: Decision[], tokens: Map<number, IssuedInvitation>, sealer: Sealer, only?: number[]): NewProfile[] {
  const indexes = only ?? decisions.flatMap((d, i) => (d.outcome === 'imported' ? [i] : []));
  return indexes.map((i) => {
    const token = decisions[i].status === 'Not Enrolled' ? issueInvitation(sealer) : null;
    if (token) tokens.set(i, token);
    else tokens.delete(i);
    return toProfile(rows[i], decisions[i], token);
  });
}

/**
 * Inserts the imported rows' profiles, skipping those another import created first or whose
 * email a client now uses; those rows are decided again against what now exists (and so get the §4 comment).
 */
async function insertCarefully(
  trx: Kysely<Database>,
  firmId: string,
  importId: string,
  rows: ClientRow[],
  decisions: Decision[],
  tokens: Map<number, IssuedInvitation>,
  facts: BatchFacts,
  sealer: Sealer,
): Promise<void> {
  let pending = decisions.flatMap((d, i) => (d.outcome === 'imported' ? [i] : []));
  for (let round = 0; pending.length > 0; round++) {
    if (round === INSERT_ROUNDS) throw new HttpProblem(503, 'Other imports are changing these clients right now; send the batch again');
    const inserted = await insertProfilesSkippingTaken(trx, firmId, importId, newProfiles(rows, decisions, tokens, sealer, pending));
    const lost = pending.filter((i) => !inserted.has(profileKey(decisions[i].kind!, idOf(rows[i]))));
    if (lost.length === 0) break;
    const now: BatchFacts = {
      ...facts,
      profiles: new Map([...facts.profiles, ...(await findProfiles(trx, firmId, unique(lost.map((i) => idOf(rows[i])))))]),
      clientEmails: await findStandardEmails(trx, firmId, unique(lost.map((i) => emailOf(rows[i])))),
    };
    for (const i of lost) {
      tokens.delete(i);
      decisions[i] = redecide(rows[i], now);
    }
    pending = lost.filter((i) => decisions[i].outcome === 'imported');
  }
}

function toProfile(row: ClientRow, d: Decision, issued: IssuedInvitation | null): NewProfile {
  const t = (v: string | undefined) => (v ?? '').trim();
  return {
    taxClientId: idOf(row),
    kind: d.kind!,
    status: d.status!,
    firstName: t(row.firstName),
    lastName: t(row.lastName),
    email: t(row.email),
    mobile: t(row.mobile),
    spouseFirstName: t(row.spouseFirstName),
    spouseLastName: t(row.spouseLastName),
    spouseEmail: t(row.spouseEmail),
    ownerEmail: t(row.ownerEmail),
    officeLocation: t(row.officeLocation),
    invitation: issued && { tokenHash: issued.tokenHash, sealed: issued.sealed },
    importRow: row.row,
  };
}

export function invitationMessage(firm: { name: string }, row: { firstName: string; email?: string }, url: string): OutboxMessage {
  return {
    to: (row.email ?? '').trim(),
    subject: `${firm.name} invites you to its client portal`,
    body: `Hello ${row.firstName.trim()},\n\n${firm.name} invites you to connect with it online. Open this link to accept:\n${url}\n`,
  };
}
