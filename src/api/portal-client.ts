import type {
  ActivityEvent,
  Client,
  ClientRow,
  Firm,
  ImportCounts,
  ImportJob,
  ImportListItem,
  InvitationResult,
  Me,
  ReportRow,
  RowResult,
} from '../domain/api-types';
import { ApiError, CancelledError, NetworkError, isProblem, messageForStatus } from './api-errors';
import type { WireBatch } from './batch-plan';
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface PortalClientOptions {
  /** e.g. `https://localhost:3000`; empty means the pane's own origin. */
  baseUrl: string;
  /** An API key; ignored when `session` is given. */
  token: string;
  /** A signed-in person's tokens: sent instead of `token`, refreshed once when the portal answers 401. */
  session?: { accessToken(): string; refresh(): Promise<boolean> };
  fetch: FetchLike;
  retry?: RetryPolicy;
}

export interface ClientQuery {
  taxClientId?: string;
  kind?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

export interface PortalClient {
  readonly baseUrl: string;
  health(signal?: AbortSignal): Promise<{ status: string; storage: string }>;
  firm(signal?: AbortSignal): Promise<Firm>;
  /** Who is calling: the firm, and the person (or API key) with their role. */
  me(signal?: AbortSignal): Promise<Me>;
  /** The firm's newest recorded actions (admins only: 403 for others). */
  activity(signal?: AbortSignal): Promise<ActivityEvent[]>;
  /** Ends the person's session (an API key cannot sign out). */
  signOut(): Promise<void>;
  createImport(input: { source?: string; sendInvitations?: boolean }, signal?: AbortSignal): Promise<{ id: string; status: string }>;
  /**
   * `after`: the batch this one follows; the portal applies it only once that one is stored.
   * `batch`: the rows, or a planned batch whose body is already serialised (see ImportPlanner).
   */
  putBatch(importId: string, seq: number, batch: readonly ClientRow[] | WireBatch, signal?: AbortSignal, after?: number): Promise<RowResult[]>;
  completeImport(importId: string, signal?: AbortSignal): Promise<{ id: string; status: string; counts: ImportCounts }>;
  getImport(importId: string, signal?: AbortSignal): Promise<ImportJob>;
  report(importId: string, signal?: AbortSignal): Promise<ReportRow[]>;
  reportXlsx(importId: string, signal?: AbortSignal): Promise<ArrayBuffer>;
  clients(query: ClientQuery, signal?: AbortSignal): Promise<{ clients: Client[]; next: string | null }>;
  /** Every client matching `query`, following `next` cursors. */
  allClients(query: Omit<ClientQuery, 'cursor'>, signal?: AbortSignal): Promise<Client[]>;
  templateXlsx(signal?: AbortSignal): Promise<ArrayBuffer>;
  /** The firm's past imports, newest first, a page at a time. */
  imports(page: { limit?: number; cursor?: string }, signal?: AbortSignal): Promise<{ imports: ImportListItem[]; next: string | null }>;
  /** Invites Not Invited clients (`resend`: a fresh link for Not Enrolled ones), in requests of at most 1,000 IDs. */
  invite(taxClientIds: readonly string[], options?: { resend?: boolean }, signal?: AbortSignal): Promise<InvitationResult[]>;
}

const INVITE_BATCH = 1000;

/** The add-in's HTTP client for the portal (DESIGN §6). Every call retries network errors and 5xx. */
export function createPortalClient(options: PortalClientOptions): PortalClient {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  // Called unbound: window.fetch throws "Illegal invocation" when called as a method of another object.
  const doFetch = options.fetch;
  const policy = options.retry ?? DEFAULT_RETRY;

  /** `json`: the request body, serialised. */
  async function send(method: string, path: string, json: string | undefined, signal: AbortSignal | undefined, fresh = false): Promise<Response> {
    const token = options.session ? options.session.accessToken() : options.token;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/v1${path}`, { method, headers, body: json, signal });
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      throw new NetworkError(`Cannot reach the portal at ${baseUrl || 'this address'}. Check the address and your connection.`, {
        cause: error,
      });
    }
    // A session's access token lives 10 minutes: on 401 buy the next one once and send again.
    if (response.status === 401 && options.session && !fresh && (await options.session.refresh())) return send(method, path, json, signal, true);
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  // A connection cut while the answer's body arrives is as retryable as one cut before the answer.
  async function read<T>(response: Response, as: 'json' | 'arrayBuffer', signal: AbortSignal | undefined): Promise<T> {
    try {
      return (await response[as]()) as T;
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      if (error instanceof SyntaxError) throw error;
      throw new NetworkError('The connection to the portal was cut before its answer arrived.', { cause: error });
    }
  }

  // Serialised once, not again on every retry.
  const callJson = <T>(method: string, path: string, json: string | undefined, signal?: AbortSignal): Promise<T> =>
    withRetry(async () => read<T>(await send(method, path, json, signal), 'json', signal), policy, signal);
  const call = <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> =>
    callJson<T>(method, path, body === undefined ? undefined : JSON.stringify(body), signal);
  const binary = (path: string, signal?: AbortSignal): Promise<ArrayBuffer> =>
    withRetry(async () => read<ArrayBuffer>(await send('GET', path, undefined, signal), 'arrayBuffer', signal), policy, signal);
  const id = encodeURIComponent;

  const query = (values: object) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
    const qs = params.toString();
    return qs ? `?${qs}` : '';
  };
  const clients = (q: ClientQuery, signal?: AbortSignal) => call<{ clients: Client[]; next: string | null }>('GET', `/clients${query(q)}`, undefined, signal);

  return {
    baseUrl,
    health: (signal) => call('GET', '/health', undefined, signal),
    firm: (signal) => call('GET', '/firm', undefined, signal),
    me: (signal) => call('GET', '/me', undefined, signal),
    activity: async (signal) => (await call<{ events: ActivityEvent[] }>('GET', '/firm/activity', undefined, signal)).events,
    signOut: async () => void (await send('POST', '/auth/sign-out', undefined, undefined)),
    createImport: (input, signal) => call('POST', '/imports', input, signal),
    putBatch: async (importId, seq, batch, signal, after) => {
      const path = `/imports/${id(importId)}/batches/${seq}${after === undefined ? '' : `?after=${after}`}`;
      const json = 'body' in batch ? batch.body : JSON.stringify({ rows: batch });
      return (await callJson<{ results: RowResult[] }>('PUT', path, json, signal)).results;
    },
    completeImport: (importId, signal) => call('POST', `/imports/${id(importId)}/complete`, undefined, signal),
    getImport: (importId, signal) => call('GET', `/imports/${id(importId)}`, undefined, signal),
    report: async (importId, signal) => (await call<{ rows: ReportRow[] }>('GET', `/imports/${id(importId)}/report`, undefined, signal)).rows,
    reportXlsx: (importId, signal) => binary(`/imports/${id(importId)}/report.xlsx`, signal),
    clients,
    allClients: async (query, signal) => {
      const all: Client[] = [];
      let cursor: string | undefined;
      do {
        const page = await clients({ ...query, cursor }, signal);
        all.push(...page.clients);
        cursor = page.next ?? undefined;
      } while (cursor);
      return all;
    },
    templateXlsx: (signal) => binary('/template.xlsx', signal),
    imports: (page, signal) => call('GET', `/imports${query(page)}`, undefined, signal),
    invite: async (taxClientIds, options = {}, signal) => {
      const path = options.resend ? '/clients/invitations/resend' : '/clients/invitations';
      const results: InvitationResult[] = [];
      for (let i = 0; i < taxClientIds.length; i += INVITE_BATCH) {
        const answer = await call<{ results: InvitationResult[] }>('POST', path, { taxClientIds: taxClientIds.slice(i, i + INVITE_BATCH) }, signal);
        results.push(...answer.results);
      }
      return results;
    },
  };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone makes the message.
  }
  const problem = isProblem(body) ? body : null;
  return new ApiError(messageForStatus(response.status, problem), response.status, problem);
}
