import type { FetchLike } from '../../api';

/** What the dialog hands the pane through messageParent (JSON): the session's tokens, or why not. */
export type SignInDialogResult = { ok: true; accessToken: string; refreshToken: string } | { ok: false; error: string };

export interface SignInPage {
  /** The page's query: `?email=` to start, or what the provider sent back (`code`, `state`, `iss`, or `error`). */
  search: string;
  fetch: FetchLike;
  /** Leaves for the provider's sign-in page. */
  go(url: string): void;
  /** Office.context.ui.messageParent. */
  messageParent(message: string): void;
  say(text: string): void;
}

async function post(page: SignInPage, path: string, body: unknown): Promise<Record<string, string>> {
  const response = await page.fetch(`/api/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, string>;
  if (!response.ok) throw new Error(answer.detail || `The portal answered ${response.status}`);
  return answer;
}

/**
 * The sign-in dialog (DESIGN §6): opened by the pane with the person's address, it asks the portal to start
 * a sign-in with the firm's identity provider and goes there; the provider sends the person back here with
 * a code, which the portal exchanges for the server's own session; the result goes to the pane.
 */
export async function runSignInPage(page: SignInPage): Promise<void> {
  const query = new URLSearchParams(page.search);
  const done = (result: SignInDialogResult) => {
    page.say(result.ok ? 'Signed in. You can close this window.' : result.error);
    page.messageParent(JSON.stringify(result));
  };
  try {
    if (query.has('error')) {
      done({ ok: false, error: `The identity provider did not sign you in: ${query.get('error_description') || query.get('error')}` });
    } else if (query.has('code')) {
      page.say('Finishing sign-in…');
      const iss = query.get('iss');
      const pair = await post(page, '/auth/oidc/finish', { code: query.get('code'), state: query.get('state') ?? '', ...(iss ? { iss } : {}) });
      done({ ok: true, accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    } else {
      page.say('Opening your firm’s sign-in page…');
      page.go((await post(page, '/auth/oidc/start', { email: query.get('email') ?? '' })).authorizationUrl);
    }
  } catch (error) {
    done({ ok: false, error: error instanceof Error ? error.message : 'Sign-in failed.' });
  }
}
