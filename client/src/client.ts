// KondoClient: push conversations, look up profiles, read settings, over the Apex REST API
// described in docs/api/openapi.yaml. Pushes of any size are split into accepted requests and
// sent one after another (parallel requests on the same records would only contend for locks).
import { randomUUID } from 'node:crypto';
import { planBatches, DEFAULT_MAX_REQUEST_BYTES, MAX_CONVERSATIONS_PER_REQUEST } from './batching';
import { KondoApiError, KondoClientError, toApiError } from './errors';
import {
  backoffDelay,
  DEFAULT_RETRY,
  LOCK_ERROR_CODE,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  type RetryPolicy,
} from './retry';
import { fetchTransport, type HttpResponse, type Transport } from './transport';
import type {
  Conversation,
  ConversationResult,
  ConversationsResponse,
  ConversationStatus,
  LookupProfile,
  LookupResponse,
  LookupResult,
  SettingsResponse,
} from './types';

export const MAX_PROFILES_PER_REQUEST = 200;
/** Where the package's REST resources live under the instance URL (namespace kondo). */
export const DEFAULT_API_PATH = '/services/apexrest/kondo';

export interface Credentials {
  instanceUrl: string;
  accessToken: string;
}

export interface KondoClientOptions {
  credentials: Credentials;
  /** Called once when the API answers 401, to get a fresh token (client credentials flow). */
  refreshCredentials?: () => Promise<Credentials>;
  /** Full base URL of the API; defaults to instanceUrl + /services/apexrest/kondo. */
  baseUrl?: string;
  transport?: Transport;
  retry?: Partial<RetryPolicy>;
  maxRequestBytes?: number;
  /** Extra headers on every request (a proxy's, or a mock server's Prefer). */
  headers?: Record<string, string>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** One input conversation's outcome: the API's result, or why it has none. */
export interface PushOutcome {
  /** Position in the pushed array. */
  index: number;
  conversationId: string | null;
  status: ConversationStatus;
  errorCode: string | null;
  errorMessage: string | null;
  /** The API's result; null when the conversation was never accepted by a request. */
  result: ConversationResult | null;
  /** Times the conversation was sent: more than 1 when it was sent again after a row-lock failure. */
  attempts: number;
}

export interface PushProgress {
  done: number;
  total: number;
  requests: number;
}

export interface PushReport {
  outcomes: PushOutcome[];
  counts: Record<ConversationStatus, number>;
  /** HTTP requests sent, retries included. */
  requests: number;
  requestIds: string[];
}

interface Answer<T> {
  body: T;
  requestId: string | undefined;
}

const sleepFor = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export class KondoClient {
  private credentials: Credentials;
  private readonly transport: Transport;
  private readonly retry: RetryPolicy;
  private readonly maxRequestBytes: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private requestCount = 0;

  constructor(private readonly options: KondoClientOptions) {
    this.credentials = options.credentials;
    this.transport = options.transport ?? fetchTransport();
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.sleep = options.sleep ?? sleepFor;
    this.random = options.random ?? Math.random;
  }

  private get baseUrl(): string {
    return (
      this.options.baseUrl ??
      `${this.credentials.instanceUrl.replace(/\/+$/, '')}${DEFAULT_API_PATH}`
    );
  }

  /**
   * Pushes any number of conversations. Conversations too large for a request fail locally
   * (CONVERSATION_TOO_LARGE); a request the API rejects, or that gets no answer after every
   * attempt, fails its own conversations with the code (NETWORK_ERROR for no answer); 401 and
   * 403 stop the push (every later request would fail the same way).
   */
  async push(
    conversations: readonly Conversation[],
    onProgress?: (progress: PushProgress) => void
  ): Promise<PushReport> {
    const startCount = this.requestCount;
    const requestIds: string[] = [];
    const outcomes: PushOutcome[] = conversations.map((conversation, index) => ({
      index,
      conversationId: conversation.conversationId ?? null,
      status: 'failed',
      errorCode: 'NOT_SENT',
      errorMessage: 'Not sent.',
      result: null,
      attempts: 0,
    }));
    const plan = planBatches(conversations, {
      maxItems: MAX_CONVERSATIONS_PER_REQUEST,
      maxBytes: this.maxRequestBytes,
    });
    for (const { index, bytes } of plan.oversized) {
      const outcome = outcomes[index] as PushOutcome;
      outcome.errorCode = 'CONVERSATION_TOO_LARGE';
      outcome.errorMessage = `The conversation is ${bytes} bytes as JSON; one request carries at most ${this.maxRequestBytes}.`;
    }
    let done = plan.oversized.length;
    const report = (): void =>
      onProgress?.({ done, total: conversations.length, requests: this.requestCount - startCount });
    report();

    for (const batch of plan.batches) {
      let pending = batch.indexes;
      for (let attempt = 1; pending.length > 0; attempt++) {
        const answer = await this.sendPush(
          pending.map((i) => conversations[i] as Conversation),
          pending,
          outcomes
        );
        if (answer.requestId) {
          requestIds.push(answer.requestId);
        }
        // Conversations that lost a row lock go again, alone, after a pause.
        const locked = pending.filter((i) => outcomes[i]?.result?.errorCode === LOCK_ERROR_CODE);
        if (locked.length === 0 || attempt >= this.retry.maxAttempts) {
          break;
        }
        await this.sleep(backoffDelay(attempt, this.retry, this.random()));
        pending = locked;
      }
      done += batch.indexes.length;
      report();
    }
    const counts: Record<ConversationStatus, number> = {
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
    };
    for (const outcome of outcomes) {
      counts[outcome.status] += 1;
    }
    return { outcomes, counts, requests: this.requestCount - startCount, requestIds };
  }

  /** Sends one batch and writes its results (or its request error) into the outcomes. */
  private async sendPush(
    batch: Conversation[],
    indexes: number[],
    outcomes: PushOutcome[]
  ): Promise<{ requestId: string | undefined }> {
    for (const i of indexes) {
      (outcomes[i] as PushOutcome).attempts += 1;
    }
    let answer: Answer<ConversationsResponse>;
    try {
      answer = await this.call<ConversationsResponse>('POST', '/v1/conversations', {
        conversations: batch,
      });
    } catch (error) {
      // A request that was refused, or never answered, fails its own conversations; the next
      // requests still go. No answer means the push may or may not have been saved: pushing
      // those conversations again later is safe.
      const requestFailed =
        (error instanceof KondoApiError && error.status !== 401 && error.status !== 403) ||
        (error instanceof KondoClientError && error.code === 'NETWORK_ERROR');
      if (requestFailed) {
        for (const inputIndex of indexes) {
          const outcome = outcomes[inputIndex] as PushOutcome;
          outcome.status = 'failed';
          outcome.result = null;
          outcome.errorCode = error.code;
          outcome.errorMessage =
            error instanceof KondoApiError && error.path
              ? `${error.message} (at ${toInputPath(error.path, indexes)})`
              : error.message;
        }
        return { requestId: error instanceof KondoApiError ? error.requestId : undefined };
      }
      throw error;
    }
    const results = answer.body.results;
    if (!Array.isArray(results) || results.length !== batch.length) {
      throw new KondoClientError(
        'RESPONSE_MISMATCH',
        `The API answered ${Array.isArray(results) ? results.length : 'no'} results for ${batch.length} conversations (request ${answer.requestId ?? 'unknown'}).`
      );
    }
    results.forEach((result, position) => {
      const outcome = outcomes[indexes[position] as number] as PushOutcome;
      outcome.result = result;
      outcome.status = result.status;
      outcome.errorCode = result.errorCode;
      outcome.errorMessage = result.errorMessage;
    });
    return { requestId: answer.requestId };
  }

  /** Looks up any number of profiles, 200 per request; one result per input, in order. */
  async lookup(profiles: readonly LookupProfile[]): Promise<LookupResult[]> {
    const results: LookupResult[] = [];
    for (let start = 0; start < profiles.length; start += MAX_PROFILES_PER_REQUEST) {
      const chunk = profiles.slice(start, start + MAX_PROFILES_PER_REQUEST);
      const answer = await this.call<LookupResponse>('POST', '/v1/lookup', { profiles: chunk });
      if (!Array.isArray(answer.body.results) || answer.body.results.length !== chunk.length) {
        throw new KondoClientError(
          'RESPONSE_MISMATCH',
          `The API answered ${answer.body.results?.length ?? 'no'} results for ${chunk.length} profiles.`
        );
      }
      results.push(...answer.body.results);
    }
    return results;
  }

  /** Looks up one profile by LinkedIn URL or member URN (GET). */
  async lookupOne(profile: { linkedInUrl?: string; memberUrn?: string }): Promise<LookupResult> {
    const query = new URLSearchParams();
    if (profile.linkedInUrl) query.set('linkedInUrl', profile.linkedInUrl);
    if (profile.memberUrn) query.set('memberUrn', profile.memberUrn);
    const answer = await this.call<LookupResponse>('GET', `/v1/lookup?${query.toString()}`);
    const result = answer.body.results?.[0];
    if (!result) {
      throw new KondoClientError('INVALID_RESPONSE', 'The lookup answered no result.');
    }
    return result;
  }

  async settings(): Promise<SettingsResponse> {
    return (await this.call<SettingsResponse>('GET', '/v1/settings')).body;
  }

  /**
   * One API call with the retry rules: 429/503 and lost answers are retried with backoff (every
   * operation is idempotent); 401 refreshes the token once; other errors throw KondoApiError.
   */
  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const callId = randomUUID();
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const requestId = `${callId}:${attempt}`;
      let response: HttpResponse;
      try {
        this.requestCount += 1;
        response = await this.transport({
          method,
          url: `${this.baseUrl}${path}`,
          headers: {
            ...this.options.headers,
            Authorization: `Bearer ${this.credentials.accessToken}`,
            Accept: 'application/json',
            'X-Request-Id': requestId,
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: payload,
        });
      } catch (error) {
        if (attempt >= this.retry.maxAttempts) {
          throw new KondoClientError(
            'NETWORK_ERROR',
            `No answer from ${method} ${path} after ${attempt} attempts: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error }
          );
        }
        await this.sleep(backoffDelay(attempt, this.retry, this.random()));
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        const parsed = parseJson<T>(response.text, path);
        return { body: parsed, requestId: readRequestId(parsed) };
      }
      if (response.status === 401 && !refreshed && this.options.refreshCredentials) {
        refreshed = true;
        this.credentials = await this.options.refreshCredentials();
        continue;
      }
      if (RETRYABLE_STATUSES.has(response.status) && attempt < this.retry.maxAttempts) {
        const retryAfter = parseRetryAfter(response.header('Retry-After'));
        await this.sleep(backoffDelay(attempt, this.retry, this.random(), retryAfter));
        continue;
      }
      throw toApiError(response.status, response.text, requestId);
    }
  }
}

/** Rewrites `conversations[3].person` (batch position) to the caller's input position. */
export function toInputPath(path: string, indexes: readonly number[]): string {
  return path.replace(/^conversations\[(\d+)\]/, (whole, position: string) => {
    const inputIndex = indexes[Number(position)];
    return inputIndex === undefined ? whole : `conversations[${inputIndex}]`;
  });
}

function parseJson<T>(text: string, path: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new KondoClientError('INVALID_RESPONSE', `${path} answered a body that is not JSON.`, {
      cause: error,
    });
  }
}

function readRequestId(body: unknown): string | undefined {
  const value =
    typeof body === 'object' && body !== null ? (body as { requestId?: unknown }).requestId : null;
  return typeof value === 'string' ? value : undefined;
}
