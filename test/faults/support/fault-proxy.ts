import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request:
 * - `pass`: forward it and the answer untouched;
 * - `drop-before`: close the client's socket without forwarding (the server never saw it);
 * - `drop-after`: forward, let the server answer in full, then close the client's socket
 *   (the server applied it, the client never hears so);
 * - `cut-response`: forward, send the client the status line and half the body, then close;
 * - `502` / `503`: answer that status without forwarding (502 as an HTML page, as a gateway would).
 */
export type Fault = 'pass' | 'drop-before' | 'drop-after' | 'cut-response' | 502 | 503;

/** Picks the fault for a request; `attempt` counts earlier requests with the same method and path (1-based). */
export type FaultPlan = (request: { method: string; path: string; attempt: number }) => Fault;

export interface FaultLogEntry {
  method: string;
  path: string;
  attempt: number;
  fault: Fault;
  /** Upstream status when the request was forwarded. */
  upstream?: number;
}

/** Called once a forwarded request has been handed to the server in full (e.g. to crash it right then). */
export type OnForwarded = (entry: FaultLogEntry) => void;

export interface FaultProxy {
  url: string;
  log: FaultLogEntry[];
  setPlan(plan: FaultPlan): void;
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of `target` that injects faults by plan. */
export async function startFaultProxy(target: string, plan: FaultPlan, onForwarded?: OnForwarded): Promise<FaultProxy> {
  const upstream = new URL(target);
  const attempts = new Map<string, number>();
  const log: FaultLogEntry[] = [];
  let current = plan;

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const key = `${method} ${path}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const fault = current({ method, path, attempt });
    const entry: FaultLogEntry = { method, path, attempt, fault };
    log.push(entry);

    if (fault === 'drop-before') return void req.socket.destroy();
    if (fault === 502 || fault === 503) return void answerStatus(req, res, fault);
    forward(req, res, upstream, fault, entry, onForwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setPlan: (next) => {
      current = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerStatus(req: IncomingMessage, res: ServerResponse, status: 502 | 503): void {
  // Read the body first so the client is not cut off mid-upload; the answer is what it should see.
  req.resume();
  req.on('end', () => {
    if (status === 502) {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    } else {
      res
        .writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '0' })
        .end(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'injected by the fault proxy' }));
    }
  });
}

function forward(req: IncomingMessage, res: ServerResponse, upstream: URL, fault: Fault, entry: FaultLogEntry, onForwarded?: OnForwarded): void {
  const headers = { ...req.headers, host: upstream.host };
  const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
    entry.upstream = answer.statusCode;
    const chunks: Buffer[] = [];
    answer.on('data', (c: Buffer) => chunks.push(c));
    answer.on('end', () => {
      const body = Buffer.concat(chunks);
      if (fault === 'drop-after') return void req.socket.destroy();
      const { 'transfer-encoding': _te, connection: _c, ...rest } = answer.headers;
      if (fault === 'cut-response') {
        res.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        return void setImmediate(() => req.socket.destroy());
      }
      res.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': String(body.length) }).end(body);
    });
  });
  out.on('error', () => req.socket.destroy());
  out.on('finish', () => onForwarded?.(entry));
  req.pipe(out);
}
