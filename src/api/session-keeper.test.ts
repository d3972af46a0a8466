import { createPortalClient, type FetchLike } from './portal-client';
import { SessionKeeper } from './session-keeper';

const FIRM = { id: 'f1', name: 'Firm', offlineClientsEnabled: false, owners: [], offices: [] };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A portal whose live access token is `live`; every other token gets 401. */
function portal(live: { token: string }) {
  const seen: string[] = [];
  const fetch: FetchLike = async (_url, init) => {
    const token = String((init?.headers as Record<string, string>).Authorization).replace('Bearer ', '');
    seen.push(token);
    return token === live.token ? json(200, FIRM) : json(401, { type: 'urn:problem:unauthorized', title: 'Unauthorized', status: 401, detail: 'expired' });
  };
  return { fetch, seen };
}

describe('a signed-in person’s session in the portal client', () => {
  it('on 401 buys the next pair once, even for calls in flight together, saves it and sends again', async () => {
    const live = { token: 'at.old' };
    const { fetch, seen } = portal(live);
    const refreshes: string[] = [];
    const saved: unknown[] = [];
    const keeper = new SessionKeeper(
      { accessToken: 'at.old', refreshToken: 'rt.1' },
      async (refreshToken) => {
        refreshes.push(refreshToken);
        return { accessToken: 'at.new', refreshToken: 'rt.2' };
      },
      (tokens) => saved.push(tokens),
    );
    live.token = 'at.new';
    const client = createPortalClient({ baseUrl: '', token: '', session: keeper, fetch });
    await expect(Promise.all([client.firm(), client.firm(), client.firm()])).resolves.toEqual([FIRM, FIRM, FIRM]);
    expect(refreshes).toEqual(['rt.1']);
    expect(saved).toEqual([{ accessToken: 'at.new', refreshToken: 'rt.2' }]);
    expect(seen.filter((t) => t === 'at.new')).toHaveLength(3);
  });

  it('a refused refresh ends the session: the call fails with 401, nothing loops, and the pane forgets the tokens', async () => {
    const { fetch, seen } = portal({ token: 'at.never' });
    const saved: unknown[] = [];
    const keeper = new SessionKeeper(
      { accessToken: 'at.old', refreshToken: 'rt.1' },
      async () => null,
      (tokens) => saved.push(tokens),
    );
    const client = createPortalClient({ baseUrl: '', token: '', session: keeper, fetch });
    await expect(client.firm()).rejects.toMatchObject({ status: 401 });
    expect(saved).toEqual([null]);
    expect(seen).toEqual(['at.old']);
  });

  it('after a refresh, a second 401 is the answer (one refresh per call)', async () => {
    const { fetch, seen } = portal({ token: 'at.never' });
    let n = 0;
    const keeper = new SessionKeeper(
      { accessToken: 'at.0', refreshToken: 'rt.0' },
      async () => ({ accessToken: `at.${++n}`, refreshToken: `rt.${n}` }),
      () => undefined,
    );
    const client = createPortalClient({ baseUrl: '', token: '', session: keeper, fetch, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    await expect(client.firm()).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual(['at.0', 'at.1']);
  });
});
