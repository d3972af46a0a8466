// The real backend as users run it: the built server (`npm run serve`'s dist/node/server/main.js) in a process
// of its own, on PGlite in a temp dir, serving the harness build, on 127.0.0.1 with a free port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_ADMIN_TOKEN, startBuiltServer } from '../../support/built-server';

export const ADMIN_TOKEN = SERVER_ADMIN_TOKEN;

export interface Backend {
  url: string;
  /** The server's DATA_DIR: without SMTP its e-mails are .eml files in `outbox/` there. */
  dataDir: string;
  api<T = unknown>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** `smtpUrl`: invitation e-mails go there (else .eml files in the temp data folder). */
export async function startBackend(options: { smtpUrl?: string } = {}): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'client-import-e2e-'));
  const server = await startBuiltServer({
    dataDir,
    env: { STATIC_DIR: resolve(__dirname, '../../../dist/addin-harness'), ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}) },
  });
  const api = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    url: server.url,
    dataDir,
    api,
    close: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
