// What the client retries, and how long it waits. Every operation of the API is idempotent:
// lookups and settings only read, and a push can be replayed because conversations are keyed
// by conversationId and messages by their id (a message's Task is created only by the request
// whose insert of the message succeeded). So a request whose answer was lost (timeout, reset
// connection) is sent again. What is never sent again is a request the API rejected for what
// it is (400, 403, 413): the same bytes would fail the same way.

/** The platform answers 429 and 503 when the org is busy; both mean "later". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);
/** A per-conversation result with this code failed on a row lock held by someone else. */
export const LOCK_ERROR_CODE = 'UNABLE_TO_LOCK_ROW';

export interface RetryPolicy {
  /** Attempts per request in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * Exponential backoff with full jitter: a random wait up to base * 2^(attempt-1), capped, so
 * clients that failed together do not retry together. A Retry-After header, when sent, is the
 * floor.
 * @param attempt the attempt that just failed, from 1
 * @param random a number in [0, 1)
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: number,
  retryAfterSeconds?: number
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(ceiling * random);
  const floor = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 0;
  return Math.min(Math.max(jittered, floor), Math.max(policy.maxDelayMs, floor));
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if it has any. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim());
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
