import type { ClientRow } from '../../domain/api-types';
import { checkRow, decideCheckedRow, decideRow, type Decision, type ExistingProfiles } from '../../domain/import-decision';
import { firmLookup, type FirmRules } from '../../domain/row-validation';

/** What the database told us about a batch, fetched in bulk before any row is decided. */
export interface BatchFacts {
  firm: FirmRules;
  sendInvitations: boolean;
  /** First sheet row of each Tax Client ID seen in earlier batches of this import. */
  seenBefore: ReadonlyMap<string, number>;
  profiles: ReadonlyMap<string, ExistingProfiles>;
  /** Lower-cased addresses used by the firm's standard clients, as far as known (the email index has the last word). */
  clientEmails: ReadonlySet<string>;
  /** Lower-cased addresses of the firm's users. */
  userEmails: ReadonlySet<string>;
}

const NO_PROFILES: ExistingProfiles = { standard: null, offline: null };

export const idOf = (row: ClientRow) => row.taxClientId.trim();
export const emailOf = (row: ClientRow) => (row.email ?? '').trim().toLowerCase();

/** `checkRow` of every row: what §4 decides without the portal's facts, done before the batch takes a lock. */
export function checkBatch(rows: readonly ClientRow[], firm: FirmRules): (Decision | null)[] {
  const lookup = firmLookup(firm);
  return rows.map((row) => checkRow(row, firm, lookup));
}

/**
 * §4 for a whole batch, in row order: later rows see the IDs and emails of earlier rows. `checked`:
 * checkBatch of the rows. Returns the decisions and the index of each row whose Tax Client ID is new to the import.
 */
export function decideBatch(
  rows: readonly ClientRow[],
  checked: readonly (Decision | null)[],
  facts: BatchFacts,
): { decisions: Decision[]; firstIndexes: number[] } {
  const firstRows = new Map<string, number>();
  const firstIndexes: number[] = [];
  const claimedEmails = new Set<string>();
  const decisions = rows.map((row, i) => {
    const id = idOf(row);
    const earlier = id === '' ? null : (facts.seenBefore.get(id) ?? firstRows.get(id) ?? null);
    if (id !== '' && earlier === null) {
      firstRows.set(id, row.row);
      firstIndexes.push(i);
    }
    const decision =
      checked[i] ??
      decideCheckedRow(row, {
        firm: facts.firm,
        sendInvitations: facts.sendInvitations,
        firstRowWithSameId: earlier,
        existing: facts.profiles.get(id) ?? NO_PROFILES,
        emailConflict: emailConflict(emailOf(row), facts, claimedEmails),
      });
    if (decision.outcome === 'imported' && decision.kind === 'standard' && emailOf(row) !== '') claimedEmails.add(emailOf(row));
    return decision;
  });
  return { decisions, firstIndexes };
}

/** A row that lost an insert race, decided again against the profiles and emails that now exist. */
export function redecide(row: ClientRow, facts: BatchFacts): Decision {
  return decideRow(row, {
    firm: facts.firm,
    sendInvitations: facts.sendInvitations,
    firstRowWithSameId: null,
    existing: facts.profiles.get(idOf(row)) ?? NO_PROFILES,
    emailConflict: emailConflict(emailOf(row), facts, new Set()),
  });
}

function emailConflict(email: string, facts: BatchFacts, claimed: ReadonlySet<string>): 'client' | 'user' | null {
  if (email === '') return null;
  if (facts.userEmails.has(email)) return 'user';
  return facts.clientEmails.has(email) || claimed.has(email) ? 'client' : null;
}
