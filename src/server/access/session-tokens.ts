import { newToken } from '../security/tokens';

// A session's tokens say what they are: the lookup goes straight to the right table, and a leaked one is
// recognisable (API keys, like the firm tokens before them, are plain URL-safe base64 without a dot).
export const ACCESS_TOKEN_PREFIX = 'at.';
export const REFRESH_TOKEN_PREFIX = 'rt.';

export const newAccessToken = () => ACCESS_TOKEN_PREFIX + newToken();
export const newRefreshToken = () => REFRESH_TOKEN_PREFIX + newToken();
