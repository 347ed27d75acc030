// HTTP callouts: the rules a transaction applies before one leaves (Apex Developer Guide:
// Invoking Callouts Using Apex; Callout Limits and Limitations; Testing HTTP Callouts; Performing
// DML Operations and Mock Callouts; Named Credentials as Callout Endpoints) and the seam through
// which a callout is answered. In an Apex test the mock set by Test.setMock answers; outside
// tests the host's CalloutHandler does, and with none configured a callout fails: this machine
// never reaches the network on Apex's behalf. The Apex classes themselves are library/Http.ts.
import { ApexError } from '../interpreter/errors';
import type { NamedCredentialInfo } from './namedCredentials';

/** A callout as it leaves Apex: what a handler gets. */
export interface CalloutRequest {
  /** The endpoint as Apex wrote it (`callout:Webhooks/hooks/1` or `https://...`). */
  endpoint: string;
  /** For a `callout:` endpoint: the named credential and the rest (`/hooks/1`), else null. */
  namedCredential: NamedCredentialTarget | null;
  method: string;
  /** In the order Apex set them, one entry a name (the last value set wins). */
  headers: [string, string][];
  body: Uint8Array;
  /** The most this callout may take: its own timeout within what the transaction has left. */
  timeoutMs: number;
  compressed: boolean;
}

/** What a handler answers; a missing status is the status code's reason phrase. */
export interface CalloutResponse {
  statusCode: number;
  status?: string;
  headers?: [string, string][];
  body?: Uint8Array | string;
}

/**
 * The host hook: answers a callout outside Apex tests, synchronously (the interpreter is). A
 * handler that cannot reach its endpoint throws CalloutFailure with the message Apex's
 * CalloutException gets (`Read timed out`, `Unable to tunnel through proxy` ...).
 */
export type CalloutHandler = (request: CalloutRequest) => CalloutResponse;

export class CalloutFailure extends Error {}

/** A `callout:<Name>/path` endpoint: the project's credential and the rest of the endpoint. */
export interface NamedCredentialTarget {
  name: string;
  path: string;
  /** The URL the credential holds in the project (where an org would send the callout). */
  url: string | null;
  externalCredential: string | null;
}

/** What the local org sets up for the callouts of each transaction. */
export interface CalloutSetup {
  /** The project's named credentials (namedCredentials/<Name>.namedCredential-meta.xml). */
  namedCredentials: ReadonlyMap<string, NamedCredentialInfo>;
  handler: CalloutHandler | null;
}

/** Callout Limits and Limitations. */
export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_TIMEOUT_MS = 120_000;
/** "The maximum cumulative timeout for callouts by a single Apex transaction is 120 seconds." */
export const CUMULATIVE_TIMEOUT_MS = 120_000;

const CALLOUT_EXCEPTION = 'System.CalloutException';

export function calloutError(message: string): ApexError {
  return new ApexError(CALLOUT_EXCEPTION, message);
}

/** Where the running code is, as far as the callout rules care. */
export interface CalloutContext {
  inTest: boolean;
  /** A trigger (of a DML statement or a platform event) is running. */
  inTrigger: boolean;
  /** The async job running now: its kind and whether its class allows callouts. */
  job: { kind: 'queueable' | 'batch' | 'schedulable' | 'future'; allowsCallouts: boolean } | null;
  /** Uncommitted work of the current context: DML (and savepoints), queued async work. */
  pendingDml: boolean;
  pendingAsync: boolean;
  hasMock: boolean;
}

/**
 * The checks made before a callout leaves, in the order the platform reports them (assumed
 * where two could apply at once: DIVERGENCES.md, "HTTP callouts"). Throws the
 * CalloutException.
 */
export function checkCalloutAllowed(context: CalloutContext): void {
  if (context.inTrigger) {
    throw calloutError('Callout from triggers are currently not supported.');
  }
  const job = context.job;
  if (job?.kind === 'schedulable') {
    throw calloutError('Callout from scheduled Apex not supported.');
  }
  if (job && !job.allowsCallouts) {
    // Queueable and batch classes opt in by implementing Database.AllowsCallouts; the platform
    // words the refusal as it does for a @future method without callout=true.
    throw calloutError(
      'Callout not allowed from this future method. Please enable callout by annotating the future method. eg: @Future(callout=true)'
    );
  }
  if (context.inTest && !context.hasMock) {
    throw calloutError('Methods defined as TestMethod do not support Web service callouts');
  }
  if (context.pendingDml || context.pendingAsync) {
    throw calloutError(
      'You have uncommitted work pending. Please commit or rollback before calling out'
    );
  }
}

const NAMED_CREDENTIAL = /^callout:([A-Za-z][A-Za-z0-9_]*(?:__[A-Za-z][A-Za-z0-9_]*)?)(.*)$/s;

/**
 * A `callout:Name/path` endpoint's named credential, which must exist in the project; null for
 * any other endpoint. A namespaced name (`ns__Name`) is looked up by its name without the prefix
 * as well, as the project's own metadata carries no namespace.
 */
export function namedCredentialOf(
  endpoint: string,
  known: ReadonlyMap<string, NamedCredentialInfo>
): NamedCredentialTarget | null {
  if (!/^callout:/i.test(endpoint)) {
    return null;
  }
  const match = NAMED_CREDENTIAL.exec(endpoint);
  const name = match?.[1] ?? endpoint.slice('callout:'.length);
  const bare = name.includes('__') ? name.slice(name.indexOf('__') + 2) : name;
  const found = [...known.values()].find(
    (k) =>
      k.name.toLowerCase() === name.toLowerCase() || k.name.toLowerCase() === bare.toLowerCase()
  );
  if (!match || !found) {
    throw calloutError(
      `The callout couldn't access the endpoint. You might not have the required permissions, or the named credential "${name}" might not exist.`
    );
  }
  return {
    name: found.name,
    path: match[2] ?? '',
    url: found.url,
    externalCredential: found.externalCredential,
  };
}

/** HTTP's reason phrases for the common codes: the status a handler's answer leaves out. */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(statusCode: number): string {
  return REASONS[statusCode] ?? '';
}
