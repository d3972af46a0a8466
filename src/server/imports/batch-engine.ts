import type { Kysely } from 'kysely';
import type { ClientRow, RowResult } from '../../domain/api-types';
import { toRowResult, type Decision } from '../../domain/import-decision';
import { queueMessages, type OutboxMessage } from '../clients/outbox.repository';
import { findProfiles, findStandardEmails, insertProfiles, profileKey, type NewProfile } from '../clients/profile.repository';
import type { FirmRecord } from '../firms/firm.repository';
import { conflict, HttpProblem, notFound } from '../http/problem';
import { newToken } from '../security/tokens';
import type { Database } from '../storage/schema';
import { findBatch, findSeenIds, insertBatch, insertSeenIds } from './batch.repository';
import { decideBatch, emailOf, idOf, redecide, type BatchFacts } from './batch-decisions';
import { addCounts, lockImport } from './import.repository';
import { withRetry } from './transaction-retry';

export interface BatchInput {
  firm: FirmRecord;
  importId: string;
  seq: number;
  rows: ClientRow[];
  /** `<scheme>://<host>` for invitation links. */
  origin: string;
}

export interface BatchAnswer {
  results: RowResult[];
  replayed: boolean;
  invitations: OutboxMessage[];
}

const INSERT_ROUNDS = 3;
const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

/**
 * Applies one batch of an import in one transaction with a fixed number of set-based statements.
 * Repeating a (import, seq) returns the stored answer and changes nothing.
 */
export function submitBatch(db: Kysely<Database>, input: BatchInput): Promise<BatchAnswer> {
  return withRetry(() => db.transaction().execute((trx) => applyBatch(trx, input)));
}

async function applyBatch(trx: Kysely<Database>, { firm, importId, seq, rows, origin }: BatchInput): Promise<BatchAnswer> {
  const job = await lockImport(trx, firm.id, importId);
  if (!job) throw notFound('Import');
  const stored = await findBatch(trx, importId, seq);
  if (stored) return { results: stored.results, replayed: true, invitations: [] };
  if (job.status !== 'open') throw conflict('This import is completed; start a new import to send more rows');

  const ids = unique(rows.map(idOf));
  const facts: BatchFacts = {
    firm,
    sendInvitations: job.sendInvitations,
    seenBefore: await findSeenIds(trx, importId, ids),
    profiles: await findProfiles(trx, firm.id, ids),
    clientEmails: await findStandardEmails(trx, firm.id, unique(rows.map(emailOf))),
    userEmails: new Set(firm.users.map((u) => u.trim().toLowerCase())),
  };
  const { decisions, firstRows } = decideBatch(rows, facts);
  const tokens = await createProfiles(trx, firm.id, rows, decisions, facts);

  const results = rows.map((row, i) => toRowResult(row, decisions[i]));
  const invitations = [...tokens].map(([i, token]) => invitationMessage(firm, rows[i], `${origin}/invitations/${token}`));
  await queueMessages(trx, firm.id, invitations);
  await insertSeenIds(trx, importId, firstRows);
  await insertBatch(trx, importId, { seq, rows, results });
  await addCounts(trx, importId, rows.length, results.filter((r) => r.outcome === 'imported').length);
  return { results, replayed: false, invitations };
}

/**
 * Inserts the imported rows' profiles. A row whose profile another import created first is
 * decided again against what now exists (and so gets the §4 comment). Returns invitation tokens by row index.
 */
async function createProfiles(trx: Kysely<Database>, firmId: string, rows: ClientRow[], decisions: Decision[], facts: BatchFacts): Promise<Map<number, string>> {
  const tokens = new Map<number, string>();
  let pending = decisions.flatMap((d, i) => (d.outcome === 'imported' ? [i] : []));
  for (let round = 0; pending.length > 0; round++) {
    if (round === INSERT_ROUNDS) throw new HttpProblem(503, 'Other imports are changing these clients right now; send the batch again');
    const profiles = pending.map((i) => {
      const token = decisions[i].status === 'Not Enrolled' ? newToken() : null;
      if (token) tokens.set(i, token);
      return toProfile(rows[i], decisions[i], token);
    });
    const inserted = await insertProfiles(trx, firmId, profiles);
    const lost = pending.filter((i) => !inserted.has(profileKey(decisions[i].kind!, idOf(rows[i]))));
    if (lost.length === 0) break;
    const lostIds = unique(lost.map((i) => idOf(rows[i])));
    const now: BatchFacts = {
      ...facts,
      profiles: new Map([...facts.profiles, ...(await findProfiles(trx, firmId, lostIds))]),
      clientEmails: new Set([...facts.clientEmails, ...(await findStandardEmails(trx, firmId, unique(lost.map((i) => emailOf(rows[i])))))]),
    };
    for (const i of lost) {
      tokens.delete(i);
      decisions[i] = redecide(rows[i], now);
    }
    pending = lost.filter((i) => decisions[i].outcome === 'imported');
  }
  return tokens;
}

function toProfile(row: ClientRow, d: Decision, invitationToken: string | null): NewProfile {
  const t = (v: string | undefined) => (v ?? '').trim();
  return {
    taxClientId: idOf(row), kind: d.kind!, status: d.status!, firstName: t(row.firstName), lastName: t(row.lastName),
    email: t(row.email), mobile: t(row.mobile), spouseFirstName: t(row.spouseFirstName), spouseLastName: t(row.spouseLastName),
    spouseEmail: t(row.spouseEmail), ownerEmail: t(row.ownerEmail), officeLocation: t(row.officeLocation), invitationToken,
  };
}

export function invitationMessage(firm: { name: string }, row: { firstName: string; email?: string }, url: string): OutboxMessage {
  return {
    to: (row.email ?? '').trim(),
    subject: `${firm.name} invites you to its client portal`,
    body: `Hello ${row.firstName.trim()},\n\n${firm.name} invites you to connect with it online. Open this link to accept:\n${url}\n`,
  };
}
