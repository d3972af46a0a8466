import type { ClientRow, ClientStatus, OfflineStatus, Outcome, ProfileKind, RowResult, StandardStatus } from './api-types';
import { checkFields, firmLookup, isOfflineYes, pushReferenceIssues, rowComment, type FirmLookup, type FirmRules, type Issue } from './row-validation';
import { initialStandardStatus, isConnected } from './status';

export const COMMENTS = {
  connectedExists: 'A connected client already exists with this Tax Client ID',
  offlineExists: 'An offline client already exists with this Tax Client ID',
  clientExists: 'A client with this Tax Client ID already exists',
  duplicateInFile: (firstRow: number) => `This Tax Client ID appears more than once in the file (first on row ${firstRow})`,
  emailUsedByClient: 'Taxpayer Email is already used by another client of the firm',
  emailUsedByUser: 'Taxpayer Email is already used by a firm user',
  offlineDisabled: 'Is Offline is Yes but offline clients are not enabled for this firm',
} as const;

export interface ExistingProfiles {
  standard: StandardStatus | null;
  offline: OfflineStatus | null;
}

export interface DecisionContext {
  firm: FirmRules;
  sendInvitations: boolean;
  /** An earlier row of this import with the same Tax Client ID. */
  firstRowWithSameId: number | null;
  /** The portal's profiles for this Tax Client ID. */
  existing: ExistingProfiles;
  /** Standard rows only: who already uses the row's email. */
  emailConflict: 'client' | 'user' | null;
}

export interface Decision {
  outcome: Outcome;
  kind: ProfileKind | null;
  status: ClientStatus | null;
  comment: string;
}

const reject = (comment: string): Decision => ({ outcome: 'rejected', kind: null, status: null, comment });

function decideByPortalState(row: ClientRow, ctx: DecisionContext): Decision | null {
  const { standard, offline } = ctx.existing;
  if (isConnected(standard)) return reject(COMMENTS.connectedExists);
  if (isOfflineYes(row.isOffline)) {
    if (offline !== null) return reject(COMMENTS.offlineExists);
    return { outcome: 'imported', kind: 'offline', status: 'Offline', comment: '' };
  }
  if (standard !== null) return reject(COMMENTS.clientExists);
  return null;
}

/**
 * The §4 decision for one row: field checks, firm references, in-file duplicates, portal state, email.
 * `decideRow(row, { ...ctx, existing: { standard: "Connected", offline: null } }).comment`
 * → `"A connected client already exists with this Tax Client ID"`
 */
export function decideRow(row: ClientRow, ctx: DecisionContext): Decision {
  return checkRow(row, ctx.firm) ?? decideCheckedRow(row, ctx);
}

/**
 * The part of §4 that needs nothing from the portal: a row the add-in held back (rejected with its
 * own comment), the field checks and the firm's references.
 * The rejection of a row that fails them, or null. The server runs it before it takes any lock. `lookup`:
 * the firm's, built once for many rows.
 */
export function checkRow(row: ClientRow, firm: FirmRules, lookup: FirmLookup = firmLookup(firm)): Decision | null {
  // The add-in could not read this row as Excel shows it: its cells are not the user's, so no rule applies.
  if (row.heldBack !== undefined) return reject(row.heldBack);
  const fieldIssues = checkFields(row);
  if (fieldIssues.length > 0) return reject(rowComment(fieldIssues));
  const referenceIssues: Issue[] = [];
  pushReferenceIssues(row, lookup, referenceIssues);
  if (referenceIssues.length > 0) return reject(rowComment(referenceIssues));
  return null;
}

/** The rest of §4, for a row `checkRow` passed: in-file duplicates, portal state, email. */
export function decideCheckedRow(row: ClientRow, ctx: DecisionContext): Decision {
  if (ctx.firstRowWithSameId !== null) return reject(COMMENTS.duplicateInFile(ctx.firstRowWithSameId));
  const byState = decideByPortalState(row, ctx);
  if (byState !== null) return byState;
  if (ctx.emailConflict === 'client') return reject(COMMENTS.emailUsedByClient);
  if (ctx.emailConflict === 'user') return reject(COMMENTS.emailUsedByUser);
  return {
    outcome: 'imported',
    kind: 'standard',
    status: initialStandardStatus(row.email, ctx.sendInvitations),
    comment: '',
  };
}

/** `toRowResult(row, decision)` → `{ row: 12, taxClientId: "00123", outcome: "imported", … }` */
export function toRowResult(row: ClientRow, decision: Decision): RowResult {
  return { row: row.row, taxClientId: row.taxClientId, ...decision };
}
