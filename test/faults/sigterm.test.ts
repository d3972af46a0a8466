// SIGTERM to the real server process while a batch is inside it (DESIGN §9): the batch finishes and is
// stored, requests that arrive meanwhile get a 503 problem with Retry-After, and the process exits 0.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faultFile } from './support/fault-rows';
import { createFirmOver, type HttpFirm } from './support/portal';
import { freePort, killAllServerProcesses, startBuiltServer, type ServerProcess } from '../support/built-server';

jest.setTimeout(180_000);

const until = async (what: string, ok: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 600; i++) {
    if (await ok()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
};

/** A PUT whose body is sent but for its last byte; `finish()` sends it and resolves with the answer. */
function heldPut(url: string, token: string, body: string) {
  const target = new URL(url);
  const bytes = Buffer.from(body);
  const request = http.request({
    host: target.hostname,
    port: target.port,
    path: target.pathname,
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': bytes.length },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
  });
  request.write(bytes.subarray(0, bytes.length - 1));
  return {
    finish: () => {
      request.end(bytes.subarray(bytes.length - 1));
      return answer;
    },
  };
}

describe('SIGTERM with a batch in flight', () => {
  let dataDir: string;
  let server: ServerProcess;
  let firm: HttpFirm;
  let port: number;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigterm-pglite-'));
    port = await freePort();
    server = await startBuiltServer({ port, dataDir });
    firm = await createFirmOver(server.url);
  });
  afterAll(async () => {
    await killAllServerProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the batch, answers newcomers 503, exits 0, and the batch is there after a restart', async () => {
    const auth = { authorization: `Bearer ${firm.token}`, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: auth, body: '{}' });
    const importId = ((await created.json()) as { id: string }).id;
    const batchPath = `/api/v1/imports/${importId}/batches/1`;
    const { rows } = faultFile(1000, 'T');

    const batch = heldPut(`${server.url}${batchPath}`, firm.token, JSON.stringify({ rows }));
    // The server logs each request as it starts it: from then on it counts as running.
    await until('the server took the batch in', () => server.log().includes(`"url":"${batchPath}"`));
    process.kill(server.pid, 'SIGTERM');

    await until('the server refuses new requests', async () => (await fetch(`${server.url}/api/v1/health`)).status === 503);
    const refused = await fetch(`${server.url}/api/v1/imports/${importId}/batches/2`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ rows: rows.slice(0, 1) }),
    });
    expect({ status: refused.status, type: refused.headers.get('content-type'), retry: Number(refused.headers.get('retry-after')) }).toEqual({
      status: 503,
      type: expect.stringMatching(/^application\/problem\+json/),
      retry: expect.any(Number),
    });

    const answered = await batch.finish();
    expect(answered.status).toBe(200);
    expect((JSON.parse(answered.body) as { results: unknown[] }).results).toHaveLength(1000);
    expect(await server.exit).toBe(0);

    server = await startBuiltServer({ port, dataDir });
    const job = await fetch(`${server.url}/api/v1/imports/${importId}`, { headers: auth });
    expect(((await job.json()) as { counts: { rows: number } }).counts.rows).toBe(1000);
  });
});
