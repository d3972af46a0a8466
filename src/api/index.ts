export { ApiError, CancelledError, NetworkError, isRetryable, plainMessage } from './api-errors';
export { planBatches, rowsFingerprint } from './batch-plan';
export { canResume, runImport, type ImportOutcome, type ImportProgress, type ImportState, type RunImportOptions } from './import-runner';
export { createPortalClient, type ClientQuery, type FetchLike, type PortalClient, type PortalClientOptions } from './portal-client';
export { DEFAULT_RETRY, backoffDelay, type RetryPolicy } from './retry';
export { SessionKeeper } from './session-keeper';
export { createSignInClient, type SignInClient } from './sign-in-client';
