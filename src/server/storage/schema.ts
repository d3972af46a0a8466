import type { ColumnType, Generated } from 'kysely';

// Row types of the database. They stay inside src/server: routes see domain types only.

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FirmTable {
  id: string;
  name: string;
  offline_clients_enabled: boolean;
  owners: string[];
  offices: string[];
  users: string[];
  created_at: CreatedAt;
}

export interface ClientTable {
  id: Generated<string>;
  firm_id: string;
  tax_client_id: string;
  kind: 'standard' | 'offline';
  status: string;
  first_name: string;
  last_name: string;
  email: string;
  mobile: string;
  spouse_first_name: string;
  spouse_last_name: string;
  spouse_email: string;
  owner_email: string;
  office_location: string;
  /** SHA-256 of the current invitation token; the token itself is never stored in plain text. */
  invitation_token_hash: string | null;
  /** The token sealed with the server's invitation key (security/sealing.ts), so the pane can show the link. */
  invitation_sealed: string | null;
  /** When the current link was issued; it expires 30 days later. */
  invited_at: Date | null;
  /** The import and sheet row that created the profile (null before migration 002). */
  import_id: string | null;
  import_row: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ImportTable {
  id: string;
  firm_id: string;
  source: string;
  send_invitations: boolean;
  status: 'open' | 'completed';
  row_count: Generated<number>;
  imported_count: Generated<number>;
  rejected_count: Generated<number>;
  created_at: CreatedAt;
  completed_at: Date | null;
  /** Who started it: a person's address or `API key "name"` ('' before migration 012). */
  created_by: Generated<string>;
}

export interface ImportBatchTable {
  import_id: string;
  seq: number;
  /** The submitted rows and the results answered, as compact JSON text, gzipped (imports/batch-document.ts). */
  rows: Uint8Array;
  /** Null while the batch is pending: stored, not applied yet (migration 007). */
  results: Uint8Array | null;
  /** The batch it follows in the file (`?after=`); null when none was named. */
  follows: number | null;
  created_at: CreatedAt;
}

export interface ImportSeenIdTable {
  import_id: string;
  tax_client_id: string;
  first_row: number;
}

export interface OutboxTable {
  id: Generated<string>;
  firm_id: string;
  to_email: string;
  subject: string;
  /** Sealed with the invitation key: the body carries the invitation link. */
  body: string;
  created_at: CreatedAt;
  sent_at: Date | null;
  state: Generated<'queued' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  claimed_at: Date | null;
  last_error: string | null;
}

export interface ReplacedInvitationTable {
  token_hash: string;
  firm_id: string;
  tax_client_id: string;
  replaced_at: Generated<Date>;
}

/** Who did what to a firm, and when (migration 009). */
export interface AuditEventTable {
  id: Generated<string>;
  firm_id: string;
  /** "admin" for the admin token; otherwise the caller's identity. */
  actor: string;
  action: string;
  detail: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
}

/** A person who signs in to a firm (migration 010). */
export interface FirmUserTable {
  id: string;
  firm_id: string;
  email: string;
  name: Generated<string>;
  role: 'admin' | 'preparer';
  created_at: CreatedAt;
}

/** A named API key (migration 010); only its SHA-256 is stored. */
export interface ApiKeyTable {
  id: string;
  firm_id: string;
  name: string;
  key_hash: string;
  /** Who made it: a person's address, `admin token`, `cli` or `migration 010`. */
  created_by: Generated<string>;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** A signed-in person's session (migration 011); revoked, or deleted with its user, it ends at once. */
export interface SessionTable {
  id: string;
  firm_id: string;
  user_id: string;
  /** How the person signed in: `oidc` or `code`. */
  method: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

/** A session's access or refresh token, as its SHA-256 (migration 011); a used refresh token has `used_at`. */
export interface SessionTokenTable {
  token_hash: string;
  session_id: string;
  kind: 'access' | 'refresh';
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

/** A one-time sign-in code e-mailed to a user (migration 011). */
export interface SignInCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  expires_at: Date;
  attempts: Generated<number>;
  used_at: Date | null;
  created_at: CreatedAt;
}

/** A firm's OpenID Connect identity provider (migration 013). */
export interface IdentityProviderTable {
  firm_id: string;
  issuer: string;
  client_id: string;
  /** Sealed with the server's key; null for a public client (PKCE alone). */
  client_secret_sealed: string | null;
  /** Verified e-mail domains whose people sign in as preparers without being added first. */
  allowed_domains: string[];
  updated_at: UpdatedAt;
}

/** A provider sign-in between its start and its finish (migration 014), found by its state's SHA-256; used once. */
export interface OidcSignInTable {
  state_hash: string;
  firm_id: string;
  nonce: string;
  code_verifier_sealed: string;
  redirect_uri: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface Database {
  firms: FirmTable;
  clients: ClientTable;
  imports: ImportTable;
  import_batches: ImportBatchTable;
  import_seen_ids: ImportSeenIdTable;
  outbox: OutboxTable;
  replaced_invitations: ReplacedInvitationTable;
  audit_events: AuditEventTable;
  firm_users: FirmUserTable;
  api_keys: ApiKeyTable;
  sessions: SessionTable;
  session_tokens: SessionTokenTable;
  sign_in_codes: SignInCodeTable;
  identity_providers: IdentityProviderTable;
  oidc_sign_ins: OidcSignInTable;
}
