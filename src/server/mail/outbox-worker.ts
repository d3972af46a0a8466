import type { Kysely } from 'kysely';
import type { Sealer } from '../security/sealing';
import type { Database } from '../storage/schema';
import { DeliveryError, type Deliver } from './mail-transport';
import { claimDueMessages, failInterrupted, markFailed, markRetry, markSent, type ClaimedMessage } from './outbox-delivery.repository';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  deliver: Deliver;
  sealer: Sealer;
  from: string;
  /** Wait before attempt n+1 after n failed attempts; default `retryDelayMs`. */
  retryDelay?: (failedAttempts: number) => number;
  maxAttempts?: number;
  pollMs?: number;
  /** Delivery outcomes without addresses or bodies, for the server log. */
  log?: (event: DeliveryEvent) => void;
}

/** One message's outcome, or (`error`) a pass that failed as a whole, e.g. the database was unreachable. */
export type DeliveryEvent = { id: string; outcome: 'sent' | 'retry' | 'failed'; attempt: number; reason?: string } | { outcome: 'error'; reason: string };

export interface DeliveryRound {
  sent: number;
  retried: number;
  failed: number;
}

const BATCH = 20;
const MAX_ATTEMPTS = 8;
/** Longer than any one attempt can take (see SMTP_TIMEOUTS), so only a dead worker's claim runs out. */
export const CLAIM_LEASE_MS = 10 * 60_000;
const INTERRUPTED =
  'Interrupted while sending (the server stopped): it may have been delivered, so it is not sent again; resend the invitation if it did not arrive';

/** 30 s, 1 min, 2 min, … up to 1 h: roughly a day of tries with the default 8 attempts. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** (failedAttempts - 1), 3_600_000);
}

/**
 * Delivers the outbox. Each message is claimed in its own committed statement before it is sent and
 * marked after, so a crash in between leaves it `sending`; once its lease runs out it is marked failed
 * rather than sent again: at most once, never twice (the Message-ID lets a receiver drop a duplicate too).
 */
export function outboxWorker(options: OutboxWorkerOptions) {
  const { db, deliver, sealer, from, log } = options;
  const retryDelay = options.retryDelay ?? retryDelayMs;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<DeliveryRound> | null = null;
  let stopped = false;

  async function attempt(message: ClaimedMessage, round: DeliveryRound): Promise<void> {
    const text = sealer.open(message.body);
    if (text === null) {
      await markFailed(db, message.id, 'The message was sealed under another invitation key and cannot be read');
      round.failed++;
      return log?.({ id: message.id, outcome: 'failed', attempt: message.attempt, reason: 'sealed under another key' });
    }
    try {
      await deliver({ id: message.id, from, to: message.to, subject: message.subject, text });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof DeliveryError && error.permanent;
      // The log gets a code only (DESIGN §9: no personal data in logs); the stored reason is for the operator.
      const logged = error instanceof DeliveryError ? error.code : 'error';
      if (permanent || message.attempt >= maxAttempts) {
        await markFailed(db, message.id, permanent ? reason : `Gave up after ${message.attempt} attempts: ${reason}`);
        round.failed++;
        return log?.({ id: message.id, outcome: 'failed', attempt: message.attempt, reason: logged });
      }
      await markRetry(db, message.id, reason, retryDelay(message.attempt));
      round.retried++;
      return log?.({ id: message.id, outcome: 'retry', attempt: message.attempt, reason: logged });
    }
    await markSent(db, message.id);
    round.sent++;
    log?.({ id: message.id, outcome: 'sent', attempt: message.attempt });
  }

  async function drain(): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, retried: 0, failed: await failInterrupted(db, CLAIM_LEASE_MS, INTERRUPTED) };
    for (;;) {
      const claimed = await claimDueMessages(db, BATCH);
      for (const message of claimed) await attempt(message, round);
      if (claimed.length < BATCH || stopped) return round;
    }
  }

  /** One pass over every due message; a pass already under way is joined, not doubled. */
  function runOnce(): Promise<DeliveryRound> {
    running ??= drain().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log?.({ outcome: 'error', reason: error instanceof Error ? error.message : String(error) }))
        .finally(schedule);
    }, options.pollMs ?? 1000);
    timer.unref();
  }

  return {
    runOnce,
    start(): void {
      stopped = false;
      schedule();
    },
    /** Stops polling and waits for the pass under way. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

export type OutboxWorker = ReturnType<typeof outboxWorker>;
