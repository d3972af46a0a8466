// The seed's whole story, the taxpayer's half in real headless Chromium: a standard import with
// invitations → the e-mail arrives over SMTP (a real server in this process) → the link from it opens
// the invitation page → Accept → the client is Connected, an offline re-import is refused with the
// exact comment, and a client imported offline before connecting becomes Duplicate.
import type { Browser, Page } from 'playwright-core';
import type { Client, RowResult } from '../../src/domain';
import { linkIn, startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';
import { ADMIN_TOKEN, startBackend, type Backend } from './support/backend';
import { launchChromium, seriousViolations } from './support/browser';
import { clientRows, OFFICE, OWNER } from './support/template-rows';

const FIRM = 'Lee & Partners CPA';
const CONNECTED_COMMENT = 'A connected client already exists with this Tax Client ID';
let sink: SmtpSink;
let backend: Backend;
let browser: Browser;
let token: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  backend = await startBackend({ smtpUrl: sink.url });
  token = (
    await backend.api<{ token: string }>('POST', '/admin/firms', ADMIN_TOKEN, { name: FIRM, offlineClientsEnabled: true, owners: [OWNER], offices: [OFFICE] })
  ).token;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await sink?.close();
});

async function importRows(rows: ReturnType<typeof clientRows>, sendInvitations: boolean): Promise<RowResult[]> {
  const job = await backend.api<{ id: string }>('POST', '/imports', token, { sendInvitations, source: 'story.xlsx' });
  const { results } = await backend.api<{ results: RowResult[] }>('PUT', `/imports/${job.id}/batches/1`, token, {
    rows: rows.map((r, i) => ({ ...r, row: i + 2 })),
  });
  await backend.api('POST', `/imports/${job.id}/complete`, token);
  return results;
}

/** The e-mail to `address`, once the server's outbox worker has delivered it (it polls every second). */
async function mailTo(address: string): Promise<ReceivedMail> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const mail = sink.received.find((m) => m.to.includes(address));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no e-mail to ${address} arrived; received: ${sink.received.map((m) => m.to).join(', ')}`);
}

const statuses = async (id: string) =>
  (await backend.api<{ clients: Client[] }>('GET', `/clients?taxClientId=${id}`, token)).clients.map((c) => `${c.kind}:${c.status}`).sort();

async function acceptInBrowser(link: string, firstName: string): Promise<Page> {
  const page = await browser.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: `Connect with ${FIRM}` }).waitFor();
  await page.getByText(`Hello ${firstName},`).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Accept');
  expect({ view: 'invitation', violations: await seriousViolations(page) }).toEqual({ view: 'invitation', violations: [] });
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('heading', { level: 1, name: `You're connected to ${FIRM}` }).waitFor();
  expect({ view: 'connected', violations: await seriousViolations(page) }).toEqual({ view: 'connected', violations: [] });
  return page;
}

test('an invited client accepts from the e-mail, then offline re-imports are refused and an earlier offline profile is Duplicate', async () => {
  const [ann, ben] = clientRows('S', 2).map((r, i) => ({ ...r, firstName: ['Ann', 'Ben'][i] }));
  expect((await importRows([ann, ben], true)).map((r) => r.status)).toEqual(['Not Enrolled', 'Not Enrolled']);
  // Ben is also imported offline before he connects: he then has both profiles.
  expect((await importRows([{ ...ben, isOffline: 'Yes' }], false))[0]).toMatchObject({ outcome: 'imported', kind: 'offline', status: 'Offline' });

  const annMail = await mailTo(ann.email!);
  expect(annMail.subject).toBe(`${FIRM} invites you to its client portal`);
  const annLink = linkIn(annMail);
  expect(new URL(annLink).origin).toBe(backend.url);
  const page = await acceptInBrowser(annLink, 'Ann');
  expect(await statuses(ann.taxClientId)).toEqual(['standard:Connected']);

  // Opening the link again says it was used; nothing changes.
  await page.goto(annLink);
  await page.getByRole('heading', { name: 'This invitation has already been accepted' }).waitFor();
  await page.close();

  const offline = await importRows([{ ...ann, isOffline: 'Yes' }], false);
  expect(offline[0]).toMatchObject({ outcome: 'rejected', comment: CONNECTED_COMMENT });

  await (await acceptInBrowser(linkIn(await mailTo(ben.email!)), 'Ben')).close();
  expect(await statuses(ben.taxClientId)).toEqual(['offline:Duplicate', 'standard:Connected']);
  expect(sink.received).toHaveLength(2);
});
