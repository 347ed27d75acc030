import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_RECONCILE_CONVERSATIONS,
  MAX_RECONCILE_MESSAGES,
  planBatches,
  splitHeld,
  type HeldPart,
} from '../src/batching';
import { messageHash } from '../src/reconcile';
import type { HeldConversation } from '../src/types';
import { conversation } from './fakes';

const bodyBytes = (items: unknown[]): number =>
  Buffer.byteLength(JSON.stringify({ conversations: items }));

describe('planBatches', () => {
  it('splits by count: 450 conversations go as 200, 200 and 50, in order', () => {
    const items = Array.from({ length: 450 }, (_, i) => conversation(`c${i}`));
    const plan = planBatches(items);
    assert.deepEqual(
      plan.batches.map((b) => b.items.length),
      [200, 200, 50]
    );
    assert.deepEqual(
      plan.batches.flatMap((b) => b.indexes),
      items.map((_, i) => i)
    );
    assert.deepEqual(plan.oversized, []);
  });

  it('splits by bytes and counts exactly the bytes of the request body', () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      conversation(`c${i}`, { notes: 'ü'.repeat(100 + i * 10) })
    );
    const maxBytes = 2_000;
    const plan = planBatches(items, { maxBytes });
    assert.ok(plan.batches.length > 1, 'the budget forces several requests');
    for (const batch of plan.batches) {
      assert.equal(batch.bytes, bodyBytes(batch.items), 'tracked size is the real body size');
      assert.ok(batch.bytes <= maxBytes, `a ${batch.bytes}-byte body exceeds ${maxBytes}`);
    }
    // Greedy packing: the next item would not have fitted in the previous request.
    for (let i = 1; i < plan.batches.length; i++) {
      const previous = plan.batches[i - 1]?.items ?? [];
      const next = plan.batches[i]?.items[0];
      assert.ok(bodyBytes([...previous, next]) > maxBytes);
    }
  });

  it('sets aside a conversation too big for any request and keeps the others', () => {
    const items = [
      conversation('small-1'),
      conversation('huge', { notes: 'x'.repeat(5_000) }),
      conversation('small-2'),
    ];
    const plan = planBatches(items, { maxBytes: 2_000 });
    assert.deepEqual(
      plan.oversized.map((o) => o.index),
      [1]
    );
    assert.ok((plan.oversized[0]?.bytes ?? 0) > 5_000);
    assert.deepEqual(
      plan.batches.flatMap((b) => b.indexes),
      [0, 2]
    );
  });

  it('plans nothing for nothing', () => {
    assert.deepEqual(planBatches([]), { batches: [], oversized: [] });
  });
});

/** A held conversation of `count` messages with ids of about `idLength` characters. */
function held(id: string, count: number, idLength = 24): HeldConversation {
  return {
    conversationId: id,
    messages: Array.from({ length: count }, (_, i) => ({
      id: `${id}-msg-${String(i).padStart(6, '0')}`.padEnd(idLength, 'x'),
      hash: messageHash(`Message ${i} of ${id}: see you on Thursday.`),
    })),
  };
}

const reconcileLimits = {
  maxItems: MAX_RECONCILE_CONVERSATIONS,
  maxBytes: DEFAULT_MAX_REQUEST_BYTES,
  maxWeight: MAX_RECONCILE_MESSAGES,
  weight: (h: HeldConversation): number => h.messages.length,
};

describe('planBatches with a message budget (reconcile)', () => {
  it('fills a request to exactly 5,000 message ids and starts the next at 5,001', () => {
    const items = [held('a', 2_500), held('b', 2_500), held('c', 1)];
    const plan = planBatches(items, reconcileLimits);
    assert.deepEqual(
      plan.batches.map((b) => [b.indexes, b.weight]),
      [
        [[0, 1], 5_000],
        [[2], 1],
      ]
    );
  });

  it('still stops at 200 conversations when they hold few ids', () => {
    const items = Array.from({ length: 401 }, (_, i) => held(`c${i}`, 2));
    const plan = planBatches(items, reconcileLimits);
    assert.deepEqual(
      plan.batches.map((b) => b.items.length),
      [200, 200, 1]
    );
  });

  it('stops at the byte budget before the id budget when ids are long', () => {
    // 255-character ids: 2,000 of them with hashes are about 690 KB.
    const items = [held('a', 2_000, 255), held('b', 2_000, 255)];
    const plan = planBatches(items, reconcileLimits);
    assert.equal(plan.batches.length, 2, 'together they exceed 1,000,000 bytes');
    for (const batch of plan.batches) {
      assert.equal(batch.bytes, bodyBytes(batch.items));
      assert.ok(batch.bytes <= DEFAULT_MAX_REQUEST_BYTES);
      assert.ok(batch.weight <= MAX_RECONCILE_MESSAGES);
    }
  });

  it('sets aside an item heavier than the budget', () => {
    const plan = planBatches([held('a', 3), held('b', 5_001)], reconcileLimits);
    assert.deepEqual(
      plan.oversized.map((o) => o.index),
      [1]
    );
    assert.deepEqual(
      plan.batches.map((b) => b.indexes),
      [[0]]
    );
  });
});

describe('splitHeld', () => {
  const limits = { maxBytes: DEFAULT_MAX_REQUEST_BYTES, maxMessages: MAX_RECONCILE_MESSAGES };

  it('keeps a conversation that fits a request whole', () => {
    const whole = held('a', MAX_RECONCILE_MESSAGES);
    assert.deepEqual(splitHeld(7, whole, limits), [{ index: 7, offset: 0, held: whole }]);
  });

  it('cuts 12,001 message ids into runs of 5,000, 5,000 and 2,001, in order', () => {
    const whole = held('long', 12_001);
    const parts = splitHeld(3, whole, limits) ?? [];
    assert.deepEqual(
      parts.map((p) => [p.index, p.offset, p.held.messages.length]),
      [
        [3, 0, 5_000],
        [3, 5_000, 5_000],
        [3, 10_000, 2_001],
      ]
    );
    assert.deepEqual(
      parts.flatMap((p) => p.held.messages),
      whole.messages
    );
    assert.ok(parts.every((p) => p.held.conversationId === 'long'));
  });

  it('cuts by bytes when long ids fill the budget first, each run as full as it can be', () => {
    const whole = held('wide', 4_000, 255);
    const parts = splitHeld(0, whole, limits) ?? [];
    assert.ok(parts.length >= 2);
    parts.forEach((p, i) => {
      const bytes = bodyBytes([p.held]);
      assert.ok(bytes <= DEFAULT_MAX_REQUEST_BYTES, `part ${i} is ${bytes} bytes`);
      const next = parts[i + 1]?.held.messages[0];
      if (next) {
        const fuller = { ...p.held, messages: [...p.held.messages, next] };
        assert.ok(bodyBytes([fuller]) > DEFAULT_MAX_REQUEST_BYTES, `part ${i} could hold more`);
      }
    });
    assert.equal(
      parts.reduce((n, p) => n + p.held.messages.length, 0),
      4_000
    );
  });

  it('never lets two runs of one conversation share a request (the server refuses a repeated id)', () => {
    const items = [held('before', 10), held('long', 10_050), held('after', 10)];
    const parts: HeldPart[] = items.flatMap((h, i) => splitHeld(i, h, limits) ?? []);
    const plan = planBatches(
      parts.map((p) => p.held),
      reconcileLimits
    );
    for (const batch of plan.batches) {
      const ids = batch.items.map((h) => h.conversationId);
      assert.equal(new Set(ids).size, ids.length, `a request lists ${ids.join(', ')}`);
      assert.ok(batch.weight <= MAX_RECONCILE_MESSAGES);
    }
    assert.deepEqual(plan.oversized, []);
    // The short tail of the long conversation shares its request with the next conversation.
    assert.deepEqual(
      plan.batches.map((b) => b.items.map((h) => `${h.conversationId}:${h.messages.length}`)),
      [['before:10'], ['long:5000'], ['long:5000'], ['long:50', 'after:10']]
    );
  });

  it('gives up on a message that no request could carry', () => {
    const whole = held('a', 2, 600);
    assert.equal(splitHeld(0, whole, { maxBytes: 500, maxMessages: 10 }), undefined);
  });
});
