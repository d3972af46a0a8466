import { DIALECTS, openTestStorage, type TestStorage } from '../../../test/server/dialects';
import { listAuditEvents } from '../audit/audit.repository';
import { findFirmById } from '../firms/firm.repository';
import { parseFirmArgs } from './firm-args';
import { runFirmCommand } from './firm-commands';

describe.each(DIALECTS)('npm run firm -- move, on %s', (dialect) => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await openTestStorage(dialect);
  });
  afterAll(() => storage?.close());

  const firm = (...args: string[]) => runFirmCommand(storage.db, parseFirmArgs(args));

  it('moves the clients of an owner and an office, removes both, and records the CLI as who did it', async () => {
    const created = await firm(
      'create',
      '--name',
      'Moves LLP',
      '--owner',
      'old@firm.test',
      '--owner',
      'new@firm.test',
      '--office',
      'Main',
      '--office',
      'North',
    );
    const id = /\(([^)]+)\)/.exec(created)![1];
    await storage.db
      .insertInto('clients')
      .values(
        ['C1', 'C2'].map((taxClientId) => ({
          firm_id: id,
          tax_client_id: taxClientId,
          kind: 'offline' as const,
          status: 'Offline',
          first_name: 'A',
          last_name: 'B',
          email: '',
          mobile: '',
          spouse_first_name: '',
          spouse_last_name: '',
          spouse_email: '',
          owner_email: 'OLD@firm.test',
          office_location: 'Main',
          invitation_token_hash: null,
          invitation_sealed: null,
          invited_at: null,
          import_id: null,
          import_row: null,
        })),
      )
      .execute();

    const out = await firm('move', '--id', id, '--from-owner', 'old@firm.test', '--to-owner', 'new@firm.test', '--from-office', 'Main', '--to-office', 'North');
    expect(out).toContain('Clients moved: 2 to another owner, 2 to another office.');
    expect(await findFirmById(storage.db, id)).toMatchObject({ owners: ['new@firm.test'], offices: ['North'] });
    const clients = await storage.db.selectFrom('clients').select(['owner_email', 'office_location']).where('firm_id', '=', id).execute();
    expect(clients).toEqual([
      { owner_email: 'new@firm.test', office_location: 'North' },
      { owner_email: 'new@firm.test', office_location: 'North' },
    ]);
    expect((await listAuditEvents(storage.db, id)).map((e) => [e.actor, e.action])).toEqual([['cli', 'clients.moved']]);

    await expect(firm('move', '--id', id, '--from-owner', 'old@firm.test', '--to-owner', 'new@firm.test')).rejects.toThrow(
      "old@firm.test is not one of the firm's owners",
    );
  });
});
