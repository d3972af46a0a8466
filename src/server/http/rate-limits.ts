/** Requests allowed per window; DESIGN §9. Every figure is a setting (config.ts) with these defaults. */
export interface RateLimits {
  windowMs: number;
  /** Requests from one address to routes that take no token (health, the OpenAPI document, invitations). */
  perAddress: number;
  /** Failed authentications from one address; past it the address gets 429 on token routes until the window ends. */
  failedAuthPerAddress: number;
  /** Requests with one firm token (or the admin token), batch PUTs included. */
  perToken: number;
  /** Batch PUTs to one import: an import sends its batches back to back, so this is its own, generous, bucket. */
  batchesPerImport: number;
}

// Sized so `npm run load` (20 clients sharing one firm token, 1,000-row batches as fast as the server answers)
// and the e2e tests never meet a limit: a 2-core server answers well under 100 batches a second.
export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowMs: 60_000,
  perAddress: 600,
  failedAuthPerAddress: 30,
  perToken: 6_000,
  batchesPerImport: 1_200,
};
