// What reconcile and resync compute on the client's side: the body hash the server compares,
// the held list sent for each conversation, one result out of the parts of a conversation
// split over requests, and the push that fills exactly the gaps a reconcile found.
import { createHash } from 'node:crypto';
import type { Conversation, HeldConversation, ReconcileResult, ReconcileStatus } from './types';

/**
 * The server's MessageHash: SHA-256 of the body's UTF-8 bytes as 64 lowercase hex digits; a
 * missing body hashes as empty text. force-app/tests/messages/staticresources/
 * MessageHashVectors.json checks both sides.
 */
export function messageHash(body: string | null | undefined): string {
  return createHash('sha256')
    .update(body ?? '', 'utf8')
    .digest('hex');
}

/** A conversation the schema would not let us send: it fails here with the server's code. */
export interface LocalFailure {
  errorCode: NonNullable<ReconcileResult['errorCode']>;
  errorMessage: string;
}

/**
 * The ids and hashes Kondo holds for one conversation, as the reconcile request lists them.
 * A blank conversation or message id breaks the schema (minLength 1), which would fail the
 * whole request with 400; the server's own rule for it is a failed conversation, so that is
 * what it becomes here, with the server's code.
 */
export function toHeld(conversation: Conversation, index: number): HeldConversation | LocalFailure {
  const path = `conversations[${index}]`;
  if (!conversation.conversationId) {
    return {
      errorCode: 'INVALID_CONVERSATION',
      errorMessage: `${path}.conversationId is required.`,
    };
  }
  const messages = conversation.messages ?? [];
  const blank = messages.findIndex((message) => !message.id);
  if (blank >= 0) {
    return {
      errorCode: 'INVALID_MESSAGE',
      errorMessage: `${path}.messages[${blank}].id is required: a message without an id cannot be reconciled.`,
    };
  }
  return {
    conversationId: conversation.conversationId,
    messages: messages.map((message) => ({
      id: message.id as string,
      // A deleted message has no text to compare: Salesforce is asked whether it knows so.
      ...(message.deleted ? { deleted: true } : { hash: messageHash(message.body) }),
    })),
  };
}

export function isLocalFailure(value: HeldConversation | LocalFailure): value is LocalFailure {
  return 'errorCode' in value;
}

/**
 * One result for a conversation whose ids went in several requests: the lists joined, the
 * counts added, the stored messages no part listed recounted. Parts come in message order.
 */
export function mergeParts(parts: readonly ReconcileResult[]): ReconcileResult {
  const [first] = parts;
  if (!first) {
    throw new Error('mergeParts needs at least one result');
  }
  if (parts.length === 1) {
    return first;
  }
  const failed = parts.find((p) => p.status === 'failed');
  const missing = parts.flatMap((p) => p.missing);
  const different = parts.flatMap((p) => p.different);
  const heldCount = parts.reduce((sum, p) => sum + p.heldCount, 0);
  const storedCount = Math.max(...parts.map((p) => p.storedCount));
  const status: ReconcileStatus = failed
    ? 'failed'
    : parts.some((p) => p.status === 'unknown')
      ? 'unknown'
      : missing.length + different.length > 0
        ? 'incomplete'
        : 'complete';
  return {
    conversationId: first.conversationId,
    status,
    heldCount,
    storedCount,
    missing,
    different,
    unverifiable: parts.flatMap((p) => p.unverifiable),
    extraCount: Math.max(0, storedCount - (heldCount - missing.length)),
    errorCode: failed?.errorCode ?? null,
    errorMessage: failed?.errorMessage ?? null,
  };
}

/** What a resync sends for one reconciled conversation, or null when nothing is to be sent. */
export function gapPush(
  conversation: Conversation,
  result: ReconcileResult | null
): Conversation | null {
  if (!result || result.status === 'complete' || result.status === 'failed') {
    return null;
  }
  if (result.status === 'unknown') {
    // Never stored: the whole conversation, so its first sync applies the Task window.
    return { ...conversation, messageScope: 'full' };
  }
  const wanted = new Set([...result.missing, ...result.different]);
  // Only the gaps, as latest: a subset is not the entire conversation that "full" promises.
  return {
    ...conversation,
    messageScope: 'latest',
    messages: (conversation.messages ?? []).filter((m) => !!m.id && wanted.has(m.id)),
  };
}
