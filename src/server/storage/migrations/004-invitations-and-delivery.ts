import { sql, type Kysely } from 'kysely';

// Invitation tokens are kept only as a SHA-256 hash (like firm tokens) next to a copy sealed with the
// server's invitation key (security/sealing.ts), so the pane can still show the link while a copy
// of the database alone cannot accept for anyone. Links issued before are hashed here; their
// sealed copy cannot be made without the key, so they keep working but the pane no longer shows them.
// A resend moves the old hash to replaced_invitations, so that link can say it was replaced.
// The outbox gains a delivery state machine (mail/outbox-worker.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table clients add column invitation_token_hash text unique, add column invitation_sealed text,
    add column invited_at timestamptz`.execute(db);
  await sql`update clients set invitation_token_hash = encode(sha256(convert_to(invitation_token, 'UTF8')), 'hex'),
    invited_at = updated_at where invitation_token is not null`.execute(db);
  await sql`alter table clients drop column invitation_token`.execute(db);
  await sql`
    create table replaced_invitations (
      token_hash text primary key,
      firm_id text not null references firms(id),
      tax_client_id text not null,
      replaced_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table outbox
    add column state text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed')),
    add column attempts integer not null default 0,
    add column next_attempt_at timestamptz not null default now(),
    add column claimed_at timestamptz,
    add column last_error text`.execute(db);
  await sql`update outbox set state = 'sent' where sent_at is not null`.execute(db);
  await sql`create index outbox_due on outbox (next_attempt_at) where state = 'queued'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('004-invitations-and-delivery cannot be undone: plain invitation tokens are gone');
}
