import { createPortalClient, type FetchLike, type PortalClient, type RetryPolicy } from '../../../src/api';
import type { Client, ReportRow } from '../../../src/domain/api-types';
import { SERVER_ADMIN_TOKEN } from '../../support/built-server';

export const OWNER = 'owner@fault.test';
export const OFFICE = 'Main Office';

/** Quick retries so a test spends its time on faults, not on waiting; enough tries to ride out a restart. */
export const FAST_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 50, maxDelayMs: 400 };

export interface HttpFirm {
  id: string;
  token: string;
}

export async function createFirmOver(url: string, adminToken = SERVER_ADMIN_TOKEN): Promise<HttpFirm> {
  const res = await fetch(`${url}/api/v1/admin/firms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Fault Firm', offlineClientsEnabled: true, owners: [OWNER], offices: [OFFICE], users: ['staff@fault.test'] }),
  });
  if (res.status !== 201) throw new Error(`createFirm: ${res.status} ${await res.text()}`);
  return res.json() as Promise<HttpFirm>;
}

export function portalFor(url: string, firm: HttpFirm, options: { fetch?: FetchLike; retry?: RetryPolicy } = {}): PortalClient {
  return createPortalClient({ baseUrl: url, token: firm.token, fetch: options.fetch ?? ((u, init) => fetch(u, init)), retry: options.retry ?? FAST_RETRY });
}

/** Every profile of the firm, straight from the server (no faults in between). */
export async function allClients(url: string, firm: HttpFirm): Promise<Client[]> {
  return portalFor(url, firm).allClients({ limit: 1000 });
}

export async function reportOf(url: string, firm: HttpFirm, importId: string): Promise<ReportRow[]> {
  return portalFor(url, firm).report(importId);
}

/** `kind:taxClientId` keys that occur more than once: must always be empty. */
export function duplicateProfiles(clients: readonly Client[]): string[] {
  const seen = new Map<string, number>();
  for (const c of clients) seen.set(`${c.kind}:${c.taxClientId}`, (seen.get(`${c.kind}:${c.taxClientId}`) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([key]) => key);
}
