// Connection drops and 5xx answers injected between the add-in's client (src/api) and the server by a
// loopback proxy, including answers lost after the server applied a batch: retries must leave no duplicates.
import { ApiError, runImport, type ImportState } from '../../src/api';
import { DIALECTS } from '../server/dialects';
import { expectedProfiles, faultFile, profileKeys, reportMismatches } from './support/fault-rows';
import { startFaultProxy, type Fault, type FaultPlan, type FaultProxy } from './support/fault-proxy';
import { firmTables, listenApp, type ListeningApp } from './support/listening-app';
import { allClients, createFirmOver, duplicateProfiles, portalFor, type HttpFirm } from './support/portal';

jest.setTimeout(120_000);

/** Fault by request: `PUT …/batches/2` → faults for attempts 1, 2, …; later attempts pass. */
function scheduled(faults: Record<string, Fault[]>): FaultPlan {
  return ({ method, path, attempt }) => {
    const route = Object.keys(faults).find((k) => {
      const [m, suffix] = k.split(' ');
      return m === method && path.endsWith(suffix);
    });
    return (route && faults[route][attempt - 1]) || 'pass';
  };
}

describe.each(DIALECTS)('connection faults between client and server on %s', (dialect) => {
  let server: ListeningApp;
  let proxy: FaultProxy;
  let firm: HttpFirm;
  beforeAll(async () => {
    server = await listenApp(dialect);
    firm = await createFirmOver(server.url, server.adminToken);
    proxy = await startFaultProxy(server.url, () => 'pass');
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  it('retries through drops before and after the server, cut answers, 502 and 503, with no duplicates and right counts', async () => {
    const { rows, expected } = faultFile(4000, 'P');
    const faults: Record<string, Fault[]> = {
      'POST /imports': ['drop-after'],
      'PUT /batches/1': [503, 502],
      'PUT /batches/2': ['drop-after', 'drop-after'],
      'PUT /batches/3': ['drop-before', 'cut-response'],
      'PUT /batches/4': ['cut-response'],
      'POST /complete': ['drop-after', 503],
      'GET /report': [502, 'drop-before'],
    };
    const client = portalFor(proxy.url, firm);
    proxy.setPlan(scheduled(faults));
    proxy.log.length = 0;

    const outcome = await runImport(client, { rows, sendInvitations: true, source: 'faults' });
    // The runner builds its report from the batch answers; the portal's own report goes through the faults too.
    const portalReport = await client.report(outcome.importId);

    // Every scheduled fault really happened, and the server answered the requests it was sent.
    for (const [route, list] of Object.entries(faults)) {
      const [method, suffix] = route.split(' ');
      const seen = proxy.log.filter((e) => e.method === method && e.path.endsWith(suffix)).map((e) => e.fault);
      expect(seen).toEqual([...list, 'pass']);
    }
    expect(proxy.log.filter((e) => e.upstream !== undefined && e.upstream >= 400)).toEqual([]);

    expect(reportMismatches(outcome.report, expected)).toEqual([]);
    expect(reportMismatches(portalReport, expected)).toEqual([]);
    const imported = [...expected.values()].filter((e) => e.outcome === 'imported');
    expect(outcome.counts).toEqual({ rows: 4000, imported: imported.length, rejected: 4000 - imported.length });
    const clients = await allClients(server.url, firm);
    expect(duplicateProfiles(clients)).toEqual([]);
    expect(profileKeys(clients)).toEqual(expectedProfiles(rows, expected));
    const standard = clients.filter((c) => c.kind === 'standard');
    expect(standard.every((c) => c.status === 'Not Enrolled')).toBe(true);

    const tables = await firmTables(server.db, firm.id);
    // One invitation per standard client although batch 2 was applied once and answered three times.
    expect(tables.outbox).toBe(standard.length);
    expect(tables.batches).toBe(4);
    // The lost answer to POST /imports leaves one empty open import behind, nothing more.
    expect(tables.imports).toBe(2);
    expect(tables.open_empty).toBe(1);
  });

  it('gives up with a clear message while the portal keeps answering 503, then resumes without duplicates', async () => {
    const { rows, expected } = faultFile(2000, 'Q');
    proxy.setPlan(({ method, path }) => (method === 'PUT' && path.endsWith('/batches/2') ? 503 : 'pass'));
    const states: ImportState[] = [];
    const failure = await runImport(portalFor(proxy.url, firm, { retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 } }), {
      rows,
      onState: (s) => states.push(s),
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(503);
    expect((failure as ApiError).message).toBe('The portal had a problem (503). Try again in a moment.');

    proxy.setPlan(() => 'pass');
    const saved = states[states.length - 1];
    expect(saved.doneSeqs).toEqual([1]);
    const outcome = await runImport(portalFor(proxy.url, firm), { rows, resume: saved });
    expect(outcome.importId).toBe(saved.importId);
    expect(reportMismatches(outcome.report, expected)).toEqual([]);
    expect(reportMismatches(await portalFor(server.url, firm).report(saved.importId), expected)).toEqual([]);
    const clients = (await allClients(server.url, firm)).filter((c) => c.taxClientId.startsWith('Q'));
    expect(duplicateProfiles(clients)).toEqual([]);
    expect(profileKeys(clients)).toEqual(expectedProfiles(rows, expected));
  });
});
