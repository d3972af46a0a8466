import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminToken?: string;
  tls?: { cert: Buffer; key: Buffer };
  staticDir?: string;
  publicOrigin?: string;
  /** Development: log queued e-mails and requests in readable form. */
  development: boolean;
}

const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** DESIGN §6 settings from an environment (main.ts and the CLI pass process.env). */
export function optionsFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): ServerOptions {
  const port = Number(blank(env.PORT) ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const cert = blank(env.TLS_CERT);
  const key = blank(env.TLS_KEY);
  if (Boolean(cert) !== Boolean(key)) throw new Error('Set both TLS_CERT and TLS_KEY, or neither');
  const defaultStatic = path.resolve(cwd, 'dist/addin');
  return {
    port,
    host: blank(env.HOST) ?? '127.0.0.1',
    databaseUrl: blank(env.DATABASE_URL),
    dataDir: path.resolve(cwd, blank(env.DATA_DIR) ?? './data'),
    adminToken: blank(env.ADMIN_TOKEN),
    tls: cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : undefined,
    staticDir: blank(env.STATIC_DIR) ?? (existsSync(defaultStatic) ? defaultStatic : undefined),
    publicOrigin: blank(env.PUBLIC_ORIGIN),
    development: env.NODE_ENV !== 'production',
  };
}
