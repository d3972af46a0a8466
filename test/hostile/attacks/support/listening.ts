// The app listening on 127.0.0.1 (a random port) on in-memory PGlite, for attacks that need real sockets.
import { connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../../../src/server/app';
import { openStorage } from '../../../../src/server/storage/database';

export const ADMIN = 'attack-admin-token-0123456789abcdef';

export interface Listening {
  app: FastifyInstance;
  port: number;
  close(): Promise<void>;
}

export async function listen(deps: Partial<AppDeps> = {}): Promise<Listening> {
  const storage = await openStorage({});
  const app = await buildApp({ db: storage.db, storage: storage.kind, adminToken: ADMIN, publicOrigin: 'https://portal.test', ...deps });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    port,
    close: async () => {
      await app.close();
      await storage.db.destroy();
    },
  };
}

/** A firm's bearer token, made through the admin route. */
export async function firmToken(app: FastifyInstance): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/firms',
    headers: { authorization: `Bearer ${ADMIN}` },
    payload: { name: 'Attacked Firm', owners: ['owner@firm.test'], offices: ['Main Office'] },
  });
  if (res.statusCode !== 201) throw new Error(`firmToken: ${res.statusCode} ${res.body}`);
  return res.json().token;
}

/** An open socket to the server, recording whether the server closed it and what it answered. */
export interface Probe {
  socket: Socket;
  received: string;
  closed: Promise<void>;
  isClosed(): boolean;
}

export function probe(port: number): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let closed = false;
    const result: Probe = {
      socket,
      received: '',
      closed: new Promise((done) => socket.once('close', () => done())),
      isClosed: () => closed,
    };
    socket.on('data', (chunk) => (result.received += chunk.toString()));
    socket.on('error', () => undefined); // a reset by the server is a close here
    socket.once('close', () => (closed = true));
    socket.once('connect', () => resolve(result));
    socket.once('error', reject);
  });
}

/**
 * Writes `text` one byte per `everyMs` until it is all sent or the server closes the socket;
 * resolves to how many bytes went out before the close (`text.length`: the server never closed it).
 */
export async function trickle(p: Probe, text: string, everyMs: number): Promise<number> {
  for (let i = 0; i < text.length; i++) {
    if (p.isClosed() || p.socket.destroyed) return i;
    p.socket.write(text[i]);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return text.length;
}
