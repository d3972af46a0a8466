import { ApiError, NetworkError, plainMessage } from './api-errors';
import { createFakePortal, instantRetry, sampleRows } from './fake-portal.test-helper';
import { createPortalClient, type FetchLike } from './portal-client';

const answer =
  (status: number, body: string, type = 'application/json'): FetchLike =>
  async () =>
    new Response(body, { status, headers: { 'content-type': type } });

describe('createPortalClient', () => {
  it('sends the firm token and joins the base address without a double slash', async () => {
    const portal = createFakePortal();
    const client = createPortalClient({ baseUrl: 'https://portal.test/', token: 'tok-1', fetch: portal.fetch });
    await client.createImport({ sendInvitations: true });
    expect(portal.calls[0]).toMatchObject({
      method: 'POST',
      url: 'https://portal.test/api/v1/imports',
      headers: { Authorization: 'Bearer tok-1', 'Content-Type': 'application/json' },
      body: { sendInvitations: true },
    });
  });

  it('turns a problem+json answer into a plain sentence with the detail and no stack', async () => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Unknown field: colour\n    at Object.<anonymous> (x.js:1:1)',
    });
    const client = createPortalClient({ baseUrl: '', token: 't', fetch: answer(400, body, 'application/problem+json') });
    const error = await client.firm().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(plainMessage(error)).toBe('The portal refused the request: Unknown field: colour');
  });

  it('explains a rejected token', async () => {
    const client = createPortalClient({ baseUrl: '', token: 'bad', fetch: answer(401, '{"title":"Unauthorized","status":401,"detail":"x"}') });
    await expect(client.firm()).rejects.toThrow(
      'You are not signed in: the session ended or the API key was not accepted. Sign in again, or check the key in Connect.',
    );
  });

  it('copes with a non-JSON error page after retrying it', async () => {
    const { policy, delays } = instantRetry(3);
    const client = createPortalClient({ baseUrl: '', token: 't', fetch: answer(502, '<html>Bad gateway</html>', 'text/html'), retry: policy });
    await expect(client.firm()).rejects.toThrow('The portal had a problem (502). Try again in a moment.');
    expect(delays).toHaveLength(2);
  });

  it('reports an unreachable portal by its address', async () => {
    const { policy } = instantRetry(2);
    const client = createPortalClient({
      baseUrl: 'https://nowhere.test',
      token: 't',
      retry: policy,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await client.firm().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(plainMessage(error)).toBe('Cannot reach the portal at https://nowhere.test. Check the address and your connection.');
  });

  it('sends rows as {"rows":[…]} and a planned batch with its body as it is, on every try', async () => {
    const portal = createFakePortal();
    const client = createPortalClient({ baseUrl: '', token: 't', fetch: portal.fetch, retry: instantRetry().policy });
    const { id } = await client.createImport({});
    const rows = sampleRows(2);
    await client.putBatch(id, 1, rows);
    // A body that differs from what the client would write shows it goes out as given.
    const body = ` ${JSON.stringify({ rows: sampleRows(1, 10) })}`;
    portal.faults.push(503);
    await client.putBatch(id, 2, { rows: sampleRows(1, 10), body }, undefined, 1);
    const puts = portal.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.rawBody)).toEqual([JSON.stringify({ rows }), body, body]);
    expect(puts[2].url).toBe('/api/v1/imports/imp-1/batches/2?after=1');
  });

  it('calls fetch unbound, as window.fetch requires', async () => {
    const portal = createFakePortal();
    const client = createPortalClient({ baseUrl: '', token: 't', fetch: portal.fetch });
    await expect(client.createImport({})).resolves.toEqual({ id: 'imp-1', status: 'open' });
  });

  it('follows next cursors to list every client', async () => {
    const pages: Record<string, unknown> = {
      '': { clients: [{ taxClientId: 'A' }], next: 'c2' },
      c2: { clients: [{ taxClientId: 'B' }], next: null },
    };
    const urls: string[] = [];
    const fetch: FetchLike = async (url) => {
      urls.push(url);
      const cursor = new URL(url, 'http://x').searchParams.get('cursor') ?? '';
      return new Response(JSON.stringify(pages[cursor]), { status: 200 });
    };
    const client = createPortalClient({ baseUrl: 'http://p', token: 't', fetch });
    const all = await client.allClients({ kind: 'standard', limit: 1 });
    expect(all.map((c) => c.taxClientId)).toEqual(['A', 'B']);
    expect(urls[1]).toBe('http://p/api/v1/clients?kind=standard&limit=1&cursor=c2');
  });
});
