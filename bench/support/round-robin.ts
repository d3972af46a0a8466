// DESIGN §8 scale-out: a round-robin balancer in front of API servers, as small as one can be: each
// request goes to the next server in turn, whole (method, path, headers, body), and its answer comes back.
import http from 'node:http';

export interface Balancer {
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 and hands requests to `upstreams` in turn (the same URL twice: every request to one server). */
export async function roundRobin(upstreams: readonly string[]): Promise<Balancer> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? '/', upstreams[next++ % upstreams.length]);
    const upstream = http.request(target, { method: request.method, headers: request.headers, agent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
