// The wire types of DESIGN §6, shared by the add-in, its HTTP client and the server.

export type IsOffline = 'Yes' | 'No' | '';
export type Outcome = 'imported' | 'rejected';
export type ProfileKind = 'standard' | 'offline';
export type StandardStatus = 'Missing Info' | 'Not Invited' | 'Not Enrolled' | 'Connected';
export type OfflineStatus = 'Offline' | 'Duplicate';
export type ClientStatus = StandardStatus | OfflineStatus;

/** One row of the template as read from the sheet; `row` is the sheet's 1-based row number. */
export interface ClientRow {
  row: number;
  taxClientId: string;
  firstName: string;
  lastName: string;
  email?: string;
  mobile?: string;
  spouseFirstName?: string;
  spouseLastName?: string;
  spouseEmail?: string;
  ownerEmail: string;
  officeLocation: string;
  /** `Yes`, `No` or blank as typed; any other text is a row error, not a malformed request. */
  isOffline: string;
  /**
   * Set when the add-in could not read the row as Excel shows it (a dropped file's formula whose result
   * the file cannot vouch for): why, and what to do. The portal records the row as rejected with this
   * comment and never imports it, so every report lists every row of the file.
   */
  heldBack?: string;
}

/** The outcome of one submitted row. Rejected rows have kind and status null; imported rows an empty comment. */
export interface RowResult {
  row: number;
  taxClientId: string;
  outcome: Outcome;
  kind: ProfileKind | null;
  status: ClientStatus | null;
  comment: string;
}

export type ReportRow = RowResult & ClientRow;

export interface Client {
  taxClientId: string;
  kind: ProfileKind;
  status: ClientStatus;
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  spouseFirstName: string;
  spouseLastName: string;
  spouseEmail: string;
  ownerEmail: string;
  officeLocation: string;
  invitationUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Firm {
  id: string;
  name: string;
  offlineClientsEnabled: boolean;
  owners: string[];
  offices: string[];
}

export type ImportStatus = 'open' | 'completed';

export interface ImportCounts {
  rows: number;
  imported: number;
  rejected: number;
}

export interface ImportJob {
  id: string;
  status: ImportStatus;
  counts: ImportCounts;
  createdAt: string;
  completedAt: string | null;
}

/** RFC 9457 problem details, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

export const MAX_BATCH_ROWS = 1000;
/** Longest text a ClientRow field may carry over the wire; no valid value comes near it. */
export const MAX_CELL_CHARS = 1000;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** One past import in the firm's history (`GET /imports`, newest first). */
export interface ImportListItem extends ImportJob {
  /** What the pane sent as `source` (`sheet:Clients`, `file:clients.xlsx`), or null. */
  source: string | null;
  /** Who started it: a person's address or `API key "name"`; empty for imports from before sign-in. */
  createdBy: string;
  /** That person's name, as the firm knows them now; empty for a key, an unnamed or a removed person. */
  createdByName: string;
}

/** One Tax Client ID's answer to an invitation request (`POST /clients/invitations`, `…/resend`). */
export interface InvitationResult {
  taxClientId: string;
  invited: boolean;
  status: ClientStatus | null;
  /** Why not, when `invited` is false. */
  comment: string;
  /** The new link, when one was made (shown only to the firm, like `Client.invitationUrl`). */
  invitationUrl?: string;
}

/** A signed-in person's tokens (`POST /auth/code/sign-in`, `/auth/oidc/finish`, `/auth/refresh`). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/** `GET /me`: the firm and who is calling (a person through a session, or an API key). */
export interface Me {
  firm: { id: string; name: string };
  actor: { kind: 'user' | 'key'; name: string; email: string | null; role: 'admin' | 'preparer' };
}

/** One entry of a firm's activity list (`GET /firm/activity`, admins only). */
export interface ActivityEvent {
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  createdAt: string;
}
