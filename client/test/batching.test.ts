import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planBatches } from '../src/batching';
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
