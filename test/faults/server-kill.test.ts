// The server process is SIGKILLed mid-import and restarted on the same PGlite data directory;
// the add-in's import runner (src/api) must finish the import with every row answered exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NetworkError, runImport, type FetchLike, type ImportState } from '../../src/api';
import { startFaultProxy } from './support/fault-proxy';
import { expectedProfiles, faultFile, profileKeys, reportMismatches } from './support/fault-rows';
import { allClients, createFirmOver, duplicateProfiles, portalFor, reportOf, type HttpFirm } from './support/portal';
import { freePort, killAllServerProcesses, startBuiltServer, type ServerProcess } from '../support/built-server';

jest.setTimeout(240_000);

describe('server killed mid-import, restarted on the same PGlite data dir', () => {
  let dataDir: string;
  let port: number;
  let server: ServerProcess;
  let firm: HttpFirm;
  const start = async () => (server = await startBuiltServer({ port, dataDir }));

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'fault-pglite-'));
    port = await freePort();
    await start();
    firm = await createFirmOver(server.url, undefined);
  });
  afterAll(async () => {
    await killAllServerProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const isBatch = (url: string, seq: number, init?: RequestInit) => init?.method === 'PUT' && new URL(url).pathname.endsWith(`/batches/${seq}`);

  it('rides out a crash with batch 3 in flight: retries reach the restarted server and nothing is applied twice', async () => {
    const { rows, expected } = faultFile(5000, 'K');
    let restarted: Promise<unknown> | null = null;
    // The proxy passes everything; the moment the server has all of batch 3 (and is parsing or applying it), it dies.
    const proxy = await startFaultProxy(
      `http://127.0.0.1:${port}`,
      () => 'pass',
      (entry) => {
        if (!restarted && entry.method === 'PUT' && entry.path.endsWith('/batches/3')) restarted = server.crash().then(start);
      },
    );
    const client = portalFor(proxy.url, firm, { retry: { attempts: 80, baseDelayMs: 200, maxDelayMs: 1000 } });

    const outcome = await runImport(client, { rows, source: 'kill-in-flight' }).finally(() => proxy.close());
    await restarted;

    const batch3 = proxy.log.filter((e) => e.path.endsWith('/batches/3'));
    expect(batch3[0].upstream).toBeUndefined();
    expect(batch3[batch3.length - 1].upstream).toBe(200);
    expect(reportMismatches(outcome.report, expected)).toEqual([]);
    expect(reportMismatches(await reportOf(server.url, firm, outcome.importId), expected)).toEqual([]);
    const imported = [...expected.values()].filter((e) => e.outcome === 'imported').length;
    expect(outcome.counts).toEqual({ rows: 5000, imported, rejected: 5000 - imported });
    const clients = await allClients(server.url, firm);
    expect(duplicateProfiles(clients)).toEqual([]);
    expect(profileKeys(clients.filter((c) => c.taxClientId.startsWith('K')))).toEqual(expectedProfiles(rows, expected));
  });

  it('crash after batch 2 was applied but before its answer arrived: the client gives up, then resumes from its saved state', async () => {
    const { rows, expected } = faultFile(3000, 'R');
    let crashed = false;
    const answerLost: FetchLike = async (url, init) => {
      const response = await fetch(url, init);
      if (!crashed && isBatch(url, 2, init)) {
        crashed = true;
        expect(response.status).toBe(200);
        await server.crash();
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const states: ImportState[] = [];
    const impatient = portalFor(server.url, firm, { fetch: answerLost, retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 } });
    await expect(runImport(impatient, { rows, source: 'kill-after-commit', onState: (s) => states.push(s) })).rejects.toBeInstanceOf(NetworkError);
    const saved = states[states.length - 1];
    // Batch 2 was applied but its answer was lost; batches after it may have been answered (several are
    // in flight, and one may have gone in batch 2's own transaction).
    expect(saved.doneSeqs[0]).toBe(1);
    expect(saved.doneSeqs).not.toContain(2);

    await start();
    const outcome = await runImport(portalFor(server.url, firm), { rows, resume: saved });

    expect(outcome.importId).toBe(saved.importId);
    expect(reportMismatches(outcome.report, expected)).toEqual([]);
    expect(reportMismatches(await reportOf(server.url, firm, saved.importId), expected)).toEqual([]);
    const job = await portalFor(server.url, firm).getImport(saved.importId);
    expect(job.counts.rows).toBe(3000);
    expect(job.status).toBe('completed');
    const clients = await allClients(server.url, firm);
    expect(duplicateProfiles(clients)).toEqual([]);
    expect(profileKeys(clients.filter((c) => c.taxClientId.startsWith('R')))).toEqual(expectedProfiles(rows, expected));
  });
});
