import type { ClientRow } from '../../domain/api-types';
import type { Decision } from '../../domain/import-decision';
import type { NewProfile } from '../clients/profile.repository';
import { issueInvitation, type IssuedInvitation } from '../clients/invitation-links';
import type { Sealer } from '../security/sealing';
import { idOf } from './batch-decisions';

/** Profiles a batch is about to insert, and the invitation token of each Not Enrolled one by row index. */
export interface PlannedProfiles {
  profiles: NewProfile[];
  tokens: ReadonlyMap<number, IssuedInvitation>;
}

export const importedIndexes = (decisions: readonly Decision[]): number[] => decisions.flatMap((d, i) => (d.outcome === 'imported' ? [i] : []));

/** The profiles of the rows at `indexes` (rows decided `imported`), each Not Enrolled one with a fresh token. */
export function plannedProfiles(rows: readonly ClientRow[], decisions: readonly Decision[], indexes: readonly number[], sealer: Sealer): PlannedProfiles {
  const tokens = new Map<number, IssuedInvitation>();
  const profiles = indexes.map((i) => {
    const token = decisions[i].status === 'Not Enrolled' ? issueInvitation(sealer) : null;
    if (token) tokens.set(i, token);
    return toProfile(rows[i], decisions[i], token);
  });
  return { profiles, tokens };
}

const t = (v: string | undefined) => (v ?? '').trim();

function toProfile(row: ClientRow, d: Decision, issued: IssuedInvitation | null): NewProfile {
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
