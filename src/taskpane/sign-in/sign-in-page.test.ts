import type { FetchLike } from '../../api';
import { runSignInPage, type SignInDialogResult } from './sign-in-page';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function page(search: string, answer: (path: string, body: unknown) => Response) {
  const posted: { path: string; body: unknown }[] = [];
  const went: string[] = [];
  const messages: SignInDialogResult[] = [];
  const fetch: FetchLike = async (url, init) => {
    const body = JSON.parse(String(init?.body));
    posted.push({ path: String(url), body });
    return answer(String(url), body);
  };
  const run = () => runSignInPage({ search, fetch, go: (url) => went.push(url), messageParent: (m) => messages.push(JSON.parse(m)), say: () => undefined });
  return { run, posted, went, messages };
}

describe('the sign-in dialog page', () => {
  it('opened with an address, starts the sign-in and goes to the provider without messaging the pane', async () => {
    const p = page('?email=pat%40firm.test', () => json(200, { authorizationUrl: 'https://idp.test/authorize?x=1' }));
    await p.run();
    expect(p.posted).toEqual([{ path: '/api/v1/auth/oidc/start', body: { email: 'pat@firm.test' } }]);
    expect(p.went).toEqual(['https://idp.test/authorize?x=1']);
    expect(p.messages).toEqual([]);
  });

  it('back from the provider, has the portal finish and hands the tokens to the pane', async () => {
    const p = page('?code=c1&state=s1&iss=https%3A%2F%2Fidp.test', () => json(200, { accessToken: 'at.1', refreshToken: 'rt.1', tokenType: 'Bearer' }));
    await p.run();
    expect(p.posted).toEqual([{ path: '/api/v1/auth/oidc/finish', body: { code: 'c1', state: 's1', iss: 'https://idp.test' } }]);
    expect(p.messages).toEqual([{ ok: true, accessToken: 'at.1', refreshToken: 'rt.1' }]);
  });

  it('tells the pane why not: the portal’s refusal, or the provider’s error', async () => {
    const refused = page('?code=c1&state=s1', () => json(403, { detail: 'pat@firm.test is not a member of this firm' }));
    await refused.run();
    expect(refused.messages).toEqual([{ ok: false, error: 'pat@firm.test is not a member of this firm' }]);
    const denied = page('?error=access_denied&error_description=User%20cancelled', () => json(500, {}));
    await denied.run();
    expect(denied.posted).toEqual([]);
    expect(denied.messages).toEqual([{ ok: false, error: 'The identity provider did not sign you in: User cancelled' }]);
  });
});
