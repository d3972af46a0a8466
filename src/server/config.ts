import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connection-limits';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limits';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from './imports/batch-engine';

export interface ServerOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminToken?: string;
  tls?: { cert: Buffer; key: Buffer };
  staticDir?: string;
  /** The origin users reach the server at, for invitation links; startServer: unset means its own listening origin. */
  publicOrigin?: string;
  /** Unset: e-mails are written as .eml files under `<dataDir>/outbox`. */
  smtpUrl?: string;
  /** From address of invitation e-mails. */
  mailFrom?: string;
  /** Seals invitation links kept for the pane and the outbox; unset: `<dataDir>/invitation.key`. */
  invitationKey?: string;
  /** `npm start` or NODE_ENV=development: debug logging, source maps served, each invitation link written to the outbox folder printed. */
  development: boolean;
  /** Fastify's trustProxy: true, a hop count, or the proxies' addresses (comma-separated). */
  trustProxy?: boolean | number | string;
  rateLimits?: RateLimits;
  connectionLimits?: ConnectionLimits;
  /** Origins besides Office's own that may frame the pane (Office Online Server, a WOPI host). */
  frameAncestors?: string[];
  /** How long a SIGTERM waits for running requests before closing anyway. */
  shutdownGraceMs?: number;
  /** Caps on batches waiting to be applied, per import and per firm, and how long one waits for the batch before it. */
  batches?: BatchLimits;
}

export const MIN_ADMIN_TOKEN_CHARS = 32;

const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

function whole(env: Record<string, string | undefined>, name: string, fallback: number, min = 0): number {
  const text = blank(env[name]);
  const value = Number(text ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${env[name]}"`);
  return value;
}

function trustProxy(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined || /^(false|no|0)$/i.test(value)) return undefined;
  if (/^(true|yes)$/i.test(value)) return true;
  if (/^[1-9][0-9]?$/.test(value)) return Number(value);
  return value; // addresses or CIDR ranges of the trusted proxies
}

function adminToken(value: string | undefined): string | undefined {
  if (value !== undefined && value.length < MIN_ADMIN_TOKEN_CHARS) {
    throw new Error(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_CHARS} characters (it has ${value.length}); make one with: openssl rand -base64 32`);
  }
  return value;
}

function publicOrigin(value: string | undefined): string | undefined {
  if (value !== undefined && !/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(value)) {
    throw new Error(`PUBLIC_ORIGIN is an origin like https://portal.example.com (no path, no trailing slash), not "${value}"`);
  }
  return value;
}

function origins(value: string | undefined): string[] {
  const list = (value ?? '').split(/[\s,]+/).filter((origin) => origin !== '');
  const bad = list.find((origin) => !/^https:\/\/(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(origin));
  if (bad) throw new Error(`FRAME_ANCESTORS holds origins like https://office.example.com or https://*.example.com, not "${bad}"`);
  return list;
}

function rateLimits(env: Record<string, string | undefined>): RateLimits {
  const d = DEFAULT_RATE_LIMITS;
  return {
    windowMs: whole(env, 'RATE_LIMIT_WINDOW_MS', d.windowMs, 1),
    perAddress: whole(env, 'RATE_LIMIT_PER_ADDRESS', d.perAddress, 1),
    failedAuthPerAddress: whole(env, 'RATE_LIMIT_FAILED_AUTH', d.failedAuthPerAddress, 1),
    perToken: whole(env, 'RATE_LIMIT_PER_TOKEN', d.perToken, 1),
    batchesPerImport: whole(env, 'RATE_LIMIT_BATCHES_PER_IMPORT', d.batchesPerImport, 1),
  };
}

function connectionLimits(env: Record<string, string | undefined>): ConnectionLimits {
  const d = DEFAULT_CONNECTION_LIMITS;
  const limits = {
    requestTimeoutMs: whole(env, 'REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 1),
    headersTimeoutMs: whole(env, 'HEADERS_TIMEOUT_MS', d.headersTimeoutMs, 1),
    idleTimeoutMs: whole(env, 'IDLE_TIMEOUT_MS', d.idleTimeoutMs, 1),
    maxConnections: whole(env, 'MAX_CONNECTIONS', d.maxConnections, 1),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new Error('HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS (the headers are part of the request)');
  return limits;
}

/** DESIGN §6 settings from an environment (main.ts and the CLI pass process.env). */
export function optionsFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): ServerOptions {
  const port = Number(blank(env.PORT) ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const cert = blank(env.TLS_CERT);
  const key = blank(env.TLS_KEY);
  if (Boolean(cert) !== Boolean(key)) throw new Error('Set both TLS_CERT and TLS_KEY, or neither');
  const invitationKey = blank(env.INVITATION_KEY);
  if (invitationKey !== undefined && invitationKey.length < 32) throw new Error('INVITATION_KEY must be at least 32 characters');
  const defaultStatic = path.resolve(cwd, 'dist/addin');
  return {
    port,
    host: blank(env.HOST) ?? '127.0.0.1',
    databaseUrl: blank(env.DATABASE_URL),
    dataDir: path.resolve(cwd, blank(env.DATA_DIR) ?? './data'),
    adminToken: adminToken(blank(env.ADMIN_TOKEN)),
    tls: cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : undefined,
    staticDir: blank(env.STATIC_DIR) ?? (existsSync(defaultStatic) ? defaultStatic : undefined),
    publicOrigin: publicOrigin(blank(env.PUBLIC_ORIGIN)),
    smtpUrl: blank(env.SMTP_URL),
    mailFrom: blank(env.MAIL_FROM),
    invitationKey,
    // Production unless asked otherwise: `npm run serve` must not need NODE_ENV to keep secrets out of its log.
    development: env.NODE_ENV === 'development',
    trustProxy: trustProxy(blank(env.TRUST_PROXY)),
    rateLimits: rateLimits(env),
    connectionLimits: connectionLimits(env),
    frameAncestors: origins(blank(env.FRAME_ANCESTORS)),
    shutdownGraceMs: whole(env, 'SHUTDOWN_GRACE_MS', 30_000),
    batches: {
      orderWaitMs: whole(env, 'BATCH_ORDER_WAIT_MS', DEFAULT_BATCH_LIMITS.orderWaitMs, 1),
      waitingPerImport: whole(env, 'BATCHES_WAITING_PER_IMPORT', DEFAULT_BATCH_LIMITS.waitingPerImport, 1),
      waitingPerFirm: whole(env, 'BATCHES_WAITING_PER_FIRM', DEFAULT_BATCH_LIMITS.waitingPerFirm, 1),
    },
  };
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/**
 * `npm run serve` in production: invitation links need a known origin (DESIGN §9), so a server that others can
 * reach does not start without PUBLIC_ORIGIN. In development, and on a loopback address (the default HOST, which
 * only this machine reaches), the server's own listening origin stands in (start-server.ts): still never a
 * request's Host header.
 */
export function requirePublicOrigin(options: ServerOptions): ServerOptions {
  if (options.publicOrigin === undefined && !options.development && !isLoopback(options.host)) {
    throw new Error(
      `PUBLIC_ORIGIN must be set when the server listens on ${options.host}: the origin users reach the server at, e.g. PUBLIC_ORIGIN=https://portal.example.com; invitation links are made from it, never from a request's Host header`,
    );
  }
  return options;
}
