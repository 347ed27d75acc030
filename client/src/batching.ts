// Splits a push into requests the endpoint accepts: at most 200 conversations (the schema's
// maxItems; more is 413 TOO_MANY_CONVERSATIONS) and at most a byte budget of serialized JSON.
//
// Why 1 MB by default when Apex REST accepts 6 MB: the request counts against the 6 MB
// synchronous heap several times over (the body Blob, its String, the parsed maps and lists,
// then the records built from them), and the transaction also needs room for its queries and
// DML. A 1 MB body keeps every copy together well under the heap limit; it still carries 200
// ordinary conversations (a few KB each) in one request.

export const MAX_CONVERSATIONS_PER_REQUEST = 200;
export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
/** `{"conversations":[` and `]}` around the items. */
const ENVELOPE_BYTES = Buffer.byteLength('{"conversations":[]}');

export interface Batch<T> {
  /** Positions of the batch's items in the caller's input. */
  indexes: number[];
  items: T[];
  bytes: number;
}

export interface BatchPlan<T> {
  batches: Batch<T>[];
  /** Items that cannot fit in any request on their own, with their serialized size. */
  oversized: { index: number; bytes: number }[];
}

export function planBatches<T>(
  items: readonly T[],
  limits: { maxItems?: number; maxBytes?: number } = {}
): BatchPlan<T> {
  const maxItems = limits.maxItems ?? MAX_CONVERSATIONS_PER_REQUEST;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const plan: BatchPlan<T> = { batches: [], oversized: [] };
  let current: Batch<T> | undefined;
  items.forEach((item, index) => {
    const bytes = Buffer.byteLength(JSON.stringify(item));
    if (ENVELOPE_BYTES + bytes > maxBytes) {
      plan.oversized.push({ index, bytes });
      return;
    }
    // One comma between items.
    const added = current && current.items.length > 0 ? bytes + 1 : bytes;
    if (!current || current.items.length >= maxItems || current.bytes + added > maxBytes) {
      current = { indexes: [], items: [], bytes: ENVELOPE_BYTES };
      plan.batches.push(current);
      current.bytes += bytes;
    } else {
      current.bytes += added;
    }
    current.indexes.push(index);
    current.items.push(item);
  });
  return plan;
}
