import type { Client, ClientRow } from '../../domain';

export interface RowStatus {
  row: number;
  /**
   * What the status column shows: the standard profile's status, with the offline one beside it when the
   * client has both (`Connected (offline: Duplicate)`), else the offline one, else "Not in portal".
   */
  label: string;
  /** True when the client has a standard profile that is not Connected: the rows to mark offline. */
  unconnected: boolean;
}

export const NOT_IN_PORTAL = 'Not in portal';

/** Joins sheet rows with the firm's clients by Tax Client ID (case as typed, trimmed). */
export function rowStatuses(rows: readonly ClientRow[], clients: readonly Client[]): RowStatus[] {
  const standard = new Map<string, Client>();
  const offline = new Map<string, Client>();
  for (const c of clients) (c.kind === 'standard' ? standard : offline).set(c.taxClientId, c);
  return rows.map((r) => {
    const s = standard.get(r.taxClientId);
    const o = offline.get(r.taxClientId);
    const label = s && o ? `${s.status} (offline: ${o.status})` : (s?.status ?? o?.status ?? NOT_IN_PORTAL);
    return { row: r.row, label, unconnected: s !== undefined && s.status !== 'Connected' };
  });
}

/** The sheet's Tax Client IDs whose standard profile can be invited (Not Invited) or re-invited (Not Enrolled). */
export function invitableIds(rows: readonly ClientRow[], clients: readonly Client[]): { notInvited: string[]; notEnrolled: string[] } {
  const status = new Map(clients.filter((c) => c.kind === 'standard').map((c) => [c.taxClientId, c.status]));
  const ids = [...new Set(rows.map((r) => r.taxClientId))];
  return { notInvited: ids.filter((id) => status.get(id) === 'Not Invited'), notEnrolled: ids.filter((id) => status.get(id) === 'Not Enrolled') };
}
