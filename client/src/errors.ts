// Every failure the client reports carries a stable code, whether the API sent it (KondoApiError)
// or the client detected it before or after talking to the API (KondoClientError).

/** Codes the client produces itself. */
export type ClientErrorCode =
  | 'CONVERSATION_TOO_LARGE'
  | 'NETWORK_ERROR'
  | 'INVALID_RESPONSE'
  | 'RESPONSE_MISMATCH'
  | 'AUTH_FAILED'
  | 'USAGE';

export class KondoClientError extends Error {
  override readonly name = 'KondoClientError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}

/** An HTTP error answer from the API (or from the platform in front of it). */
export class KondoApiError extends Error {
  override readonly name = 'KondoApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string | undefined,
    readonly requestId: string | undefined
  ) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the code, message and path of an error answer. Kondo answers
 * `{"error": {"code", "message", "path"?}}`; the platform itself (expired session, unknown
 * URL, request limits) answers `[{"errorCode", "message"}]`; proxies may answer anything.
 */
export function toApiError(status: number, bodyText: string, requestId?: string): KondoApiError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const kondo = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (kondo && typeof kondo.code === 'string') {
    return new KondoApiError(
      status,
      kondo.code,
      typeof kondo.message === 'string' ? kondo.message : `HTTP ${status}`,
      typeof kondo.path === 'string' ? kondo.path : undefined,
      requestId
    );
  }
  const platform = Array.isArray(body) && isRecord(body[0]) ? body[0] : undefined;
  if (platform && typeof platform.errorCode === 'string') {
    return new KondoApiError(
      status,
      platform.errorCode,
      typeof platform.message === 'string' ? platform.message : `HTTP ${status}`,
      undefined,
      requestId
    );
  }
  const excerpt = bodyText.trim().slice(0, 200);
  return new KondoApiError(
    status,
    `HTTP_${status}`,
    excerpt ? `HTTP ${status}: ${excerpt}` : `HTTP ${status}`,
    undefined,
    requestId
  );
}
