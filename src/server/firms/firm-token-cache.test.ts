import { sql } from 'kysely';
import { build, createFirm, type TestApp } from '../../../test/server/build';
import { hashToken } from '../security/tokens';
import { FirmTokenCache } from './firm-token-cache';

describe('firms kept by token for a moment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build('pglite');
  });
  afterAll(() => t.close());

  it('answers from memory until the time is up, then sees a change made by another process', async () => {
    const firm = await createFirm(t.app, { offices: ['Main Office'] });
    let now = 0;
    const cache = new FirmTokenCache(t.storage.db, 2000, () => now);
    expect((await cache.find(hashToken(firm.token)))?.offices).toEqual(['Main Office']);
    // Another process (the firm CLI) changes the firm and replaces its token.
    await sql`update firms set offices = '{North}', token_hash = 'replaced' where id = ${firm.id}`.execute(t.storage.db);
    now = 1999;
    expect((await cache.find(hashToken(firm.token)))?.offices).toEqual(['Main Office']);
    now = 2000;
    expect(await cache.find(hashToken(firm.token))).toBeNull();
    expect(await cache.find('replaced')).toMatchObject({ id: firm.id, offices: ['North'] });
  });

  it('forgets everything at once when this server changes a firm, and never keeps an unknown token', async () => {
    const firm = await createFirm(t.app);
    const cache = new FirmTokenCache(t.storage.db, 60_000, () => 0);
    expect(await cache.find(hashToken('not-yet-a-token'))).toBeNull();
    await sql`update firms set token_hash = ${hashToken('not-yet-a-token')} where id = ${firm.id}`.execute(t.storage.db);
    expect(await cache.find(hashToken('not-yet-a-token'))).toMatchObject({ id: firm.id });
    await sql`update firms set name = 'Renamed' where id = ${firm.id}`.execute(t.storage.db);
    cache.forget();
    expect(await cache.find(hashToken('not-yet-a-token'))).toMatchObject({ name: 'Renamed' });
  });

  it('keeps nothing read by a lookup that a change on this server overtook', async () => {
    const firm = await createFirm(t.app);
    const cache = new FirmTokenCache(t.storage.db, 60_000, () => 0);
    const reading = cache.find(hashToken(firm.token)); // its query is on its way
    cache.forget(); // a rotation answered here before the lookup's result came back
    await reading;
    await sql`update firms set token_hash = 'rotated' where id = ${firm.id}`.execute(t.storage.db);
    expect(await cache.find(hashToken(firm.token))).toBeNull(); // asked again, not answered from memory
  });

  it('through the API: a rotated token stops working at once, and a PATCH applies to the next batch', async () => {
    const firm = await createFirm(t.app);
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: firm.auth });
    expect((await me()).statusCode).toBe(200); // kept now
    const admin = { authorization: 'Bearer test-admin-token-0123456789' };
    const rotated = await t.app.inject({ method: 'POST', url: `/api/v1/admin/firms/${firm.id}/token`, headers: admin });
    expect(rotated.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    const fresh = { authorization: `Bearer ${rotated.json().token}` };
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/firms/${firm.id}`, headers: admin, payload: { offices: ['Main Office', 'Harbour'] } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/firm', headers: fresh })).json().offices).toEqual(['Main Office', 'Harbour']);
  });
});
