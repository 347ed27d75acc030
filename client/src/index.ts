// The Kondo for Salesforce client library: see docs/INTEGRATORS.md.
export {
  KondoClient,
  DEFAULT_API_PATH,
  MAX_PROFILES_PER_REQUEST,
  toInputPath,
  type Credentials,
  type KondoClientOptions,
  type PushOutcome,
  type PushProgress,
  type PushReport,
  type ReconcileOutcome,
  type ReconcileReport,
  type ResyncOutcome,
  type ResyncProgress,
  type ResyncReport,
  type ResyncStatus,
} from './client';
export { credentialsFromClientCredentials, credentialsFromSfOrg, type SfRunner } from './auth';
export {
  planBatches,
  splitHeld,
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_CONVERSATIONS_PER_REQUEST,
  MAX_RECONCILE_CONVERSATIONS,
  MAX_RECONCILE_MESSAGES,
} from './batching';
export { messageHash, gapPush } from './reconcile';
export { KondoApiError, KondoClientError, toApiError, type ClientErrorCode } from './errors';
export { backoffDelay, DEFAULT_RETRY, LOCK_ERROR_CODE, RETRYABLE_STATUSES } from './retry';
export { fetchTransport, type HttpRequest, type HttpResponse, type Transport } from './transport';
export type * from './types';
