// Test doubles: a transport that records requests and answers from a script, and builders.
import type { HttpRequest, HttpResponse, Transport } from '../src/transport';
import type { Conversation, ConversationResult } from '../src/types';

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
