import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { build, clientRow, createFirm, importRows, type TestApp, type TestFirm } from '../../../test/server/build';
import { DIALECTS } from '../../../test/server/dialects';
import { linkIn, startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { fileDelivery, smtpDelivery, type Deliver } from './mail-transport';
import { claimDueMessages } from './outbox-delivery.repository';
import { CLAIM_LEASE_MS, outboxWorker, retryDelayMs } from './outbox-worker';

const FROM = 'Portal <portal@firm.test>';

describe.each(DIALECTS)('outbox delivery on %s', (dialect) => {
  let t: TestApp;
  let firm: TestFirm;
  let sink: SmtpSink;

  // One database for the file (each a few seconds to make); each test gets its own firm and an empty outbox.
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await sql`delete from outbox`.execute(t.storage.db);
    firm = await createFirm(t.app, { name: 'Lee & Partners' });
    sink = await startSmtpSink();
  });
  afterEach(() => sink.close());

  const worker = (deliver: Deliver, retryDelay: (failed: number) => number = () => 0) =>
    outboxWorker({ db: t.storage.db, deliver, sealer: t.app.sealer, from: FROM, retryDelay });
  const states = async () =>
    (
      await sql<{ to_email: string; state: string; attempts: number; last_error: string | null }>`
    select to_email, state, attempts, last_error from outbox order by id`.execute(t.storage.db)
    ).rows;

  it('sends each invitation once over SMTP with a link that accepts, and records it sent', async () => {
    await importRows(t.app, firm, [clientRow(1), clientRow(2), clientRow(3, { email: '' })], { sendInvitations: true });
    const mail = worker(smtpDelivery(sink.url));
    expect(await mail.runOnce()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await mail.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.received.map((m) => m.to)).toEqual([['client1@example.com'], ['client2@example.com']]);
    expect(sink.received[0].subject).toBe('Lee & Partners invites you to its client portal');
    expect(sink.received[0].text).toContain('Hello First1,');
    expect(sink.received[0].raw).toMatch(/^Message-ID: <outbox-\d+@client-import>/im);
    expect((await states()).map((s) => s.state)).toEqual(['sent', 'sent']);

    const link = new URL(linkIn(sink.received[0]));
    expect(link.origin).toBe('https://portal.test');
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1${link.pathname}/accept` });
    expect(accepted.json()).toEqual({ taxClientId: 'C00001', status: 'Connected' });
  });

  it('keeps a message queued while the SMTP server is down, with the reason, and sends it when it is back', async () => {
    const port = sink.port;
    await sink.close();
    const { results } = await importRows(t.app, firm, [clientRow(1)], { sendInvitations: true });
    expect(results[0]).toMatchObject({ outcome: 'imported', status: 'Not Enrolled' });

    const mail = worker(smtpDelivery(`smtp://127.0.0.1:${port}`));
    expect(await mail.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await states()).toEqual([expect.objectContaining({ state: 'queued', attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED/) })]);

    sink = await startSmtpSink(port);
    expect(await mail.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
    expect(await states()).toEqual([expect.objectContaining({ state: 'sent', attempts: 2 })]);
  });

  it('waits out the backoff before trying again', async () => {
    const port = sink.port;
    await sink.close();
    await importRows(t.app, firm, [clientRow(1)], { sendInvitations: true });
    const mail = worker(smtpDelivery(`smtp://127.0.0.1:${port}`), retryDelayMs);
    expect(await mail.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    sink = await startSmtpSink(port);
    expect(await mail.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(0);
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });

  it('fails a message the SMTP server refuses for good (5xx), with its answer, and sends the others', async () => {
    sink.rejectRecipient('client1@example.com');
    await importRows(t.app, firm, [clientRow(1), clientRow(2)], { sendInvitations: true });
    expect(await worker(smtpDelivery(sink.url)).runOnce()).toEqual({ sent: 1, retried: 0, failed: 1 });
    expect(await states()).toEqual([
      expect.objectContaining({ state: 'failed', last_error: expect.stringMatching(/^SMTP 550/) }),
      expect.objectContaining({ state: 'sent' }),
    ]);
  });

  it('never sends a message twice when a worker died between sending and marking it', async () => {
    await importRows(t.app, firm, [clientRow(1)], { sendInvitations: true });
    // A worker claims it and dies (here: never marks it); its lease then runs out.
    expect(await claimDueMessages(t.storage.db, 10)).toHaveLength(1);
    await sql`update outbox set claimed_at = now() - make_interval(secs => ${CLAIM_LEASE_MS / 1000 + 1})`.execute(t.storage.db);
    expect(await worker(smtpDelivery(sink.url)).runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(sink.received).toHaveLength(0);
    expect(await states()).toEqual([expect.objectContaining({ state: 'failed', last_error: expect.stringMatching(/^Interrupted while sending/) })]);
  });

  it('does not take a message another live worker is sending', async () => {
    await importRows(t.app, firm, [clientRow(1)], { sendInvitations: true });
    expect(await claimDueMessages(t.storage.db, 10)).toHaveLength(1);
    expect(await worker(smtpDelivery(sink.url)).runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect((await states())[0].state).toBe('sending');
  });

  it('without SMTP writes each message as an .eml file and reports it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      await importRows(t.app, firm, [clientRow(1)], { sendInvitations: true });
      const written: string[] = [];
      const mail = worker(fileDelivery(dir, (_mail, file) => written.push(file)));
      await mail.runOnce();
      await mail.runOnce();
      expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\d+\.eml$/)]);
      expect(written).toEqual([join(dir, readdirSync(dir)[0])]);
      const eml = readFileSync(written[0], 'utf8');
      expect(eml).toMatch(/^To: client1@example\.com$/m);
      expect(eml.replace(/=\n/g, '')).toMatch(/https:\/\/portal\.test\/invitations\/[A-Za-z0-9_-]{43}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the link sealed in the database, not in plain text', async () => {
    await importRows(t.app, firm, [clientRow(1)], { sendInvitations: true });
    const { rows } = await sql<{ body: string }>`select body from outbox`.execute(t.storage.db);
    expect(rows[0].body).not.toMatch(/invitations|Hello/);
    expect(t.app.sealer.open(rows[0].body)).toMatch(/\/invitations\//);
  });
});
