// Eight imports of overlapping files run at once through the HTTP API: the database must end with
// exactly the profiles DESIGN §4 allows (≤ 1 standard and ≤ 1 offline per Tax Client ID), every row
// answered once, and the losing rows carrying the §4 comments.
import { runImport } from '../../src/api';
import { DIALECTS } from '../server/dialects';
import { concurrencyProblems, overlappingFile } from './support/overlapping-files';
import { firmTables, listenApp, type ListeningApp } from './support/listening-app';
import { allClients, createFirmOver, portalFor, reportOf, type HttpFirm } from './support/portal';

jest.setTimeout(180_000);

const IMPORTS = 8;
const ROWS = 1100; // two batches each, so imports interleave batch by batch
const POOL = 700;

describe.each(DIALECTS)('8 concurrent imports of overlapping files on %s', (dialect) => {
  let server: ListeningApp;
  let firm: HttpFirm;
  beforeAll(async () => {
    server = await listenApp(dialect);
    firm = await createFirmOver(server.url, server.adminToken);
  });
  afterAll(() => server?.close());

  it('creates exactly the profiles the rules allow and answers every row once with its §4 comment', async () => {
    const files = Array.from({ length: IMPORTS }, (_, k) => overlappingFile(k, ROWS, POOL));
    const sendInvitations = files.map((_, k) => k % 2 === 0);

    const outcomes = await Promise.all(
      files.map((rows, k) => runImport(portalFor(server.url, firm), { rows, sendInvitations: sendInvitations[k], source: `concurrent-${k}` })),
    );

    const clients = await allClients(server.url, firm);
    expect(
      concurrencyProblems(
        files,
        outcomes.map((o) => o.report),
        sendInvitations,
        clients,
      ),
    ).toEqual([]);
    // What the portal recorded (GET /imports/{id}/report) says the same as the answers the clients got.
    const recorded = await Promise.all(outcomes.map((o) => reportOf(server.url, firm, o.importId)));
    expect(concurrencyProblems(files, recorded, sendInvitations, clients)).toEqual([]);

    // The imports' own counts agree with the profiles: each imported row made exactly one profile.
    const imported = outcomes.reduce((sum, o) => sum + o.counts.imported, 0);
    expect(imported).toBe(clients.length);
    expect(outcomes.every((o) => o.counts.rows === ROWS && o.counts.imported + o.counts.rejected === ROWS)).toBe(true);
    // Overlap really happened: far fewer profiles than rows, both kinds present.
    expect(clients.length).toBeLessThan((IMPORTS * ROWS) / 4);
    expect(new Set(clients.map((c) => c.kind))).toEqual(new Set(['standard', 'offline']));

    const tables = await firmTables(server.db, firm.id);
    expect(tables.clients).toBe(clients.length);
    expect(tables.outbox).toBe(clients.filter((c) => c.status === 'Not Enrolled').length);
  });
});
