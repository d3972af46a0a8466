import type { SessionTokens } from '../domain/api-types';
import { ApiError, NetworkError, isProblem, messageForStatus } from './api-errors';
import type { FetchLike } from './portal-client';

/** The portal's sign-in calls, made before there is any token (DESIGN §6). */
export interface SignInClient {
  /** E-mails a one-time code to this address if it is a firm user's (the answer is the same either way). */
  requestCode(email: string): Promise<void>;
  signInWithCode(email: string, code: string): Promise<SessionTokens>;
  /** The next pair for a refresh token; null when the portal refuses it (expired, signed out, reused). */
  refresh(refreshToken: string): Promise<SessionTokens | null>;
}

export function createSignInClient(baseUrl: string, fetch: FetchLike): SignInClient {
  const root = baseUrl.trim().replace(/\/+$/, '');
  async function post(path: string, body: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${root}/api/v1${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkError(`Cannot reach the portal at ${root || 'this address'}. Check the address and your connection.`, { cause: error });
    }
    if (response.ok) return response;
    const problem = await response.json().catch(() => null);
    const detail = isProblem(problem) ? problem : null;
    // A refused code is not an expired session: say what the portal said.
    throw new ApiError(response.status === 401 && detail ? detail.detail : messageForStatus(response.status, detail), response.status, detail);
  }
  const tokens = async (response: Response): Promise<SessionTokens> => {
    const { accessToken, refreshToken } = (await response.json()) as SessionTokens;
    return { accessToken, refreshToken };
  };
  return {
    requestCode: async (email) => void (await post('/auth/code', { email: email.trim() })),
    signInWithCode: async (email, code) => tokens(await post('/auth/code/sign-in', { email: email.trim(), code: code.trim() })),
    refresh: async (refreshToken) => {
      try {
        return await tokens(await post('/auth/refresh', { refreshToken }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  };
}
