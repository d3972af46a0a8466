import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One e-mail ready to go: body in plain text, `id` the outbox row (it names the Message-ID and the .eml file). */
export interface Mail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Delivers one e-mail or throws; a `DeliveryError` with `permanent` means retrying cannot help. */
export type Deliver = (mail: Mail) => Promise<void>;

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** What the log says: the SMTP code or the network error's code, never the server's text (it may name the recipient). */
    readonly code = 'error',
  ) {
    super(message);
  }
}

// Bounded waits: a send never outlasts the outbox lease (outbox-worker.ts), so a live attempt is never taken for a dead one.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

const messageId = (mail: Mail) => `<outbox-${mail.id}@client-import>`;

/** Sends by SMTP (`smtp://user:pass@host:port`, `smtps://…`). A 5xx answer is permanent; anything else may pass later. */
export function smtpDelivery(url: string): Deliver {
  const transport = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return async (mail) => {
    try {
      await transport.sendMail({ messageId: messageId(mail), from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const logged = typeof code === 'number' ? `SMTP ${code}` : ((error as { code?: string }).code ?? 'error');
      throw new DeliveryError(describeSmtpError(error), typeof code === 'number' && code >= 500, logged);
    }
  };
}

// An SMTP server's answer often names the recipient (`550 5.1.1 <ann@example.com>: …`).
const ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;

// The reason kept on the message: the SMTP answer or the network error with addresses removed, never the message itself.
function describeSmtpError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const text = e.responseCode ? `SMTP ${e.responseCode}: ${e.response ?? ''}` : `${e.code ?? 'Error'}: ${e.message ?? String(error)}`;
  return text.replace(ADDRESS, '[address]').slice(0, 200);
}

/**
 * Without SMTP: each e-mail becomes `<dir>/<id>.eml` (written whole, then renamed into place) and
 * `written` is told once, so a developer can open the link.
 */
export function fileDelivery(dir: string, written: (mail: Mail, file: string) => void): Deliver {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (mail) => {
    const info = await transport.sendMail({ messageId: messageId(mail), from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `${mail.id}.eml`);
    writeFileSync(`${file}.tmp`, info.message as Buffer, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    written(mail, file);
  };
}
