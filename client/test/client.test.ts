// The client against a fake transport: batching, retries, what is never retried, error codes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KondoClient, toInputPath, type KondoClientOptions } from '../src/client';
import { KondoApiError, KondoClientError } from '../src/errors';
import type { Transport } from '../src/transport';
import type { Conversation } from '../src/types';
import { answerEach, conversation, fakeTransport, noSleep, respond, result } from './fakes';

function client(transport: Transport, options: Partial<KondoClientOptions> = {}): KondoClient {
  return new KondoClient({
    credentials: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'token-1' },
    transport,
    sleep: noSleep,
    random: () => 0.5,
    ...options,
  });
}

const many = (n: number): Conversation[] =>
  Array.from({ length: n }, (_, i) => conversation(`c${i}`));

describe('KondoClient.push', () => {
  it('splits a large push into requests of at most 200 and keeps input order', async () => {
    const fake = fakeTransport((request) => answerEach(request));
    const progress: number[] = [];
    const report = await client(fake.transport).push(many(450), (p) => progress.push(p.done));
    assert.deepEqual(
      fake.bodies().map((b) => b.conversations?.length),
      [200, 200, 50]
    );
    assert.equal(
      fake.requests[0]?.url,
      'https://acme.my.salesforce.com/services/apexrest/kondo/v1/conversations'
    );
    assert.equal(fake.requests[0]?.headers.Authorization, 'Bearer token-1');
    assert.deepEqual(
      report.outcomes.map((o) => o.conversationId),
      many(450).map((c) => c.conversationId)
    );
    assert.deepEqual(report.counts, { created: 0, updated: 450, skipped: 0, failed: 0 });
    assert.equal(report.requests, 3);
    assert.deepEqual(progress, [0, 200, 400, 450]);
  });

  it('fails a conversation too big for a request locally and still sends the others', async () => {
    const fake = fakeTransport((request) => answerEach(request));
    const items = [
      conversation('a'),
      conversation('huge', { notes: 'x'.repeat(3_000) }),
      conversation('b'),
    ];
    const report = await client(fake.transport, { maxRequestBytes: 2_000 }).push(items);
    assert.equal(fake.requests.length, 1);
    assert.deepEqual(
      fake.bodies()[0]?.conversations?.map((c) => c.conversationId),
      ['a', 'b']
    );
    const huge = report.outcomes[1];
    assert.equal(huge?.status, 'failed');
    assert.equal(huge?.errorCode, 'CONVERSATION_TOO_LARGE');
    assert.equal(huge?.attempts, 0);
    assert.equal(report.outcomes[2]?.status, 'updated');
  });

  it('retries 429 and 503 with backoff, honouring Retry-After', async () => {
    const waits: number[] = [];
    const fake = fakeTransport((request, n) =>
      n === 1
        ? respond(429, '[{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":"busy"}]', {
            'Retry-After': '3',
          })
        : n === 2
          ? respond(503, 'Service Unavailable')
          : answerEach(request)
    );
    const report = await client(fake.transport, {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    }).push([conversation('a')]);
    assert.equal(fake.requests.length, 3);
    assert.equal(waits[0], 3_000, 'Retry-After is the floor');
    assert.equal(waits.length, 2);
    assert.equal(report.outcomes[0]?.status, 'updated');
    assert.equal(report.outcomes[0]?.attempts, 1, 'one logical send; retries are per request');
  });

  it('gives up after maxAttempts and reports the code on each conversation', async () => {
    const fake = fakeTransport(() => respond(503, 'unavailable'));
    const report = await client(fake.transport, { retry: { maxAttempts: 3 } }).push([
      conversation('a'),
      conversation('b'),
    ]);
    assert.equal(fake.requests.length, 3);
    assert.deepEqual(
      report.outcomes.map((o) => [o.status, o.errorCode]),
      [
        ['failed', 'HTTP_503'],
        ['failed', 'HTTP_503'],
      ]
    );
  });

  for (const [status, code] of [
    [400, 'INVALID_REQUEST'],
    [413, 'TOO_MANY_CONVERSATIONS'],
    [500, 'INTERNAL_ERROR'],
  ] as const) {
    it(`never retries ${status}: its conversations fail with ${code}, other requests still go`, async () => {
      const fake = fakeTransport((request, n) =>
        n === 1
          ? respond(status, { error: { code, message: 'no', path: 'conversations[1].labels' } })
          : answerEach(request)
      );
      const report = await client(fake.transport).push(many(250));
      assert.equal(fake.requests.length, 2, 'no retry of the rejected request');
      assert.equal(report.outcomes[0]?.errorCode, code);
      assert.equal(report.outcomes[199]?.status, 'failed');
      assert.equal(report.outcomes[200]?.status, 'updated');
      assert.match(report.outcomes[0]?.errorMessage ?? '', /conversations\[1\]\.labels/);
    });
  }

  it('stops on 403: every later request would be refused too', async () => {
    const fake = fakeTransport(() =>
      respond(403, { error: { code: 'PERMISSION_DENIED', message: 'no Kondo_Sync_API' } })
    );
    await assert.rejects(client(fake.transport).push(many(450)), (error: unknown) => {
      assert.ok(error instanceof KondoApiError);
      assert.equal(error.code, 'PERMISSION_DENIED');
      assert.equal(error.status, 403);
      return true;
    });
    assert.equal(fake.requests.length, 1);
  });

  it('stops at once on 503 SYNC_PAUSED: an admin paused syncing, Retry-After is not waited out', async () => {
    const fake = fakeTransport(() =>
      respond(
        503,
        { error: { code: 'SYNC_PAUSED', message: 'A Salesforce admin has paused Kondo syncing.' } },
        { 'Retry-After': '900' }
      )
    );
    await assert.rejects(client(fake.transport).push(many(450)), (error: unknown) => {
      assert.ok(error instanceof KondoApiError);
      assert.equal(error.code, 'SYNC_PAUSED');
      assert.equal(error.status, 503);
      return true;
    });
    assert.equal(fake.requests.length, 1, 'no retry and no later request');
  });

  it('retries only the conversations that lost a row lock', async () => {
    const fake = fakeTransport((request, n) =>
      answerEach(request, (c) =>
        n === 1 && c.conversationId === 'b'
          ? result('b', 'failed', 'UNABLE_TO_LOCK_ROW')
          : result(c.conversationId ?? null, 'updated')
      )
    );
    const report = await client(fake.transport).push([
      conversation('a'),
      conversation('b'),
      conversation('c'),
    ]);
    assert.deepEqual(
      fake.bodies().map((b) => b.conversations?.map((c) => c.conversationId)),
      [['a', 'b', 'c'], ['b']]
    );
    assert.deepEqual(
      report.outcomes.map((o) => [o.status, o.attempts]),
      [
        ['updated', 1],
        ['updated', 2],
        ['updated', 1],
      ]
    );
  });

  it('reports the lock error when the lock never frees', async () => {
    const fake = fakeTransport((request) =>
      answerEach(request, (c) => result(c.conversationId ?? null, 'failed', 'UNABLE_TO_LOCK_ROW'))
    );
    const report = await client(fake.transport, { retry: { maxAttempts: 2 } }).push([
      conversation('a'),
    ]);
    assert.equal(fake.requests.length, 2);
    assert.equal(report.outcomes[0]?.errorCode, 'UNABLE_TO_LOCK_ROW');
  });

  it('replays a push whose answer was lost, and the replay creates no duplicate', async () => {
    // A server that behaves like the API: a message's Task is created only by the request
    // that first stored the message id.
    const tasksByMessageId = new Map<string, number>();
    const fake = fakeTransport((request, n) => {
      const body = JSON.parse(request.body ?? '{}') as { conversations: Conversation[] };
      for (const message of body.conversations.flatMap((c) => c.messages ?? [])) {
        if (message.id && !tasksByMessageId.has(message.id)) tasksByMessageId.set(message.id, n);
      }
      if (n === 1) throw new Error('socket hang up (the server did the work)');
      return answerEach(request);
    });
    const items = many(3);
    const report = await client(fake.transport).push(items);
    assert.equal(fake.requests.length, 2, 'the request was sent again');
    assert.equal(fake.requests[0]?.body, fake.requests[1]?.body, 'byte for byte the same push');
    assert.equal(tasksByMessageId.size, 3, 'one Task per message, not two');
    assert.deepEqual([...new Set(tasksByMessageId.values())], [1]);
    assert.equal(report.counts.updated, 3);
  });

  it('fails a request with NETWORK_ERROR when no answer ever comes, and goes on', async () => {
    const fake = fakeTransport((request, n) => {
      if (n <= 2) throw new Error('ECONNREFUSED');
      return answerEach(request);
    });
    const report = await client(fake.transport, { retry: { maxAttempts: 2 } }).push(many(201));
    assert.equal(fake.requests.length, 3, 'two attempts for the first request, one for the second');
    assert.equal(report.outcomes[0]?.errorCode, 'NETWORK_ERROR');
    assert.match(report.outcomes[0]?.errorMessage ?? '', /ECONNREFUSED/);
    assert.equal(report.outcomes[200]?.status, 'updated');
  });

  it('settings and lookups throw NETWORK_ERROR when no answer ever comes', async () => {
    const fake = fakeTransport(() => {
      throw new Error('ECONNREFUSED');
    });
    await assert.rejects(
      client(fake.transport, { retry: { maxAttempts: 2 } }).settings(),
      (error: unknown) => error instanceof KondoClientError && error.code === 'NETWORK_ERROR'
    );
    assert.equal(fake.requests.length, 2);
  });

  it('refreshes the token once on 401', async () => {
    const fake = fakeTransport((request) =>
      request.headers.Authorization === 'Bearer token-2'
        ? answerEach(request)
        : respond(
            401,
            '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]'
          )
    );
    let refreshes = 0;
    const report = await client(fake.transport, {
      refreshCredentials: () => {
        refreshes += 1;
        return Promise.resolve({
          instanceUrl: 'https://acme.my.salesforce.com',
          accessToken: 'token-2',
        });
      },
    }).push([conversation('a')]);
    assert.equal(refreshes, 1);
    assert.equal(report.outcomes[0]?.status, 'updated');
  });

  it('refuses an answer whose results do not line up with the request', async () => {
    const fake = fakeTransport(() =>
      respond(200, {
        requestId: 'r',
        results: [],
        summary: { received: 0, created: 0, updated: 0, skipped: 0, failed: 0 },
      })
    );
    await assert.rejects(
      client(fake.transport).push([conversation('a')]),
      (error: unknown) => error instanceof KondoClientError && error.code === 'RESPONSE_MISMATCH'
    );
  });

  it('sends an X-Request-Id the API echoes (its allowed characters, at most 64)', async () => {
    const fake = fakeTransport((request) => answerEach(request));
    const report = await client(fake.transport).push([conversation('a')]);
    const id = fake.requests[0]?.headers['X-Request-Id'] ?? '';
    assert.match(id, /^[A-Za-z0-9._:-]{1,64}$/);
    assert.deepEqual(report.requestIds, [id]);
  });
});

describe('toInputPath', () => {
  it('turns a position in the request into a position in the input', () => {
    assert.equal(
      toInputPath('conversations[1].person', [200, 201, 202]),
      'conversations[201].person'
    );
    assert.equal(toInputPath('$', [0]), '$');
    assert.equal(
      toInputPath('conversations[1].messages[3].hash', [4, 9], [0, 5_000]),
      'conversations[9].messages[5003].hash',
      'a message of a reconcile part that starts at message 5,000'
    );
  });
});

describe('KondoClient.lookup and settings', () => {
  it('looks up 250 profiles in two requests and returns results in order', async () => {
    const fake = fakeTransport((request) => {
      const body = JSON.parse(request.body ?? '{}') as { profiles: unknown[] };
      return respond(200, {
        requestId: 'r',
        results: body.profiles.map(() => ({ status: 'not_found' })),
      });
    });
    const profiles = Array.from({ length: 250 }, (_, i) => ({
      linkedInUrl: `https://www.linkedin.com/in/p${i}`,
      memberUrn: null,
    }));
    const results = await client(fake.transport).lookup(profiles);
    assert.equal(results.length, 250);
    assert.deepEqual(
      fake.requests.map((r) => r.url.endsWith('/v1/lookup')),
      [true, true]
    );
  });

  it('looks up one profile with GET and query parameters', async () => {
    const fake = fakeTransport(() =>
      respond(200, { requestId: 'r', results: [{ status: 'found', name: 'Jane' }] })
    );
    const found = await client(fake.transport).lookupOne({ memberUrn: 'urn:li:member:1' });
    assert.equal(found.name, 'Jane');
    assert.equal(fake.requests[0]?.method, 'GET');
    assert.match(fake.requests[0]?.url ?? '', /\/v1\/lookup\?memberUrn=urn%3Ali%3Amember%3A1$/);
  });

  it('maps an error answer of settings to KondoApiError', async () => {
    const fake = fakeTransport(() =>
      respond(403, { error: { code: 'PERMISSION_DENIED', message: 'no' } })
    );
    await assert.rejects(
      client(fake.transport).settings(),
      (error: unknown) => error instanceof KondoApiError && error.code === 'PERMISSION_DENIED'
    );
    assert.equal(fake.requests.length, 1);
  });
});
