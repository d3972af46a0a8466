import type { Server } from 'node:http';

/** How long a caller may hold a connection; DESIGN §9. Every figure is a setting (config.ts) with these defaults. */
export interface ConnectionLimits {
  /** Whole request, headers and body, from its first byte: a body trickled a byte at a time is cut off here (408, closed). */
  requestTimeoutMs: number;
  /** The request's headers, from the connection's first byte (slow-header attacks). At most `requestTimeoutMs`. */
  headersTimeoutMs: number;
  /** A socket with nothing received or sent for this long is closed; longer than any batch may wait for its turn. */
  idleTimeoutMs: number;
  /** Connections open at once; past it a new connection is closed as it arrives. */
  maxConnections: number;
}

// A 2 MB batch needs a few seconds on a slow office line; a minute is generous. The idle limit stays above the
// engine's longest wait (a batch waits up to 20 s for its predecessor) so a waiting batch is never cut off.
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 120_000,
  maxConnections: 1_000,
};

/**
 * Node checks the request and header timeouts on a timer (every 30 s by default), so a 1 s limit could hold a
 * connection for 31 s: check four times per limit, at most once a second.
 */
export function checkingIntervalMs(limits: ConnectionLimits): number {
  return Math.max(10, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}

/** The limits Fastify's options do not reach: they live on the Node server itself. */
export function applyConnectionLimits(server: Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.maxConnections = limits.maxConnections;
}
