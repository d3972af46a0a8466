// The real backend on PGlite in a temp dir, serving the harness build, on 127.0.0.1 with a random port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../../src/server/start-server';

export const ADMIN_TOKEN = 'e2e-admin-token';

export interface Backend {
  url: string;
  api<T = unknown>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** `smtpUrl`: invitation e-mails go there (else .eml files in the temp data folder). */
export async function startBackend(options: { smtpUrl?: string } = {}): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'client-import-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: ADMIN_TOKEN,
    staticDir: resolve(__dirname, '../../../dist/addin-harness'),
    development: false,
    smtpUrl: options.smtpUrl,
  });
  server.app.log.level = 'warn';
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
    api,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
