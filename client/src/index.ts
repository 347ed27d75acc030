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
} from './client';
export { credentialsFromClientCredentials, credentialsFromSfOrg, type SfRunner } from './auth';
export { planBatches, DEFAULT_MAX_REQUEST_BYTES, MAX_CONVERSATIONS_PER_REQUEST } from './batching';
export { KondoApiError, KondoClientError, toApiError, type ClientErrorCode } from './errors';
export { backoffDelay, DEFAULT_RETRY, LOCK_ERROR_CODE, RETRYABLE_STATUSES } from './retry';
export { fetchTransport, type HttpRequest, type HttpResponse, type Transport } from './transport';
export type * from './types';
