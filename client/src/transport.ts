// The one place the client touches the network. Tests swap it for a fake that records the
// requests and scripts the answers (timeouts, 429s, lock errors).

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  header(name: string): string | null;
  text: string;
}

/** Sends a request; throws when no answer came back (connection refused, reset, timeout). */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export function fetchTransport(timeoutMs = 120_000): Transport {
  return async (request) => {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, header: (name) => response.headers.get(name), text };
  };
}
