// Portal state a bench run starts from: a firm made through the admin route, and clients that
// have already accepted their invitation (Connected), so rows naming them get the exact §4 comment.
import { createPortalClient, runImport, type PortalClient } from '../../src/api';
import type { ClientRow } from '../../src/domain/api-types';
import { BENCH_FIRM } from './bench-sheet';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789-abcdefghij';

async function post<T = unknown>(url: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new firm; returns its id and token. */
export async function createBenchFirm(baseUrl: string, name = BENCH_FIRM.name): Promise<{ id: string; token: string }> {
  return post<{ id: string; token: string }>(`${baseUrl}/api/v1/admin/firms`, BENCH_ADMIN_TOKEN, { ...BENCH_FIRM, name });
}

/** Imports `ids` as invited standard clients and accepts every invitation: they end Connected. */
export async function connectClients(client: PortalClient, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows: ClientRow[] = ids.map((taxClientId, i) => ({
    row: i + 2,
    taxClientId,
    firstName: 'Connected',
    lastName: `Client${i}`,
    email: `connected.${i}@mail.test`,
    ownerEmail: BENCH_FIRM.owners[0],
    officeLocation: BENCH_FIRM.offices[0],
    isOffline: 'No',
  }));
  const { counts } = await runImport(client, { rows, sendInvitations: true, source: 'bench-setup' });
  if (counts.imported !== ids.length) throw new Error(`bench setup: ${counts.imported} of ${ids.length} connected clients imported`);
  const invited = await client.allClients({ status: 'Not Enrolled', limit: 1000 });
  for (const c of invited) {
    const token = c.invitationUrl?.split('/').pop();
    if (token) await post(`${client.baseUrl}/api/v1/invitations/${token}/accept`, null);
  }
  const connected = await client.allClients({ status: 'Connected', limit: 1000 });
  if (connected.length !== ids.length) throw new Error(`bench setup: ${connected.length} of ${ids.length} clients Connected`);
}

export function portalClient(baseUrl: string, token: string, fetchImpl?: Parameters<typeof createPortalClient>[0]['fetch']): PortalClient {
  return createPortalClient({ baseUrl, token, fetch: fetchImpl ?? ((url, init) => fetch(url, init)) });
}
