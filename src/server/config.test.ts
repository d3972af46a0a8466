import { DEFAULT_CONNECTION_LIMITS } from './http/connection-limits';
import { DEFAULT_RATE_LIMITS } from './http/rate-limits';
import { MIN_ADMIN_TOKEN_CHARS, optionsFromEnv, requirePublicOrigin } from './config';

const env = (extra: Record<string, string>) => optionsFromEnv({ NODE_ENV: 'production', ...extra }, '/srv/portal');

describe('optionsFromEnv', () => {
  it('refuses an ADMIN_TOKEN shorter than 32 characters, saying how long it must be and never echoing it', () => {
    const short = 'x'.repeat(MIN_ADMIN_TOKEN_CHARS - 1);
    expect(() => env({ ADMIN_TOKEN: short })).toThrow(/ADMIN_TOKEN must be at least 32 characters \(it has 31\)/);
    expect(() => env({ ADMIN_TOKEN: short })).not.toThrow(new RegExp(short));
    expect(env({ ADMIN_TOKEN: 'y'.repeat(MIN_ADMIN_TOKEN_CHARS) }).adminToken).toHaveLength(32);
    expect(env({}).adminToken).toBeUndefined();
  });

  it('reads TRUST_PROXY as Fastify takes it', () => {
    expect(env({}).trustProxy).toBeUndefined();
    expect(env({ TRUST_PROXY: 'false' }).trustProxy).toBeUndefined();
    expect(env({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(env({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(env({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
  });

  it('has generous rate limits by default and takes each from the environment', () => {
    expect(env({}).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(env({ RATE_LIMIT_PER_TOKEN: '50', RATE_LIMIT_WINDOW_MS: '1000' }).rateLimits).toMatchObject({ perToken: 50, windowMs: 1000 });
    expect(() => env({ RATE_LIMIT_FAILED_AUTH: 'lots' })).toThrow(/RATE_LIMIT_FAILED_AUTH must be a whole number/);
    expect(() => env({ RATE_LIMIT_PER_ADDRESS: '0' })).toThrow(/RATE_LIMIT_PER_ADDRESS/);
  });

  it('takes extra frame ancestors as https origins only (they go into a header)', () => {
    expect(env({ FRAME_ANCESTORS: 'https://oos.firm.example, https://*.wopi.example:8443' }).frameAncestors).toEqual([
      'https://oos.firm.example',
      'https://*.wopi.example:8443',
    ]);
    expect(() => env({ FRAME_ANCESTORS: "https://a.example; script-src 'unsafe-eval'" })).toThrow(/FRAME_ANCESTORS/);
    expect(() => env({ FRAME_ANCESTORS: 'http://plain.example' })).toThrow(/FRAME_ANCESTORS/);
  });

  it('has connection limits by default, each from the environment, headers within the request', () => {
    expect(env({}).connectionLimits).toEqual(DEFAULT_CONNECTION_LIMITS);
    expect(env({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '2000', MAX_CONNECTIONS: '50' }).connectionLimits).toMatchObject({
      requestTimeoutMs: 5000,
      headersTimeoutMs: 2000,
      maxConnections: 50,
    });
    expect(() => env({ REQUEST_TIMEOUT_MS: '5000' })).toThrow(/HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS/);
    expect(() => env({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS must be a whole number of at least 1/);
  });

  it('takes PUBLIC_ORIGIN as an origin only, and production off loopback needs one (invitation links never follow Host)', () => {
    expect(env({ PUBLIC_ORIGIN: 'https://portal.example.com:8443' }).publicOrigin).toBe('https://portal.example.com:8443');
    expect(() => env({ PUBLIC_ORIGIN: 'https://portal.example.com/path' })).toThrow(/PUBLIC_ORIGIN is an origin like/);
    expect(() => env({ PUBLIC_ORIGIN: 'javascript:alert(1)' })).toThrow(/PUBLIC_ORIGIN is an origin like/);
    expect(() => requirePublicOrigin(env({ HOST: '0.0.0.0' }))).toThrow(/PUBLIC_ORIGIN must be set when the server listens on 0\.0\.0\.0/);
    expect(() => requirePublicOrigin(env({ HOST: '10.0.0.5' }))).toThrow(/PUBLIC_ORIGIN must be set/);
    // Only this machine reaches a loopback server: its own listening origin stands in (npm run serve out of the box).
    expect(requirePublicOrigin(env({})).publicOrigin).toBeUndefined();
    expect(requirePublicOrigin(env({ HOST: '::1' })).publicOrigin).toBeUndefined();
    expect(requirePublicOrigin(env({ PUBLIC_ORIGIN: 'https://p.example' })).publicOrigin).toBe('https://p.example');
    expect(requirePublicOrigin(optionsFromEnv({ NODE_ENV: 'development' }, '/srv')).publicOrigin).toBeUndefined();
  });

  it('is production unless NODE_ENV says otherwise', () => {
    expect(env({}).development).toBe(false);
    expect(optionsFromEnv({ NODE_ENV: 'development' }, '/srv').development).toBe(true);
  });
});
