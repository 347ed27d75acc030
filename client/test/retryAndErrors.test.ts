import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toApiError } from '../src/errors';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../src/retry';

describe('backoffDelay', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

  it('grows exponentially and is capped', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, 0.999999)),
      [99, 199, 399, 799, 999, 999]
    );
  });

  it('is jittered between zero and the ceiling', () => {
    assert.equal(backoffDelay(3, policy, 0), 0);
    assert.equal(backoffDelay(3, policy, 0.5), 200);
  });

  it('waits at least what Retry-After asks, even beyond the cap', () => {
    assert.equal(backoffDelay(1, policy, 0, 2), 2_000);
    assert.equal(backoffDelay(4, policy, 0.999999, 0), 799);
  });

  it('has sane defaults', () => {
    assert.ok(DEFAULT_RETRY.maxAttempts >= 3 && DEFAULT_RETRY.baseDelayMs > 0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores the rest', () => {
    assert.equal(parseRetryAfter('7'), 7);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30);
  });
});

describe('toApiError', () => {
  it('maps the Kondo error body: code, message, path', () => {
    const error = toApiError(
      400,
      '{"error":{"code":"INVALID_REQUEST","message":"labels must be an array","path":"conversations[2].labels"}}',
      'req-1'
    );
    assert.equal(error.status, 400);
    assert.equal(error.code, 'INVALID_REQUEST');
    assert.equal(error.message, 'labels must be an array');
    assert.equal(error.path, 'conversations[2].labels');
    assert.equal(error.requestId, 'req-1');
  });

  it("maps the platform's own error array (expired session, limits)", () => {
    const error = toApiError(
      401,
      '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]'
    );
    assert.equal(error.code, 'INVALID_SESSION_ID');
    assert.equal(error.message, 'Session expired or invalid');
    assert.equal(error.path, undefined);
  });

  it('gives HTTP_<status> for a body it cannot read', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    assert.equal(error.code, 'HTTP_502');
    assert.match(error.message, /Bad gateway/);
  });
});
