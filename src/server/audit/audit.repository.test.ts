import { DIALECTS, openTestStorage, type TestStorage } from '../../../test/server/dialects';
import { insertFirm } from '../firms/firm.repository';
import { listAuditEvents, recordAuditEvent } from './audit.repository';

describe.each(DIALECTS)('audit events on %s', (dialect) => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await openTestStorage(dialect);
    for (const id of ['firm-a', 'firm-b']) {
      await insertFirm(storage.db, { id, name: id, offlineClientsEnabled: true, owners: [], offices: [], users: [] });
    }
  });
  afterAll(() => storage?.close());

  it('keeps who did what and when, per firm, in the order it happened', async () => {
    const before = Date.now();
    await recordAuditEvent(storage.db, { firmId: 'firm-a', actor: 'admin', action: 'first', detail: { count: 2, to: 'a@firm.test' } });
    await recordAuditEvent(storage.db, { firmId: 'firm-b', actor: 'admin', action: 'other firm', detail: {} });
    await recordAuditEvent(storage.db, { firmId: 'firm-a', actor: 'key:ops', action: 'second', detail: { list: ['x'] } });
    const events = await listAuditEvents(storage.db, 'firm-a');
    expect(events.map(({ actor, action, detail }) => ({ actor, action, detail }))).toEqual([
      { actor: 'admin', action: 'first', detail: { count: 2, to: 'a@firm.test' } },
      { actor: 'key:ops', action: 'second', detail: { list: ['x'] } },
    ]);
    for (const event of events) expect(event.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
  });

  it('refuses an event for a firm that does not exist', async () => {
    await expect(recordAuditEvent(storage.db, { firmId: 'no-such-firm', actor: 'admin', action: 'x', detail: {} })).rejects.toThrow();
  });
});
