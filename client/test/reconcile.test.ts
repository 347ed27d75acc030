// KondoClient.reconcile and resync against a fake transport: what is sent (ids and body
// hashes), batching at each limit of the endpoint, results joined over requests, the error and
// retry model of push, and a resync that pushes exactly the gaps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_RECONCILE_CONVERSATIONS,
  MAX_RECONCILE_MESSAGES,
} from '../src/batching';
import { KondoClient, type KondoClientOptions, type ResyncProgress } from '../src/client';
import { KondoApiError, KondoClientError } from '../src/errors';
import { gapPush, mergeParts, messageHash } from '../src/reconcile';
import type { Transport } from '../src/transport';
import type { Conversation, HeldConversation, ReconcileResult } from '../src/types';
import {
  answerEach,
  answerReconcile,
  BODIES,
  fakeInbox,
  fakeTransport,
  heldOf,
  noSleep,
  reconcileResult,
  respond,
  result,
  thread,
} from './fakes';

function client(transport: Transport, options: Partial<KondoClientOptions> = {}): KondoClient {
  return new KondoClient({
    credentials: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'token-1' },
    transport,
    sleep: noSleep,
    random: () => 0.5,
    ...options,
  });
}

/** `count` conversations of `size` messages each, bodies from BODIES. */
const inbox = (count: number, size: number, prefix = 'conv'): Conversation[] =>
  Array.from({ length: count }, (_, i) =>
    thread(
      `${prefix}-${i}`,
      Array.from({ length: size }, (_, m) => BODIES[m % BODIES.length] as string)
    )
  );

const reconcileUrl =
  'https://acme.my.salesforce.com/services/apexrest/kondo/v1/conversations/reconcile';

describe('KondoClient.reconcile: the request', () => {
  it('lists each message id with the SHA-256 of its body; a missing body hashes as empty text', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    const amelia = thread('kondo-conv-amelia-0001', BODIES.slice(0, 3));
    const withoutBody = thread('kondo-conv-tom-0002', ['Hello Tom, are you at the expo?']);
    (withoutBody.messages ?? []).push({
      id: 'kondo-conv-tom-0002-m2',
      direction: 'inbound',
      senderName: 'Tom Baker',
      sentAt: '2026-01-12T12:00:00Z',
      body: null,
    });
    await client(fake.transport).reconcile([amelia, withoutBody]);
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0]?.method, 'POST');
    assert.equal(fake.requests[0]?.url, reconcileUrl);
    assert.deepEqual(JSON.parse(fake.requests[0]?.body ?? ''), {
      conversations: [
        {
          conversationId: 'kondo-conv-amelia-0001',
          messages: BODIES.slice(0, 3).map((body, i) => ({
            id: `kondo-conv-amelia-0001-m${i + 1}`,
            hash: messageHash(body),
          })),
        },
        {
          conversationId: 'kondo-conv-tom-0002',
          messages: [
            { id: 'kondo-conv-tom-0002-m1', hash: messageHash('Hello Tom, are you at the expo?') },
            {
              id: 'kondo-conv-tom-0002-m2',
              hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
            },
          ],
        },
      ],
    });
  });

  it('marks a message Kondo holds as deleted instead of hashing a text that is gone', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    const amelia = thread('kondo-conv-amelia-0001', BODIES.slice(0, 2));
    const second = (amelia.messages ?? [])[1];
    assert.ok(second, 'the thread has a second message');
    second.deleted = true;
    second.body = null;
    await client(fake.transport).reconcile([amelia]);
    const sent = JSON.parse(fake.requests[0]?.body ?? '') as {
      conversations: { messages: unknown[] }[];
    };
    assert.deepEqual(sent.conversations[0]?.messages, [
      { id: 'kondo-conv-amelia-0001-m1', hash: messageHash(BODIES[0]) },
      { id: 'kondo-conv-amelia-0001-m2', deleted: true },
    ]);
  });

  it('lists a conversation Kondo holds no messages for with an empty list', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    const report = await client(fake.transport).reconcile([
      thread('kondo-conv-mateo-0009', [], { messages: null }),
    ]);
    assert.deepEqual(heldOf(fake.requests[0] as never), [
      { conversationId: 'kondo-conv-mateo-0009', messages: [] },
    ]);
    assert.equal(report.outcomes[0]?.status, 'complete');
  });
});

describe('KondoClient.reconcile: batching at each limit of the endpoint', () => {
  it('201 conversations go as 200 and 1', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    const report = await client(fake.transport).reconcile(
      inbox(MAX_RECONCILE_CONVERSATIONS + 1, 2)
    );
    assert.deepEqual(
      fake.requests.map((r) => heldOf(r).length),
      [200, 1]
    );
    assert.equal(report.counts.complete, 201);
    assert.equal(report.requests, 2);
  });

  it('5,000 message ids fill a request; the 5,001st starts the next', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    // 50 conversations of 100 messages: exactly 5,000 ids, then one conversation more.
    const items = [...inbox(50, 100), ...inbox(1, 1, 'tail')];
    await client(fake.transport).reconcile(items);
    assert.deepEqual(
      fake.requests.map((r) => heldOf(r).reduce((n, h) => n + h.messages.length, 0)),
      [MAX_RECONCILE_MESSAGES, 1]
    );
  });

  it('keeps every body within 1,000,000 bytes when long ids fill it before 5,000', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    const items = inbox(6, 1_000).map((c) => ({
      ...c,
      messages: (c.messages ?? []).map((m) => ({ ...m, id: `${m.id}-`.padEnd(255, 'k') })),
    }));
    const report = await client(fake.transport).reconcile(items);
    assert.ok(fake.requests.length >= 3, `${fake.requests.length} requests`);
    for (const request of fake.requests) {
      assert.ok(Buffer.byteLength(request.body ?? '') <= DEFAULT_MAX_REQUEST_BYTES);
      assert.ok(heldOf(request).reduce((n, h) => n + h.messages.length, 0) <= 5_000);
    }
    assert.equal(report.counts.complete, 6);
    assert.equal(report.heldCount, 6_000);
  });

  it('honours a smaller maxRequestBytes', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    await client(fake.transport, { maxRequestBytes: 4_000 }).reconcile(inbox(20, 5));
    assert.ok(fake.requests.length > 1);
    for (const request of fake.requests) {
      assert.ok(Buffer.byteLength(request.body ?? '') <= 4_000);
    }
  });

  it('spreads a 12,000-message conversation over three requests and joins their results', async () => {
    const long = inbox(1, 12_000, 'long')[0] as Conversation;
    const ids = (long.messages ?? []).map((m) => m.id as string);
    const fake = fakeTransport((request) =>
      answerReconcile(request, (held) => {
        // Salesforce lacks message 100 and 7,000 and holds 11,999 differently; it also
        // stores 3 messages Kondo no longer lists.
        const listed = new Set(held.messages.map((m) => m.id));
        const lacking = [ids[100], ids[7_000]].filter((id) => id && listed.has(id)) as string[];
        const changed = [ids[11_999]].filter((id) => id && listed.has(id)) as string[];
        return reconcileResult(held, lacking.length + changed.length ? 'incomplete' : 'complete', {
          storedCount: 12_000 - 2 + 3,
          missing: lacking,
          different: changed,
          extraCount: 12_000 - 2 + 3 - (held.messages.length - lacking.length),
        });
      })
    );
    const report = await client(fake.transport).reconcile([long]);
    assert.deepEqual(
      fake.requests.map((r) => heldOf(r)[0]?.messages.length),
      [5_000, 5_000, 2_000]
    );
    const outcome = report.outcomes[0];
    assert.equal(outcome?.parts, 3);
    assert.equal(outcome?.status, 'incomplete');
    assert.deepEqual(outcome?.result?.missing, [ids[100], ids[7_000]]);
    assert.deepEqual(outcome?.result?.different, [ids[11_999]]);
    assert.equal(outcome?.result?.heldCount, 12_000);
    assert.equal(outcome?.result?.extraCount, 3, 'recounted over the whole conversation');
    assert.equal(report.toPushCount, 3);
  });

  it('reports progress per request, in conversations', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    const seen: [number, number][] = [];
    await client(fake.transport).reconcile(inbox(450, 1), (p) => seen.push([p.done, p.total]));
    assert.deepEqual(seen, [
      [0, 450],
      [200, 450],
      [400, 450],
      [450, 450],
    ]);
  });
});

describe('KondoClient.reconcile: results and totals', () => {
  it('answers one outcome per input in order, with the counts by status and the totals', async () => {
    const fake = fakeTransport((request) =>
      answerReconcile(
        request,
        (held, position) =>
          [
            reconcileResult(held, 'complete', { storedCount: 5, extraCount: 2 }),
            reconcileResult(held, 'incomplete', {
              missing: [held.messages[2]?.id as string],
              different: [held.messages[0]?.id as string],
            }),
            reconcileResult(held, 'unknown'),
            reconcileResult(held, 'failed', {
              errorCode: 'INVALID_MESSAGE',
              errorMessage: 'conversations[3].messages[0].hash must be the SHA-256 of the body.',
            }),
          ][position] as ReconcileResult
      )
    );
    const report = await client(fake.transport).reconcile(inbox(4, 3));
    assert.deepEqual(
      report.outcomes.map((o) => [o.index, o.conversationId, o.status, o.errorCode]),
      [
        [0, 'conv-0', 'complete', null],
        [1, 'conv-1', 'incomplete', null],
        [2, 'conv-2', 'unknown', null],
        [3, 'conv-3', 'failed', 'INVALID_MESSAGE'],
      ]
    );
    assert.deepEqual(report.counts, { complete: 1, incomplete: 1, unknown: 1, failed: 1 });
    assert.equal(report.heldCount, 12);
    assert.equal(report.missingCount, 4, 'one of conv-1, three of the unknown conv-2');
    assert.equal(report.differentCount, 1);
    assert.equal(report.toPushCount, 5);
    assert.equal(report.outcomes[0]?.result?.extraCount, 2);
    assert.deepEqual(report.requestIds, [fake.requests[0]?.headers['X-Request-Id']]);
  });

  it('fails a conversation without an id, or with a message without one, without sending it', async () => {
    const fake = fakeTransport((request) => answerReconcile(request));
    const noMessageId = thread('conv-b', BODIES.slice(0, 2));
    (noMessageId.messages ?? [])[1] = { ...(noMessageId.messages ?? [])[1], id: null };
    const report = await client(fake.transport).reconcile([
      thread('conv-a', BODIES.slice(0, 1)),
      noMessageId,
      thread('', BODIES.slice(0, 1), { conversationId: null }),
    ]);
    assert.deepEqual(
      heldOf(fake.requests[0] as never).map((h) => h.conversationId),
      ['conv-a']
    );
    assert.deepEqual(
      report.outcomes.map((o) => [o.status, o.errorCode, o.parts]),
      [
        ['complete', null, 1],
        ['failed', 'INVALID_MESSAGE', 0],
        ['failed', 'INVALID_CONVERSATION', 0],
      ]
    );
    assert.match(report.outcomes[1]?.errorMessage ?? '', /conversations\[1\]\.messages\[1\]\.id/);
  });
});

describe('KondoClient.reconcile: errors and retries (the model of push)', () => {
  it('retries 429 and 503 with backoff, honouring Retry-After', async () => {
    const waits: number[] = [];
    const fake = fakeTransport((request, n) =>
      n === 1
        ? respond(429, '[{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":"busy"}]', {
            'Retry-After': '2',
          })
        : n === 2
          ? respond(503, 'Service Unavailable')
          : answerReconcile(request)
    );
    const report = await client(fake.transport, {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    }).reconcile(inbox(1, 3));
    assert.equal(fake.requests.length, 3);
    assert.equal(waits[0], 2_000);
    assert.equal(report.outcomes[0]?.status, 'complete');
    assert.equal(report.requests, 3);
  });

  it('replays a request whose answer was lost, byte for byte', async () => {
    const fake = fakeTransport((request, n) => {
      if (n === 1) throw new Error('socket hang up');
      return answerReconcile(request);
    });
    const report = await client(fake.transport).reconcile(inbox(2, 2));
    assert.equal(fake.requests.length, 2);
    assert.equal(fake.requests[0]?.body, fake.requests[1]?.body);
    assert.equal(report.counts.complete, 2);
  });

  for (const [status, code] of [
    [400, 'INVALID_REQUEST'],
    [413, 'TOO_MANY_MESSAGES'],
    [500, 'INTERNAL_ERROR'],
  ] as const) {
    it(`never retries ${status}: its conversations fail with ${code}, the next request still goes`, async () => {
      const fake = fakeTransport((request, n) =>
        n === 1
          ? respond(status, {
              error: { code, message: 'refused', path: 'conversations[1].messages[0].hash' },
            })
          : answerReconcile(request)
      );
      const report = await client(fake.transport).reconcile(inbox(250, 1));
      assert.equal(fake.requests.length, 2);
      assert.equal(report.outcomes[0]?.errorCode, code);
      assert.equal(report.outcomes[199]?.status, 'failed');
      assert.equal(report.outcomes[200]?.status, 'complete');
      assert.match(report.outcomes[0]?.errorMessage ?? '', /at conversations\[1\]\.messages\[0\]/);
      assert.deepEqual(report.counts, { complete: 50, incomplete: 0, unknown: 0, failed: 200 });
    });
  }

  it('rewrites a path inside a later part of a split conversation to the input position', async () => {
    const items = [...inbox(1, 1, 'first'), ...inbox(1, 6_000, 'long')];
    const fake = fakeTransport((request, n) =>
      n === 3
        ? respond(400, {
            error: {
              code: 'INVALID_REQUEST',
              message: 'bad',
              path: 'conversations[0].messages[3]',
            },
          })
        : answerReconcile(request)
    );
    const report = await client(fake.transport).reconcile(items);
    // The long conversation is cut into full runs from its start: 5,000 ids, then 1,000.
    assert.deepEqual(
      fake.requests.map((r) => heldOf(r).map((h) => `${h.conversationId}:${h.messages.length}`)),
      [['first-0:1'], ['long-0:5000'], ['long-0:1000']]
    );
    assert.equal(report.outcomes[1]?.status, 'failed', 'a part failed: no result for the whole');
    assert.equal(report.outcomes[1]?.result, null);
    assert.equal(report.outcomes[1]?.errorCode, 'INVALID_REQUEST');
    assert.match(report.outcomes[1]?.errorMessage ?? '', /at conversations\[1\]\.messages\[5003\]/);
    assert.equal(report.outcomes[0]?.status, 'complete');
  });

  it('fails its conversations with NETWORK_ERROR when no answer ever comes, and goes on', async () => {
    const fake = fakeTransport((request, n) => {
      if (n <= 2) throw new Error('ECONNRESET');
      return answerReconcile(request);
    });
    const report = await client(fake.transport, { retry: { maxAttempts: 2 } }).reconcile(
      inbox(201, 1)
    );
    assert.equal(fake.requests.length, 3);
    assert.equal(report.outcomes[0]?.errorCode, 'NETWORK_ERROR');
    assert.match(report.outcomes[0]?.errorMessage ?? '', /ECONNRESET/);
    assert.equal(report.outcomes[200]?.status, 'complete');
  });

  it('stops on 403: every later request would be refused too', async () => {
    const fake = fakeTransport(() =>
      respond(403, { error: { code: 'PERMISSION_DENIED', message: 'no Kondo_Sync_API' } })
    );
    await assert.rejects(
      client(fake.transport).reconcile(inbox(450, 1)),
      (error: unknown) =>
        error instanceof KondoApiError && error.status === 403 && error.code === 'PERMISSION_DENIED'
    );
    assert.equal(fake.requests.length, 1);
  });

  it('refreshes the token once on 401', async () => {
    const fake = fakeTransport((request) =>
      request.headers.Authorization === 'Bearer token-2'
        ? answerReconcile(request)
        : respond(
            401,
            '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]'
          )
    );
    const report = await client(fake.transport, {
      refreshCredentials: () =>
        Promise.resolve({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'token-2' }),
    }).reconcile(inbox(1, 1));
    assert.equal(fake.requests.length, 2);
    assert.equal(report.outcomes[0]?.status, 'complete');
  });

  it('refuses results that do not line up with the conversations sent', async () => {
    const swapped = fakeTransport((request) =>
      answerReconcile(request, (held) =>
        reconcileResult({ ...held, conversationId: `${held.conversationId}-other` }, 'complete')
      )
    );
    await assert.rejects(
      client(swapped.transport).reconcile(inbox(2, 1)),
      (error: unknown) => error instanceof KondoClientError && error.code === 'RESPONSE_MISMATCH'
    );
    const short = fakeTransport(() =>
      respond(200, { requestId: 'r', results: [], completeCount: 0, toPushCount: 0 })
    );
    await assert.rejects(
      client(short.transport).reconcile(inbox(1, 1)),
      (error: unknown) => error instanceof KondoClientError && error.code === 'RESPONSE_MISMATCH'
    );
  });
});

describe('mergeParts and gapPush', () => {
  const heldOfIds = (id: string, ids: string[]): HeldConversation => ({
    conversationId: id,
    messages: ids.map((m) => ({ id: m, hash: null })),
  });

  it('a conversation is failed when a part failed, unknown when every part was', () => {
    const a = heldOfIds('c', ['m1', 'm2']);
    const b = heldOfIds('c', ['m3']);
    assert.equal(
      mergeParts([reconcileResult(a, 'unknown'), reconcileResult(b, 'unknown')]).status,
      'unknown'
    );
    const failed = mergeParts([
      reconcileResult(a, 'complete'),
      reconcileResult(b, 'failed', { errorCode: 'INVALID_MESSAGE', errorMessage: 'twice' }),
    ]);
    assert.deepEqual([failed.status, failed.errorCode], ['failed', 'INVALID_MESSAGE']);
    const complete = mergeParts([
      reconcileResult(a, 'complete', { storedCount: 4, unverifiable: ['m1'] }),
      reconcileResult(b, 'complete', { storedCount: 4 }),
    ]);
    assert.deepEqual(
      [complete.status, complete.heldCount, complete.extraCount, complete.unverifiable],
      ['complete', 3, 1, ['m1']]
    );
  });

  it('pushes nothing for a complete or failed conversation', () => {
    const c = thread('c', BODIES.slice(0, 2));
    const held = heldOfIds('c', ['c-m1', 'c-m2']);
    assert.equal(gapPush(c, reconcileResult(held, 'complete')), null);
    assert.equal(gapPush(c, reconcileResult(held, 'failed')), null);
    assert.equal(gapPush(c, null), null);
  });

  it('pushes the gaps of a stored conversation as latest, keeping its other fields', () => {
    const c = thread('c', BODIES, {
      labels: ['Hot lead'],
      privacy: 'private',
      messageScope: 'full',
      syncedBy: { email: 'rep@example.com', name: 'Sam Rep' },
    });
    const gap = gapPush(
      c,
      reconcileResult(heldOfIds('c', []), 'incomplete', {
        missing: ['c-m4'],
        different: ['c-m2'],
      })
    );
    assert.deepEqual(
      gap?.messages?.map((m) => [m.id, m.body]),
      [
        ['c-m2', BODIES[1]],
        ['c-m4', BODIES[3]],
      ],
      'in the conversation’s order, bodies as Kondo holds them'
    );
    assert.equal(gap?.messageScope, 'latest');
    assert.deepEqual(
      [gap?.labels, gap?.privacy, gap?.person, gap?.syncedBy],
      [c.labels, c.privacy, c.person, c.syncedBy]
    );
  });

  it('pushes an unknown conversation whole, as full', () => {
    const c = thread('c', BODIES);
    const gap = gapPush(c, reconcileResult(heldOfIds('c', ['c-m1']), 'unknown'));
    assert.deepEqual(gap, { ...c, messageScope: 'full' });
  });
});

describe('KondoClient.resync', () => {
  /**
   * Kondo holds five conversations; Salesforce stored A whole, B without its last two
   * messages, C with an older text of its second message (edited on LinkedIn since), and
   * never saw D; E is held with a message without an id.
   */
  function scenario(): { held: Conversation[]; stored: Conversation[] } {
    const a = thread('kondo-conv-a', BODIES.slice(0, 3));
    const b = thread('kondo-conv-b', BODIES);
    const c = thread('kondo-conv-c', BODIES.slice(0, 3));
    const d = thread('kondo-conv-d', BODIES.slice(0, 4));
    const e = thread('kondo-conv-e', BODIES.slice(0, 1));
    (e.messages ?? [])[0] = { ...(e.messages ?? [])[0], id: null };
    const cBefore = {
      ...c,
      messages: (c.messages ?? []).map((m, i) =>
        i === 1 ? { ...m, body: 'Yes please. Thursday works.' } : m
      ),
    };
    const bBefore = { ...b, messages: (b.messages ?? []).slice(0, 3) };
    return { held: [a, b, c, d, e], stored: [a, bBefore, cBefore] };
  }

  it('pushes exactly the missing and different messages, unknown conversations whole, complete ones not at all', async () => {
    const { held, stored } = scenario();
    const server = fakeInbox(stored);
    const report = await client(server.transport).resync(held);

    const pushed = server.pushed();
    assert.deepEqual(
      pushed.map((c) => [c.conversationId, c.messageScope, c.messages?.map((m) => m.id)]),
      [
        ['kondo-conv-b', 'latest', ['kondo-conv-b-m4', 'kondo-conv-b-m5']],
        ['kondo-conv-c', 'latest', ['kondo-conv-c-m2']],
        [
          'kondo-conv-d',
          'full',
          ['kondo-conv-d-m1', 'kondo-conv-d-m2', 'kondo-conv-d-m3', 'kondo-conv-d-m4'],
        ],
      ]
    );
    assert.equal(pushed[1]?.messages?.[0]?.body, BODIES[1], 'the edited text as Kondo holds it');
    assert.deepEqual(
      report.outcomes.map((o) => [o.conversationId, o.reconcile.status, o.status, o.errorCode]),
      [
        ['kondo-conv-a', 'complete', 'complete', null],
        ['kondo-conv-b', 'incomplete', 'pushed', null],
        ['kondo-conv-c', 'incomplete', 'pushed', null],
        ['kondo-conv-d', 'unknown', 'pushed', null],
        ['kondo-conv-e', 'failed', 'failed', 'INVALID_MESSAGE'],
      ]
    );
    assert.deepEqual(report.counts, { complete: 1, pushed: 3, skipped: 0, failed: 1 });
    assert.equal(report.pushedMessages, 2 + 1 + 4);
    assert.deepEqual(report.requests, { reconcile: 1, push: 1 });
    assert.equal(report.outcomes[3]?.push?.status, 'created');
    assert.equal(report.outcomes[0]?.push, null);

    // What was pushed leaves nothing to push.
    const again = await client(server.transport).reconcile(held.slice(0, 4));
    assert.deepEqual(again.counts, { complete: 4, incomplete: 0, unknown: 0, failed: 0 });
  });

  it('sends no push at all when every conversation is complete', async () => {
    const held = inbox(3, 4);
    const server = fakeInbox(held);
    const report = await client(server.transport).resync(held);
    assert.equal(server.requests.length, 1, 'the reconcile only');
    assert.deepEqual(report.counts, { complete: 3, pushed: 0, skipped: 0, failed: 0 });
    assert.equal(report.pushedMessages, 0);
  });

  it('does not push a conversation whose reconcile request failed', async () => {
    const held = inbox(250, 2);
    const fake = fakeTransport((request, n) =>
      request.url.endsWith('/reconcile')
        ? n === 1
          ? respond(500, { error: { code: 'INTERNAL_ERROR', message: 'retry later' } })
          : answerReconcile(request, (h) => reconcileResult(h, 'unknown'))
        : answerEach(request, (c) => result(c.conversationId ?? null, 'created'))
    );
    const report = await client(fake.transport).resync(held);
    const pushedIds = fake.requests
      .filter((r) => r.url.endsWith('/v1/conversations'))
      .flatMap((r) => (JSON.parse(r.body ?? '') as { conversations: Conversation[] }).conversations)
      .map((c) => c.conversationId);
    assert.deepEqual(
      pushedIds,
      held.slice(200).map((c) => c.conversationId)
    );
    assert.deepEqual(report.counts, { complete: 0, pushed: 50, skipped: 0, failed: 200 });
    assert.equal(report.outcomes[0]?.errorCode, 'INTERNAL_ERROR');
  });

  it('carries the push’s failures and skips, with lock retries of push', async () => {
    const held = inbox(3, 2);
    const fake = fakeTransport((request, n) =>
      request.url.endsWith('/reconcile')
        ? answerReconcile(request, (h) => reconcileResult(h, 'unknown'))
        : answerEach(request, (c) =>
            c.conversationId === 'conv-0'
              ? result('conv-0', 'skipped', 'SKIPPED_NO_LABEL')
              : c.conversationId === 'conv-1' && n === 2
                ? result('conv-1', 'failed', 'UNABLE_TO_LOCK_ROW')
                : c.conversationId === 'conv-1'
                  ? result('conv-1', 'failed', 'INVALID_TRIGGER')
                  : result(c.conversationId ?? null, 'created')
          )
    );
    const report = await client(fake.transport).resync(held);
    assert.equal(fake.requests.length, 3, 'reconcile, push, the locked conversation again');
    assert.deepEqual(
      report.outcomes.map((o) => [o.status, o.errorCode, o.push?.attempts]),
      [
        ['skipped', 'SKIPPED_NO_LABEL', 1],
        ['failed', 'INVALID_TRIGGER', 2],
        ['pushed', null, 1],
      ]
    );
    assert.equal(report.pushedMessages, 2, 'only the messages of the conversation pushed');
  });

  it('reports both phases through onProgress, in order, each to its total', async () => {
    const held = inbox(450, 1);
    const server = fakeInbox(held.slice(0, 200));
    const seen: ResyncProgress[] = [];
    await client(server.transport).resync(held, { onProgress: (p) => seen.push(p) });
    assert.deepEqual(
      seen.map((p) => [p.phase, p.done, p.total]),
      [
        ['reconcile', 0, 450],
        ['reconcile', 200, 450],
        ['reconcile', 400, 450],
        ['reconcile', 450, 450],
        ['push', 0, 250],
        ['push', 200, 250],
        ['push', 250, 250],
      ]
    );
  });

  it('stops on 403 like push', async () => {
    const fake = fakeTransport(() =>
      respond(403, { error: { code: 'PERMISSION_DENIED', message: 'no' } })
    );
    await assert.rejects(
      client(fake.transport).resync(inbox(1, 1)),
      (error: unknown) => error instanceof KondoApiError && error.code === 'PERMISSION_DENIED'
    );
  });
});
