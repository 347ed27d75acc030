// Splits a push or a reconcile into requests the endpoints accept. One rule for both: at most
// a number of items (the schema's maxItems; more is 413 TOO_MANY_CONVERSATIONS), at most a
// byte budget of serialized JSON and, for a reconcile, at most a number of message ids.
//
// Why 1 MB by default when Apex REST accepts 6 MB: the request counts against the 6 MB
// synchronous heap several times over (the body Blob, its String, the parsed maps and lists,
// then the records built from them), and the transaction also needs room for its queries and
// DML. A 1 MB body keeps every copy together well under the heap limit; it still carries 200
// ordinary conversations (a few KB each) in one request. The server refuses more
// (KondoRestRequest.MAX_BODY_BYTES, BODY_TOO_LARGE): scripts/contract ties the two.
import type { HeldConversation } from './types';

export const MAX_CONVERSATIONS_PER_REQUEST = 200;
export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
/** ReconcileRequestParser.MAX_CONVERSATIONS (scripts/contract ties them). */
export const MAX_RECONCILE_CONVERSATIONS = 200;
/** ReconcileRequestParser.MAX_MESSAGES: message ids over a whole reconcile request. */
export const MAX_RECONCILE_MESSAGES = 5_000;
/** `{"conversations":[` and `]}` around the items. */
const ENVELOPE_BYTES = Buffer.byteLength('{"conversations":[]}');

export interface Batch<T> {
  /** Positions of the batch's items in the caller's input. */
  indexes: number[];
  items: T[];
  bytes: number;
  /** The items' weights added up (message ids of a reconcile; 0 without a weight). */
  weight: number;
}

export interface BatchLimits<T> {
  maxItems?: number;
  maxBytes?: number;
  /** A second budget per request besides bytes, e.g. the message ids of a reconcile. */
  maxWeight?: number;
  weight?: (item: T) => number;
}

export interface BatchPlan<T> {
  batches: Batch<T>[];
  /** Items that cannot fit in any request on their own, with their serialized size. */
  oversized: { index: number; bytes: number }[];
}

export function planBatches<T>(items: readonly T[], limits: BatchLimits<T> = {}): BatchPlan<T> {
  const maxItems = limits.maxItems ?? MAX_CONVERSATIONS_PER_REQUEST;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxWeight = limits.maxWeight ?? Infinity;
  const weigh = limits.weight ?? ((): number => 0);
  const plan: BatchPlan<T> = { batches: [], oversized: [] };
  let current: Batch<T> | undefined;
  items.forEach((item, index) => {
    const bytes = Buffer.byteLength(JSON.stringify(item));
    const weight = weigh(item);
    if (ENVELOPE_BYTES + bytes > maxBytes || weight > maxWeight) {
      plan.oversized.push({ index, bytes });
      return;
    }
    // One comma between items.
    const added = current && current.items.length > 0 ? bytes + 1 : bytes;
    if (
      !current ||
      current.items.length >= maxItems ||
      current.bytes + added > maxBytes ||
      current.weight + weight > maxWeight
    ) {
      current = { indexes: [], items: [], bytes: ENVELOPE_BYTES + bytes, weight };
      plan.batches.push(current);
    } else {
      current.bytes += added;
      current.weight += weight;
    }
    current.indexes.push(index);
    current.items.push(item);
  });
  return plan;
}

/** One conversation's message ids, or a run of them when they fill more than one request. */
export interface HeldPart {
  /** Position of the conversation in the caller's input. */
  index: number;
  /** Position of the part's first message in the conversation's messages. */
  offset: number;
  held: HeldConversation;
}

/**
 * Cuts a held conversation that no request could carry whole (more message ids than a request
 * takes, or more bytes) into runs that each fill a request, in message order; a conversation
 * that fits is one part. Each cut is made only when the next message would break a limit, so
 * two parts of one conversation never fit in one request together: the server refuses a
 * conversation listed twice in a request. Undefined when a single message cannot fit at all.
 */
export function splitHeld(
  index: number,
  held: HeldConversation,
  limits: { maxBytes: number; maxMessages: number }
): HeldPart[] | undefined {
  const whole = ENVELOPE_BYTES + Buffer.byteLength(JSON.stringify(held));
  if (whole <= limits.maxBytes && held.messages.length <= limits.maxMessages) {
    return [{ index, offset: 0, held }];
  }
  const base =
    ENVELOPE_BYTES +
    Buffer.byteLength(JSON.stringify({ conversationId: held.conversationId, messages: [] }));
  const parts: HeldPart[] = [];
  let start = 0;
  let bytes = base;
  held.messages.forEach((message, position) => {
    const size = Buffer.byteLength(JSON.stringify(message));
    const count = position - start;
    // A comma before every message but the first of the part.
    if (count > 0 && (count >= limits.maxMessages || bytes + 1 + size > limits.maxBytes)) {
      parts.push(part(index, held, start, position));
      start = position;
      bytes = base;
    }
    bytes += position === start ? size : size + 1;
  });
  parts.push(part(index, held, start, held.messages.length));
  return parts.every(
    (p) => ENVELOPE_BYTES + Buffer.byteLength(JSON.stringify(p.held)) <= limits.maxBytes
  )
    ? parts
    : undefined;
}

function part(index: number, held: HeldConversation, start: number, end: number): HeldPart {
  return {
    index,
    offset: start,
    held: { conversationId: held.conversationId, messages: held.messages.slice(start, end) },
  };
}
