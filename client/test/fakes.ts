// Test doubles: a transport that records requests and answers from a script, and builders.
import { messageHash } from '../src/reconcile';
import type { HttpRequest, HttpResponse, Transport } from '../src/transport';
import type {
  Conversation,
  ConversationResult,
  HeldConversation,
  Message,
  ReconcileResult,
} from '../src/types';

export function respond(
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): HttpResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    header: (name) => lower[name.toLowerCase()] ?? null,
    text: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** A transport answering with `answer(request, n)` (n from 1); a thrown error is a lost answer. */
export function fakeTransport(answer: (request: HttpRequest, n: number) => HttpResponse): {
  transport: Transport;
  requests: HttpRequest[];
  bodies: () => { conversations?: Conversation[] }[];
} {
  const requests: HttpRequest[] = [];
  return {
    requests,
    bodies: () =>
      requests.map((r) => (r.body ? JSON.parse(r.body) : {}) as { conversations?: Conversation[] }),
    transport: (request) => {
      requests.push(request);
      try {
        return Promise.resolve(answer(request, requests.length));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

export function conversation(id: string, extra: Partial<Conversation> = {}): Conversation {
  return {
    conversationId: id,
    trigger: 'auto',
    person: { linkedInUrl: `https://www.linkedin.com/in/${id}` },
    messages: [
      {
        id: `${id}-m1`,
        direction: 'inbound',
        senderName: 'Jane',
        sentAt: '2025-03-01T09:30:00Z',
        body: 'Hi',
      },
    ],
    ...extra,
  };
}

export function result(
  conversationId: string | null,
  status: ConversationResult['status'],
  errorCode: string | null = null
): ConversationResult {
  // Cast so that result fields added to the description later need no change here.
  const fields: Partial<ConversationResult> = {
    conversationId,
    status,
    objectType: status === 'failed' ? null : 'Contact',
    recordId: status === 'failed' ? null : '003000000000001AAA',
    matchedBy: status === 'failed' ? null : 'url',
    ambiguous: false,
    candidates: [],
    fieldErrors: [],
    warnings: [],
    errorCode,
    errorMessage: errorCode ? `failed with ${errorCode}` : null,
  };
  return fields as ConversationResult;
}

/** A 200 answer with one result per conversation of the request, from `decide`. */
export function answerEach(
  request: HttpRequest,
  decide: (conversation: Conversation, position: number) => ConversationResult = (c) =>
    result(c.conversationId ?? null, 'updated')
): HttpResponse {
  const body = JSON.parse(request.body ?? '{}') as { conversations: Conversation[] };
  const results = body.conversations.map(decide);
  return respond(200, {
    requestId: request.headers['X-Request-Id'],
    results,
    summary: {
      received: results.length,
      created: results.filter((r) => r.status === 'created').length,
      updated: results.filter((r) => r.status === 'updated').length,
      skipped: results.filter((r) => r.status === 'skipped').length,
      failed: results.filter((r) => r.status === 'failed').length,
    },
  });
}

export const noSleep = (): Promise<void> => Promise.resolve();

/** A conversation whose messages carry these bodies, oldest first, an hour apart. */
export function thread(
  id: string,
  bodies: string[],
  extra: Partial<Conversation> = {}
): Conversation {
  return conversation(id, {
    messages: bodies.map((body, i): Message => ({
      id: `${id}-m${i + 1}`,
      direction: i % 2 === 0 ? 'outbound' : 'inbound',
      senderName: i % 2 === 0 ? 'Sam Rep' : 'Amelia Hart',
      sentAt: new Date(Date.UTC(2026, 0, 12, 9 + i, 30)).toISOString().replace('.000Z', 'Z'),
      body,
    })),
    ...extra,
  });
}

export const BODIES = [
  'Great to meet you at the meetup, Amelia. Shall we set up a demo?',
  'Yes please. Thursday afternoon works for the team.',
  'Booked for Thursday 3pm. I will send the deck beforehand.',
  'Thanks! Could you include the pricing for 40 seats?',
  'Of course – pricing for 40 seats is on slide 12. Grüße, Sam 👋',
];

/** The held conversations of a reconcile request. */
export function heldOf(request: HttpRequest): HeldConversation[] {
  return (JSON.parse(request.body ?? '{}') as { conversations: HeldConversation[] }).conversations;
}

export function reconcileResult(
  held: HeldConversation,
  status: ReconcileResult['status'],
  extra: Partial<ReconcileResult> = {}
): ReconcileResult {
  return {
    conversationId: held.conversationId,
    status,
    heldCount: held.messages.length,
    storedCount: status === 'unknown' ? 0 : held.messages.length,
    missing: status === 'unknown' ? held.messages.map((m) => m.id) : [],
    different: [],
    unverifiable: [],
    extraCount: 0,
    errorCode: null,
    errorMessage: null,
    ...extra,
  };
}

/** A 200 reconcile answer with one result per held conversation, from `decide`. */
export function answerReconcile(
  request: HttpRequest,
  decide: (held: HeldConversation, position: number) => ReconcileResult = (held) =>
    reconcileResult(held, 'complete')
): HttpResponse {
  const results = heldOf(request).map(decide);
  return respond(200, {
    requestId: request.headers['X-Request-Id'],
    results,
    completeCount: results.filter((r) => r.status === 'complete').length,
    toPushCount: results.reduce((sum, r) => sum + r.missing.length + r.different.length, 0),
  });
}

/**
 * A server that keeps what is pushed and reconciles against it by the rules of the Apex
 * ReconcileService: per conversation id, each message id with the hash of the body sent last.
 */
export function fakeInbox(stored: Conversation[] = []): {
  transport: Transport;
  requests: HttpRequest[];
  messages: Map<string, Map<string, string>>;
  pushed: () => Conversation[];
} {
  const messages = new Map<string, Map<string, string>>();
  const keep = (c: Conversation): void => {
    const kept = messages.get(c.conversationId ?? '') ?? new Map<string, string>();
    messages.set(c.conversationId ?? '', kept);
    for (const m of c.messages ?? []) kept.set(m.id ?? '', messageHash(m.body));
  };
  stored.forEach(keep);
  const fake = fakeTransport((request) => {
    if (request.url.endsWith('/v1/conversations/reconcile')) {
      return answerReconcile(request, (held) => {
        const kept = messages.get(held.conversationId);
        if (!kept) return reconcileResult(held, 'unknown');
        const missing = held.messages.filter((m) => !kept.has(m.id)).map((m) => m.id);
        const different = held.messages
          .filter((m) => kept.has(m.id) && m.hash != null && kept.get(m.id) !== m.hash)
          .map((m) => m.id);
        return reconcileResult(
          held,
          missing.length + different.length ? 'incomplete' : 'complete',
          {
            storedCount: kept.size,
            missing,
            different,
            extraCount: kept.size - (held.messages.length - missing.length),
          }
        );
      });
    }
    const body = JSON.parse(request.body ?? '{}') as { conversations: Conversation[] };
    const known = new Set(body.conversations.filter((c) => messages.has(c.conversationId ?? '')));
    body.conversations.forEach(keep);
    return answerEach(request, (c, position) =>
      result(
        c.conversationId ?? null,
        known.has(body.conversations[position] as Conversation) ? 'updated' : 'created'
      )
    );
  });
  return {
    ...fake,
    messages,
    pushed: () =>
      fake.requests
        .filter((r) => r.url.endsWith('/v1/conversations'))
        .flatMap(
          (r) => (JSON.parse(r.body ?? '{}') as { conversations: Conversation[] }).conversations
        ),
  };
}
