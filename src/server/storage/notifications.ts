import { Client } from 'pg';

/** Calls `onPayload` with each NOTIFY on `channel`, from any server on the database; returns the unsubscribe. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => () => void;

/**
 * LISTEN on a PostgreSQL connection of its own (a pooled one may be handed to a query at any time). It
 * connects on the first subscription; a lost connection is opened again on the next one, and until then
 * waiters fall back on their poll. Notifications only wake waiters early: nothing depends on receiving one.
 */
export function pgListener(connectionString: string): { listen: Listen; close(): Promise<void> } {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: Promise<Client> | null = null;
  let closed = false;

  const connect = () => {
    const c = new Client({ connectionString });
    c.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
    c.on('error', () => {
      client = null;
      // Listen again shortly; meanwhile the waiters poll.
      setTimeout(() => !closed && !client && handlers.size > 0 && void connect().catch(() => undefined), 1000).unref();
    });
    client = c.connect().then(async () => {
      for (const channel of handlers.keys()) await c.query(`listen "${channel}"`);
      return c;
    });
    client.catch(() => (client = null));
    return client;
  };

  return {
    listen(channel, onPayload) {
      const fresh = !handlers.has(channel);
      const set = handlers.get(channel) ?? new Set();
      handlers.set(channel, set.add(onPayload));
      if (!closed) {
        if (!client) void connect().catch(() => undefined);
        else if (fresh) void client.then((c) => c.query(`listen "${channel}"`)).catch(() => undefined);
      }
      return () => set.delete(onPayload);
    },
    async close() {
      closed = true;
      const c = await client?.catch(() => null);
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
