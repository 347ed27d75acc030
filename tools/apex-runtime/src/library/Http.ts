// HTTP callouts in Apex (Apex Reference Guide: HttpRequest Class, HttpResponse Class, Http
// Class, HttpCalloutMock Interface, Test.setMock; Apex Developer Guide: Callout Limits and
// Limitations). The rules a callout must pass and the hook that answers it outside tests are
// org/callouts.ts; this file is the classes Apex sees.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import type { RuntimeClass } from '../interpreter/types';
import { ApexBlob, ApexList, ApexObject, TypeValue, type ApexValue } from '../interpreter/values';
import {
  CUMULATIVE_TIMEOUT_MS,
  CalloutFailure,
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  calloutError,
  checkCalloutAllowed,
  namedCredentialOf,
  reasonPhrase,
  type CalloutRequest,
  type CalloutResponse,
} from '../org/callouts';
import type { OrgHost } from '../org/host';

const REQUEST = 'System.HttpRequest';
const RESPONSE = 'System.HttpResponse';

/** A header as set: the name as written, found again whatever its case (HTTP names are not). */
type Headers = Map<string, { name: string; value: string }>;

/** A body held as set: text, or bytes from setBodyAsBlob. */
type Body = string | Uint8Array;

interface RequestState {
  endpoint: string | null;
  method: string | null;
  headers: Headers;
  body: Body | null;
  timeoutMs: number;
  compressed: boolean;
}

interface ResponseState {
  statusCode: number | null;
  status: string | null;
  headers: Headers;
  body: Body | null;
}

/** HttpRequest setMethod: "Possible values for the method type include: DELETE GET HEAD PATCH POST PUT TRACE". */
const METHODS = new Set(['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'TRACE']);

function hostOf(c: CallContext): OrgHost {
  return c.interp.host as unknown as OrgHost;
}

function requestOf(self: ApexObject): RequestState {
  return self.native as RequestState;
}

function responseOf(self: ApexObject): ResponseState {
  return self.native as ResponseState;
}

function required<T extends ApexValue>(value: ApexValue | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new ApexError('System.NullPointerException', `Argument cannot be null: ${what}`);
  }
  return value as T;
}

function text(body: Body | null): string {
  if (body === null) {
    return '';
  }
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

function bytes(body: Body | null): Uint8Array {
  if (body === null) {
    return new Uint8Array();
  }
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

function setHeader(headers: Headers, args: ApexValue[]): null {
  const name = required<string>(args[0], 'key');
  const value = args[1] ?? null;
  headers.set(name.toLowerCase(), { name, value: value === null ? '' : String(value) });
  return null;
}

function getHeader(headers: Headers, args: ApexValue[]): ApexValue {
  const name = args[0];
  return typeof name === 'string' ? (headers.get(name.toLowerCase())?.value ?? null) : null;
}

function blobArgument(value: ApexValue | undefined): Uint8Array {
  return required<ApexBlob>(value, 'body').bytes;
}

export function newRequest(): ApexObject {
  const request = new ApexObject(REQUEST, null);
  const state: RequestState = {
    endpoint: null,
    method: null,
    headers: new Map(),
    body: null,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    compressed: false,
  };
  request.native = state;
  return request;
}

export function newResponse(answer?: CalloutResponse): ApexObject {
  const response = new ApexObject(RESPONSE, null);
  const headers: Headers = new Map();
  for (const [name, value] of answer?.headers ?? []) {
    headers.set(name.toLowerCase(), { name, value });
  }
  const state: ResponseState = {
    statusCode: answer ? answer.statusCode : null,
    status: answer ? (answer.status ?? reasonPhrase(answer.statusCode)) : null,
    headers,
    body: answer ? (answer.body ?? '') : null,
  };
  response.native = state;
  return response;
}

defineNative({
  name: REQUEST,
  construct: () => newRequest(),
  methods: {
    setendpoint: (self, args) => {
      requestOf(self).endpoint = (args[0] ?? null) as string | null;
      return null;
    },
    getendpoint: (self) => requestOf(self).endpoint,
    setmethod: (self, args) => {
      requestOf(self).method = (args[0] ?? null) as string | null;
      return null;
    },
    getmethod: (self) => requestOf(self).method,
    setheader: (self, args) => setHeader(requestOf(self).headers, args),
    getheader: (self, args) => getHeader(requestOf(self).headers, args),
    setbody: (self, args) => {
      requestOf(self).body = (args[0] ?? null) as string | null;
      return null;
    },
    getbody: (self) => text(requestOf(self).body),
    setbodyasblob: (self, args) => {
      requestOf(self).body = blobArgument(args[0]);
      return null;
    },
    getbodyasblob: (self) => new ApexBlob(bytes(requestOf(self).body)),
    // "The timeout can be any value between 1 and 120,000 milliseconds."
    settimeout: (self, args) => {
      const timeout = required<number>(args[0], 'timeout');
      if (typeof timeout !== 'number' || timeout < 1 || timeout > MAX_TIMEOUT_MS) {
        throw calloutError(`Timeout value must be between 1 and ${MAX_TIMEOUT_MS} milliseconds`);
      }
      requestOf(self).timeoutMs = timeout;
      return null;
    },
    setcompressed: (self, args) => {
      requestOf(self).compressed = args[0] === true;
      return null;
    },
    getcompressed: (self) => requestOf(self).compressed,
    setbodydocument: (_self, _args, c) =>
      c.interp.unsupported('HttpRequest.setBodyDocument', c.pos),
    getbodydocument: (_self, _args, c) =>
      c.interp.unsupported('HttpRequest.getBodyDocument', c.pos),
    setclientcertificatename: (_self, _args, c) =>
      c.interp.unsupported('HttpRequest.setClientCertificateName', c.pos),
    tostring: (self) => {
      const state = requestOf(self);
      return `System.HttpRequest[Endpoint=${state.endpoint}, Method=${state.method}]`;
    },
  },
});

defineNative({
  name: RESPONSE,
  construct: () => newResponse(),
  methods: {
    setstatuscode: (self, args) => {
      responseOf(self).statusCode = (args[0] ?? null) as number | null;
      return null;
    },
    getstatuscode: (self) => responseOf(self).statusCode ?? 0,
    setstatus: (self, args) => {
      responseOf(self).status = (args[0] ?? null) as string | null;
      return null;
    },
    getstatus: (self) => responseOf(self).status,
    setheader: (self, args) => setHeader(responseOf(self).headers, args),
    getheader: (self, args) => getHeader(responseOf(self).headers, args),
    getheaderkeys: (self) =>
      new ApexList(
        { name: 'String', args: [] },
        [...responseOf(self).headers.values()].map((h) => h.name)
      ),
    setbody: (self, args) => {
      responseOf(self).body = (args[0] ?? null) as string | null;
      return null;
    },
    getbody: (self) => text(responseOf(self).body),
    setbodyasblob: (self, args) => {
      responseOf(self).body = blobArgument(args[0]);
      return null;
    },
    getbodyasblob: (self) => new ApexBlob(bytes(responseOf(self).body)),
    getbodydocument: (_self, _args, c) =>
      c.interp.unsupported('HttpResponse.getBodyDocument', c.pos),
    getxmlstreamreader: (_self, _args, c) =>
      c.interp.unsupported('HttpResponse.getXmlStreamReader', c.pos),
    tostring: (self) => {
      const state = responseOf(self);
      return `System.HttpResponse[Status=${state.status}, StatusCode=${state.statusCode ?? 0}]`;
    },
  },
});

/** The class a value is an instance of, when Apex declared it. */
function userClass(value: ApexValue): RuntimeClass | null {
  return value instanceof ApexObject && value.cls && 'decl' in (value.cls as object)
    ? (value.cls as RuntimeClass)
    : null;
}

/** Where the running code is, for the rules of org/callouts.ts. */
function calloutContext(host: OrgHost, c: CallContext): Parameters<typeof checkCalloutAllowed>[0] {
  const job = host.runningJob;
  const jobClass = job ? userClass(job.job) : null;
  return {
    inTest: host.inTest,
    inTrigger: host.services.inTrigger(),
    job: job
      ? {
          kind: job.kind,
          allowsCallouts:
            jobClass !== null && c.interp.implementsNative(jobClass, 'Database.AllowsCallouts'),
        }
      : null,
    pendingDml: host.limits.pendingDml,
    pendingAsync: host.limits.pendingAsync,
    hasMock: host.calloutMock !== null,
  };
}

/** Http.send: the rules, the limit, then the mock (in tests) or the host's handler. */
function send(request: ApexObject, c: CallContext): ApexValue {
  const host = hostOf(c);
  const state = requestOf(request);
  checkCalloutAllowed(calloutContext(host, c));
  if (!state.endpoint) {
    throw calloutError('Endpoint URL not set');
  }
  const method = (state.method ?? '').toUpperCase();
  if (!METHODS.has(method)) {
    throw calloutError(`Invalid HTTP method: ${state.method ?? ''}`);
  }
  const namedCredential = namedCredentialOf(state.endpoint, host.calloutSetup.namedCredentials);
  const left = CUMULATIVE_TIMEOUT_MS - host.limits.calloutMs;
  if (left <= 0) {
    throw calloutError(`Exceeded maximum time allotted for callout (${CUMULATIVE_TIMEOUT_MS} ms)`);
  }
  host.limits.countCallout();
  if (host.inTest) {
    // The mock answers with the request as Apex built it (endpoint as written); it takes no
    // callout time (DIVERGENCES.md, "HTTP callouts").
    const mock = host.calloutMock as ApexObject;
    return isStaticMock(mock)
      ? staticMockRespond(mock, request, c)
      : c.interp.invokeObjectMethod(mock, 'respond', [request], c.pos);
  }
  // The org resolves the credential's principal for the running user; a mock never sees it.
  const external = namedCredential?.externalCredential;
  if (external && !host.services.hasExternalCredentialAccess(host.userId, external)) {
    throw calloutError(
      `We couldn't access the credential(s). You might not have the required permissions, or the external credential "${external}" might not exist.`
    );
  }
  const handler = host.calloutSetup.handler;
  if (!handler) {
    throw calloutError(
      `Unable to reach ${state.endpoint}: the local org makes no network callouts and has no callout handler configured`
    );
  }
  const outgoing: CalloutRequest = {
    endpoint: state.endpoint,
    namedCredential,
    method,
    headers: [...state.headers.values()].map((h) => [h.name, h.value]),
    body: bytes(state.body),
    timeoutMs: Math.min(state.timeoutMs, left),
    compressed: state.compressed,
  };
  // The handler keeps to outgoing.timeoutMs (the callout's own timeout within what the
  // transaction has left); the time it took counts toward the transaction's 120 seconds.
  const started = Date.now();
  let answer: CalloutResponse;
  try {
    answer = handler(outgoing);
  } catch (e) {
    if (e instanceof CalloutFailure) {
      throw calloutError(e.message);
    }
    throw e;
  } finally {
    host.limits.calloutMs += Date.now() - started;
  }
  return newResponse(answer);
}

defineNative({
  name: 'System.Http',
  construct: () => new ApexObject('System.Http', null),
  methods: {
    send: (_self, args, c) => send(required<ApexObject>(args[0], 'request'), c),
    tostring: () => 'System.Http',
  },
});

// StaticResourceCalloutMock and MultiStaticResourceCalloutMock (Apex Reference Guide; Apex
// Developer Guide: Testing HTTP Callouts Using Static Resources): the body is a static resource of
// the project, for every callout or by endpoint as written.
const STATIC_MOCK = 'System.StaticResourceCalloutMock';
const MULTI_MOCK = 'System.MultiStaticResourceCalloutMock';

interface StaticMockState {
  resource: string | null;
  byEndpoint: Map<string, string>;
  statusCode: number | null;
  status: string | null;
  headers: Headers;
}

function staticMockOf(self: ApexObject): StaticMockState {
  return self.native as StaticMockState;
}

function newStaticMock(className: string): ApexObject {
  const mock = new ApexObject(className, null);
  const state: StaticMockState = {
    resource: null,
    byEndpoint: new Map(),
    statusCode: null,
    status: null,
    headers: new Map(),
  };
  mock.native = state;
  return mock;
}

/** The answer of a static resource mock to `request`. */
function staticMockRespond(mock: ApexObject, request: ApexObject, c: CallContext): ApexObject {
  const state = staticMockOf(mock);
  const endpoint = requestOf(request).endpoint ?? '';
  const name =
    mock.className === MULTI_MOCK ? (state.byEndpoint.get(endpoint) ?? null) : state.resource;
  if (name === null) {
    throw calloutError(
      mock.className === MULTI_MOCK
        ? `No static resource is set for the endpoint ${endpoint}`
        : 'No static resource is set on the mock'
    );
  }
  const resource = hostOf(c).services.staticResource(name);
  if (!resource) {
    throw calloutError(`Static Resource not found: ${name}`);
  }
  const response = newResponse();
  const answer = responseOf(response);
  answer.statusCode = state.statusCode;
  answer.status = state.status;
  for (const [key, header] of state.headers) {
    answer.headers.set(key, { ...header });
  }
  answer.body = resource.body;
  return response;
}

const staticMockSetters = {
  setstatuscode: (self: ApexObject, args: ApexValue[]) => {
    staticMockOf(self).statusCode = (args[0] ?? null) as number | null;
    return null;
  },
  setstatus: (self: ApexObject, args: ApexValue[]) => {
    staticMockOf(self).status = (args[0] ?? null) as string | null;
    return null;
  },
  setheader: (self: ApexObject, args: ApexValue[]) => setHeader(staticMockOf(self).headers, args),
  respond: (self: ApexObject, args: ApexValue[], c: CallContext) =>
    staticMockRespond(self, required<ApexObject>(args[0], 'request'), c),
};

defineNative({
  name: STATIC_MOCK,
  construct: () => newStaticMock(STATIC_MOCK),
  methods: {
    ...staticMockSetters,
    setstaticresource: (self, args) => {
      staticMockOf(self).resource = required<string>(args[0], 'resourceName');
      return null;
    },
  },
});

defineNative({
  name: MULTI_MOCK,
  construct: () => newStaticMock(MULTI_MOCK),
  methods: {
    ...staticMockSetters,
    setstaticresource: (self, args) => {
      staticMockOf(self).byEndpoint.set(
        required<string>(args[0], 'endpoint'),
        required<string>(args[1], 'resourceName')
      );
      return null;
    },
  },
});

function isStaticMock(value: ApexValue): value is ApexObject {
  return (
    value instanceof ApexObject &&
    (value.className === STATIC_MOCK || value.className === MULTI_MOCK)
  );
}

// Interfaces a user class implements: resolvable as type names (`HttpCalloutMock.class`).
defineNative({ name: 'System.HttpCalloutMock' });
defineNative({ name: 'Database.AllowsCallouts' });

defineNative({
  name: 'System.Test',
  statics: {
    // Test.setMock(HttpCalloutMock.class, instance): the instance answers every HTTP callout
    // for the rest of the test method, jobs run by Test.stopTest included.
    setmock: (args, c) => {
      const type = args[0];
      const mock = args[1] ?? null;
      const name = type instanceof TypeValue ? type.type.name : '';
      if (name.toLowerCase() !== 'system.httpcalloutmock') {
        return c.interp.unsupported(`Test.setMock for ${name || 'this type'}`, c.pos);
      }
      const rc = userClass(mock);
      if (mock === null) {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      if (!isStaticMock(mock) && (!rc || !c.interp.implementsNative(rc, 'HttpCalloutMock'))) {
        return c.interp.unsupported(
          'Test.setMock with a mock that does not implement HttpCalloutMock',
          c.pos
        );
      }
      hostOf(c).calloutMock = mock as ApexObject;
      return null;
    },
  },
});
