import { sql } from 'kysely';
import { build, createFirm, type TestApp } from '../../../test/server/build';
import { hashToken } from '../security/tokens';
import { CredentialCache } from './credential-cache';
import { findPrincipal } from './principal-lookup';

describe('principals kept by token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build('pglite');
  });
  afterAll(() => t.close());
  const lookup = (token: string) => findPrincipal(t.storage.db, token);

  it('with a time to keep (PGlite): answers from memory until the time is up, then sees a change made by another process', async () => {
    const firm = await createFirm(t.app, { offices: ['Main Office'] });
    let now = 0;
    const cache = new CredentialCache(lookup, 2000, () => now);
    expect((await cache.find(firm.token))?.firm.offices).toEqual(['Main Office']);
    // Another process (the firm CLI) changes the firm and revokes its key.
    await sql`update firms set offices = '{North}' where id = ${firm.id}`.execute(t.storage.db);
    await sql`update api_keys set revoked_at = now() where firm_id = ${firm.id}`.execute(t.storage.db);
    now = 1999;
    expect((await cache.find(firm.token))?.firm.offices).toEqual(['Main Office']);
    now = 2000;
    expect(await cache.find(firm.token)).toBeNull();
  });

  it('without a time to keep (PostgreSQL, several servers): every find asks the database, so a revocation elsewhere stops the key at once', async () => {
    const firm = await createFirm(t.app);
    const cache = new CredentialCache(lookup, 0, () => 0);
    expect(await cache.find(firm.token)).toMatchObject({ firm: { id: firm.id }, actor: { kind: 'key', name: 'initial' } });
    await sql`update api_keys set revoked_at = now() where firm_id = ${firm.id}`.execute(t.storage.db);
    expect(await cache.find(firm.token)).toBeNull();
  });

  it('forgets everything at once when this server changes something, and never keeps an unknown token', async () => {
    const firm = await createFirm(t.app);
    const cache = new CredentialCache(lookup, 60_000, () => 0);
    expect(await cache.find('not-yet-a-key')).toBeNull();
    await sql`update api_keys set key_hash = ${hashToken('not-yet-a-key')} where firm_id = ${firm.id}`.execute(t.storage.db);
    expect(await cache.find('not-yet-a-key')).toMatchObject({ firm: { id: firm.id } });
    await sql`update firms set name = 'Renamed' where id = ${firm.id}`.execute(t.storage.db);
    cache.forget();
    expect(await cache.find('not-yet-a-key')).toMatchObject({ firm: { name: 'Renamed' } });
  });

  it('keeps nothing read by a lookup that a change on this server overtook', async () => {
    const firm = await createFirm(t.app);
    const cache = new CredentialCache(lookup, 60_000, () => 0);
    const reading = cache.find(firm.token); // its query is on its way
    cache.forget(); // a revocation answered here before the lookup's result came back
    await reading;
    await sql`update api_keys set revoked_at = now() where firm_id = ${firm.id}`.execute(t.storage.db);
    expect(await cache.find(firm.token)).toBeNull(); // asked again, not answered from memory
  });

  it('through the API: a rotated token stops working at once, and a PATCH applies to the next request', async () => {
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
