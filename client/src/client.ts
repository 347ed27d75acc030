// KondoClient: push conversations, reconcile what Kondo holds with what Salesforce stored, look
// up profiles, read settings, over the Apex REST API described in docs/api/openapi.yaml. Pushes
// and reconciles of any size are split into accepted requests and sent one after another
// (parallel requests on the same records would only contend for locks).
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_CONVERSATIONS_PER_REQUEST,
  MAX_RECONCILE_CONVERSATIONS,
  MAX_RECONCILE_MESSAGES,
  planBatches,
  splitHeld,
  type HeldPart,
} from './batching';
import { KondoApiError, KondoClientError, toApiError } from './errors';
import {
  backoffDelay,
  DEFAULT_RETRY,
  LOCK_ERROR_CODE,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  type RetryPolicy,
} from './retry';
import { gapPush, isLocalFailure, mergeParts, toHeld } from './reconcile';
import { fetchTransport, type HttpResponse, type Transport } from './transport';
import type {
  Conversation,
  ConversationResult,
  ConversationsResponse,
  ConversationStatus,
  LookupProfile,
  LookupResponse,
  LookupResult,
  ReconcileResponse,
  ReconcileResult,
  ReconcileStatus,
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

/** One input conversation's reconcile: the API's verdict, or why it has none. */
export interface ReconcileOutcome {
  /** Position in the reconciled array. */
  index: number;
  conversationId: string | null;
  status: ReconcileStatus;
  errorCode: string | null;
  errorMessage: string | null;
  /**
   * The API's result (the parts joined for a conversation whose ids filled more than one
   * request); null when no request answered for it.
   */
  result: ReconcileResult | null;
  /** Requests its message ids were spread over: 1 unless it holds more than a request takes. */
  parts: number;
}

export interface ReconcileReport {
  outcomes: ReconcileOutcome[];
  counts: Record<ReconcileStatus, number>;
  /** Message ids listed, over every conversation answered. */
  heldCount: number;
  missingCount: number;
  differentCount: number;
  /** Stored ids whose text could not be compared (metadata-only conversations keep no hash). */
  unverifiableCount: number;
  /** Missing plus different: the messages a resync pushes. */
  toPushCount: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  requestIds: string[];
}

export interface ResyncProgress extends PushProgress {
  phase: 'reconcile' | 'push';
}

export type ResyncStatus = 'complete' | 'pushed' | 'skipped' | 'failed';

/** One input conversation's resync: what reconcile found, and what was pushed for it. */
export interface ResyncOutcome {
  /** Position in the input. */
  index: number;
  conversationId: string | null;
  /**
   * complete: nothing was missing or different, nothing sent; pushed: the push took it
   * (created or updated); skipped: the push skipped it (its code says why); failed: the
   * reconcile or the push failed it.
   */
  status: ResyncStatus;
  errorCode: string | null;
  errorMessage: string | null;
  reconcile: ReconcileOutcome;
  /** How it was pushed: latest for the gaps of a stored conversation, full for an unknown one. */
  messageScope: 'latest' | 'full' | null;
  /** The ids of the messages sent. */
  pushedMessageIds: string[];
  /** The push's outcome; null when nothing was pushed. */
  push: Omit<PushOutcome, 'index'> | null;
}

export interface ResyncReport {
  outcomes: ResyncOutcome[];
  counts: Record<ResyncStatus, number>;
  /** Messages sent in conversations the push took. */
  pushedMessages: number;
  requests: { reconcile: number; push: number };
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
   * attempt, fails its own conversations with the code (NETWORK_ERROR for no answer); 401, 403
   * and 503 SYNC_PAUSED (an admin paused syncing) stop the push, unretried (every later request
   * would fail the same way).
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
      if (failsOnlyItsRequest(error)) {
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

  /**
   * Reconciles any number of conversations: lists, per conversation, the ids of the messages
   * Kondo holds with each body's hash (messageHash), in requests of at most 200 conversations,
   * 5,000 message ids and the byte budget; a conversation with more ids than a request takes
   * is spread over several, and its parts joined into one result. Read-only on the server, so
   * every failure mode of push applies except row locks: a rejected or unanswered request
   * fails its own conversations with the code, 401 and 403 stop the reconcile.
   */
  async reconcile(
    conversations: readonly Conversation[],
    onProgress?: (progress: PushProgress) => void
  ): Promise<ReconcileReport> {
    const startCount = this.requestCount;
    const requestIds: string[] = [];
    const outcomes: ReconcileOutcome[] = conversations.map((conversation, index) => ({
      index,
      conversationId: conversation.conversationId ?? null,
      status: 'failed',
      errorCode: 'NOT_SENT',
      errorMessage: 'Not sent.',
      result: null,
      parts: 0,
    }));
    const fail = (index: number, code: string, message: string): void => {
      const outcome = outcomes[index] as ReconcileOutcome;
      outcome.status = 'failed';
      outcome.errorCode = code;
      outcome.errorMessage = message;
      outcome.result = null;
    };
    const parts: HeldPart[] = [];
    conversations.forEach((conversation, index) => {
      const held = toHeld(conversation, index);
      if (isLocalFailure(held)) {
        fail(index, held.errorCode, held.errorMessage);
        return;
      }
      const split = splitHeld(index, held, {
        maxBytes: this.maxRequestBytes,
        maxMessages: MAX_RECONCILE_MESSAGES,
      });
      if (!split) {
        fail(
          index,
          'CONVERSATION_TOO_LARGE',
          `A message id of the conversation does not fit in a request of ${this.maxRequestBytes} bytes.`
        );
        return;
      }
      (outcomes[index] as ReconcileOutcome).parts = split.length;
      parts.push(...split);
    });
    const plan = planBatches(
      parts.map((p) => p.held),
      {
        maxItems: MAX_RECONCILE_CONVERSATIONS,
        maxBytes: this.maxRequestBytes,
        maxWeight: MAX_RECONCILE_MESSAGES,
        weight: (held) => held.messages.length,
      }
    );
    // splitHeld only makes parts that fit a request, so nothing is set aside here.
    const answered: ReconcileResult[][] = conversations.map(() => []);
    const unanswered = outcomes.map((o) => o.parts);
    const failedByRequest = new Set<number>();
    let done = outcomes.filter((o) => o.parts === 0).length;
    const report = (): void =>
      onProgress?.({ done, total: conversations.length, requests: this.requestCount - startCount });
    report();

    for (const batch of plan.batches) {
      const batchParts = batch.indexes.map((i) => parts[i] as HeldPart);
      const answer = await this.sendReconcile(batchParts);
      if (answer.requestId) {
        requestIds.push(answer.requestId);
      }
      batchParts.forEach((part, position) => {
        if ('error' in answer) {
          // A conversation one of whose parts went unanswered has no result at all.
          if (!failedByRequest.has(part.index)) {
            failedByRequest.add(part.index);
            fail(part.index, answer.error.code, answer.error.message);
          }
        } else {
          (answered[part.index] as ReconcileResult[]).push(
            answer.results[position] as ReconcileResult
          );
        }
        const left = (unanswered[part.index] as number) - 1;
        unanswered[part.index] = left;
        if (left === 0) {
          done += 1;
          if (!failedByRequest.has(part.index)) {
            const outcome = outcomes[part.index] as ReconcileOutcome;
            const merged = mergeParts(answered[part.index] as ReconcileResult[]);
            outcome.result = merged;
            outcome.status = merged.status;
            outcome.errorCode = merged.errorCode;
            outcome.errorMessage = merged.errorMessage;
          }
        }
      });
      report();
    }
    const counts: Record<ReconcileStatus, number> = {
      complete: 0,
      incomplete: 0,
      unknown: 0,
      failed: 0,
    };
    let heldCount = 0;
    let missingCount = 0;
    let differentCount = 0;
    let unverifiableCount = 0;
    for (const outcome of outcomes) {
      counts[outcome.status] += 1;
      heldCount += outcome.result?.heldCount ?? 0;
      missingCount += outcome.result?.missing.length ?? 0;
      differentCount += outcome.result?.different.length ?? 0;
      unverifiableCount += outcome.result?.unverifiable.length ?? 0;
    }
    return {
      outcomes,
      counts,
      heldCount,
      missingCount,
      differentCount,
      unverifiableCount,
      toPushCount: missingCount + differentCount,
      requests: this.requestCount - startCount,
      requestIds,
    };
  }

  /** Sends one reconcile request: its results in part order, or the error that failed it. */
  private async sendReconcile(
    parts: HeldPart[]
  ): Promise<
    | { results: ReconcileResult[]; requestId: string | undefined }
    | { error: { code: string; message: string }; requestId: string | undefined }
  > {
    let answer: Answer<ReconcileResponse>;
    try {
      answer = await this.call<ReconcileResponse>('POST', '/v1/conversations/reconcile', {
        conversations: parts.map((p) => p.held),
      });
    } catch (error) {
      if (failsOnlyItsRequest(error)) {
        const where =
          error instanceof KondoApiError && error.path
            ? ` (at ${toInputPath(
                error.path,
                parts.map((p) => p.index),
                parts.map((p) => p.offset)
              )})`
            : '';
        return {
          error: { code: error.code, message: `${error.message}${where}` },
          requestId: error instanceof KondoApiError ? error.requestId : undefined,
        };
      }
      throw error;
    }
    const results = answer.body.results;
    const lined =
      Array.isArray(results) &&
      results.length === parts.length &&
      results.every((r, i) => r.conversationId === parts[i]?.held.conversationId);
    if (!lined) {
      throw new KondoClientError(
        'RESPONSE_MISMATCH',
        `The API answered ${Array.isArray(results) ? results.length : 'no'} reconcile results that do not line up with the ${parts.length} conversations sent (request ${answer.requestId ?? 'unknown'}).`
      );
    }
    return { results, requestId: answer.requestId };
  }

  /**
   * A full re-sync that sends only what is needed: reconcile, then push, per conversation,
   * exactly the messages that came back missing or different (as messageScope latest), the
   * whole of an unknown conversation (as full), and nothing for a complete one. A conversation
   * whose reconcile failed is not pushed: what it lacks is not known.
   */
  async resync(
    conversations: readonly Conversation[],
    options: { onProgress?: (progress: ResyncProgress) => void } = {}
  ): Promise<ResyncReport> {
    const { onProgress } = options;
    const reconciled = await this.reconcile(conversations, (p) =>
      onProgress?.({ phase: 'reconcile', ...p })
    );
    const toPush: Conversation[] = [];
    const pushedFrom: number[] = [];
    const outcomes: ResyncOutcome[] = reconciled.outcomes.map((outcome) => {
      const gap = gapPush(conversations[outcome.index] as Conversation, outcome.result);
      if (gap) {
        pushedFrom.push(outcome.index);
        toPush.push(gap);
      }
      return {
        index: outcome.index,
        conversationId: outcome.conversationId,
        status: outcome.status === 'complete' ? 'complete' : 'failed',
        errorCode: outcome.errorCode,
        errorMessage: outcome.errorMessage,
        reconcile: outcome,
        messageScope: gap ? (gap.messageScope as 'latest' | 'full') : null,
        pushedMessageIds: gap ? (gap.messages ?? []).map((m) => m.id as string) : [],
        push: null,
      };
    });
    const pushed =
      toPush.length === 0
        ? { outcomes: [], requests: 0, requestIds: [] }
        : await this.push(toPush, (p) => onProgress?.({ phase: 'push', ...p }));
    pushed.outcomes.forEach(({ index: position, ...push }) => {
      const outcome = outcomes[pushedFrom[position] as number] as ResyncOutcome;
      outcome.push = push;
      outcome.status =
        push.status === 'failed' ? 'failed' : push.status === 'skipped' ? 'skipped' : 'pushed';
      outcome.errorCode = push.errorCode;
      outcome.errorMessage = push.errorMessage;
    });
    const counts: Record<ResyncStatus, number> = { complete: 0, pushed: 0, skipped: 0, failed: 0 };
    let pushedMessages = 0;
    for (const outcome of outcomes) {
      counts[outcome.status] += 1;
      if (outcome.status === 'pushed') pushedMessages += outcome.pushedMessageIds.length;
    }
    return {
      outcomes,
      counts,
      pushedMessages,
      requests: { reconcile: reconciled.requests, push: pushed.requests },
      requestIds: [...reconciled.requestIds, ...pushed.requestIds],
    };
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
      if (
        RETRYABLE_STATUSES.has(response.status) &&
        attempt < this.retry.maxAttempts &&
        !isSyncPaused(response.status, response.text)
      ) {
        const retryAfter = parseRetryAfter(response.header('Retry-After'));
        await this.sleep(backoffDelay(attempt, this.retry, this.random(), retryAfter));
        continue;
      }
      throw toApiError(response.status, response.text, requestId);
    }
  }
}

/** The code of a 503 that an admin's pause sends: not a busy org, so no retry helps. */
export const SYNC_PAUSED = 'SYNC_PAUSED';

/**
 * An admin paused syncing: waiting Retry-After (15 minutes) between attempts would hold the
 * caller for an hour, and every later request would be refused the same way.
 */
function isSyncPaused(status: number, text: string): boolean {
  if (status !== 503) {
    return false;
  }
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code === SYNC_PAUSED;
  } catch {
    return false;
  }
}

/**
 * Rewrites `conversations[3].person` (batch position) to the caller's input position, and
 * `.messages[2]` of a conversation's part to the message's position in the conversation.
 */
export function toInputPath(
  path: string,
  indexes: readonly number[],
  messageOffsets: readonly number[] = []
): string {
  return path.replace(
    /^conversations\[(\d+)\](\.messages\[(\d+)\])?/,
    (whole, position: string, messagePart: string | undefined, message: string | undefined) => {
      const inputIndex = indexes[Number(position)];
      if (inputIndex === undefined) return whole;
      const offset = messageOffsets[Number(position)] ?? 0;
      const messagePath = messagePart === undefined ? '' : `.messages[${Number(message) + offset}]`;
      return `conversations[${inputIndex}]${messagePath}`;
    }
  );
}

/**
 * A request the API refused (other than 401 and 403, which every later request would get too),
 * or one that got no answer after every attempt: it fails its own conversations, and the next
 * requests still go.
 */
function failsOnlyItsRequest(error: unknown): error is KondoApiError | KondoClientError {
  return (
    (error instanceof KondoApiError &&
      error.status !== 401 &&
      error.status !== 403 &&
      error.code !== SYNC_PAUSED) ||
    (error instanceof KondoClientError && error.code === 'NETWORK_ERROR')
  );
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
