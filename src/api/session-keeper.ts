import type { SessionTokens } from '../domain/api-types';

/**
 * A signed-in person's tokens for the portal client: the access token to send, and a refresh when the
 * portal says it has expired. One refresh at a time: two refreshes with one refresh token would look like
 * a stolen copy to the portal, which then ends the session.
 */
export class SessionKeeper {
  private refreshing: Promise<boolean> | null = null;

  constructor(
    private tokens: SessionTokens,
    private readonly refreshWith: (refreshToken: string) => Promise<SessionTokens | null>,
    /** The new tokens after a refresh (save them), or null once the session is over. */
    private readonly onChange: (tokens: SessionTokens | null) => void,
  ) {}

  accessToken(): string {
    return this.tokens.accessToken;
  }

  /** The tokens now (after any refresh): what to save. */
  current(): SessionTokens {
    return this.tokens;
  }

  /** Buys a new pair with the refresh token; false when the session is over (sign in again). */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshWith(this.tokens.refreshToken)
      .then((next) => {
        if (next) this.tokens = next;
        this.onChange(next);
        return next !== null;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }
}
