// Attack 1 of issue 24: bodies (and headers) trickled a byte at a time held connections forever, with or without a
// token, and nothing capped how many connections one caller could open. Now the request and header timeouts close
// such sockets, and connections past the cap are closed as they arrive. Short limits here; the defaults are a minute.
import { firmToken, listen, probe, trickle, type Listening } from './support/listening';

const LIMITS = { requestTimeoutMs: 400, headersTimeoutMs: 400, idleTimeoutMs: 5_000, maxConnections: 6 };
// Long enough that a trickle outlives the limits many times over: finishing it means no limit acted.
const BODY = `{"rows":[${' '.repeat(300)}]}`;

let t: Listening;
let token: string;
beforeAll(async () => {
  t = await listen({ connectionLimits: LIMITS });
  token = await firmToken(t.app);
});
afterAll(async () => {
  await t?.close();
});

const head = (method: string, path: string, extra: string[] = []) =>
  [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json', `Content-Length: ${BODY.length}`, ...extra, '', ''].join('\r\n');

describe('slow uploads', () => {
  it('closes sockets trickling a body to the accept route (no token) and to a batch route (a firm token)', async () => {
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { authorization: `Bearer ${token}` }, payload: {} });
    const batch = `/api/v1/imports/${imported.json().id}/batches/1`;
    const targets = [
      head('POST', `/api/v1/invitations/${'a'.repeat(43)}/accept`),
      head('PUT', batch, [`Authorization: Bearer ${token}`]),
      head('PUT', batch, [`Authorization: Bearer ${token}`]),
    ];
    const probes = await Promise.all(targets.map(() => probe(t.port)));
    probes.forEach((p, i) => p.socket.write(targets[i]));
    const sent = await Promise.all(probes.map((p) => trickle(p, BODY, 20)));
    expect(sent.map((n) => n < BODY.length)).toEqual(targets.map(() => true));
    await Promise.all(probes.map((p) => p.closed));
    // Node answers 408 as it closes (or nothing, if the socket went first): never the route's own answer.
    for (const p of probes) expect(p.received).toMatch(/^(HTTP\/1\.1 408 .*)?$/s);
  });

  it('closes a socket trickling its headers', async () => {
    const p = await probe(t.port);
    const headers = `GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ${'a'.repeat(300)}\r\n\r\n`;
    const sent = await trickle(p, headers, 20);
    expect(sent).toBeLessThan(headers.length);
    await p.closed;
  });

  it('closes connections past the cap as they arrive, leaving the ones already open alone', async () => {
    const open = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => probe(t.port)));
    await Promise.all(open.map((p) => new Promise((r) => p.socket.write('G', r))));
    const extra = await probe(t.port);
    extra.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await Promise.race([extra.closed, new Promise((r) => extra.socket.once('data', r))]);
    expect({ closed: extra.isClosed(), received: extra.received }).toEqual({ closed: true, received: '' });
    expect(open.map((p) => p.isClosed())).toEqual(open.map(() => false));
    open.forEach((p) => p.socket.destroy());
    await Promise.all(open.map((p) => p.closed));
  });
});
