// Apex REST as the platform serves it (Apex Developer Guide: "Exposing Apex Classes as REST Web
// Services", RestResource Annotation, RestRequest and RestResponse classes): the class whose
// @RestResource urlMapping matches the path under /services/apexrest/<namespace>/, the method
// annotated for the HTTP verb, RestContext filled from the request, and the platform's own
// answers for what never reaches Apex (no match, wrong verb) and for an exception Apex left
// uncaught (500 APEX_ERROR with the Apex stack, the transaction rolled back).
import { annotationOf, type MethodDecl } from '../parse/ast';
import type { RuntimeClass } from '../interpreter/types';
import { ApexBlob, ApexMap, type ApexObject, type ApexValue } from '../interpreter/values';
import type { Interpreter } from '../interpreter/interpreter';
import { newRestRequest, newRestResponse } from '../library/RestContext';
import { platformHeld } from '../org/heap';

export const APEX_REST_PREFIX = '/services/apexrest';

const VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Verb = (typeof VERBS)[number];

export interface RestCall {
  method: string;
  /** The path after /services/apexrest, namespace included: `/kondo/v1/lookup`. */
  path: string;
  query: [string, string][];
  /** Header names as sent. */
  headers: [string, string][];
  body: Buffer;
  remoteAddress: string;
}

export interface RestAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

/** A JSON answer: `body` as text already serialised, or a value to serialise. */
export function jsonAnswer(status: number, body: unknown): RestAnswer {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE },
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  };
}

/** The platform's error body: a one-element array of errorCode and message. */
export function platformError(status: number, errorCode: string, message: string): RestAnswer {
  return jsonAnswer(status, [{ errorCode, message }]);
}

/** What the platform answers a request without a valid access token. */
export function invalidSession(): RestAnswer {
  return platformError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
}

interface Resource {
  rc: RuntimeClass;
  mapping: string;
  methods: Map<Verb, MethodDecl>;
}

/** Every @RestResource class of the package with its mapping and verb methods. */
export function restResources(interp: Interpreter): Resource[] {
  const out: Resource[] = [];
  for (const rc of interp.classes.values()) {
    if (rc.outer) {
      continue;
    }
    const rest = annotationOf(rc.decl.modifiers, 'restresource');
    const mapping = rest?.params.get('urlmapping');
    if (!mapping) {
      continue;
    }
    const methods = new Map<Verb, MethodDecl>();
    for (const method of rc.decl.methods) {
      for (const verb of VERBS) {
        if (method.isStatic && annotationOf(method.modifiers, `http${verb.toLowerCase()}`)) {
          methods.set(verb, method);
        }
      }
    }
    out.push({ rc, mapping, methods });
  }
  return out;
}

/**
 * The resource for a path relative to the namespace: an exact mapping wins, then the longest
 * wildcard (`/v1/things/*`); mappings are case-sensitive.
 */
export function matchResource(resources: Resource[], path: string): Resource | undefined {
  const exact = resources.find((r) => r.mapping === path);
  if (exact) {
    return exact;
  }
  let best: Resource | undefined;
  for (const r of resources) {
    if (!r.mapping.endsWith('/*')) {
      continue;
    }
    const base = r.mapping.slice(0, -2);
    if (
      (path === base || path.startsWith(`${base}/`)) &&
      (!best || r.mapping.length > best.mapping.length)
    ) {
      best = r;
    }
  }
  return best;
}

export type RestRoute =
  | { kind: 'answer'; answer: RestAnswer }
  | { kind: 'invoke'; resource: Resource; method: MethodDecl; verb: Verb };

/** What the platform does with a request before any Apex runs. */
export function routeRest(resources: Resource[], namespace: string, call: RestCall): RestRoute {
  const prefix = namespace ? `/${namespace}` : '';
  const relative =
    prefix && (call.path === prefix || call.path.startsWith(`${prefix}/`))
      ? call.path.slice(prefix.length)
      : null;
  const resource = relative === null ? undefined : matchResource(resources, relative || '/');
  if (!resource) {
    return {
      kind: 'answer',
      answer: platformError(404, 'NOT_FOUND', `Could not find a match for URL ${call.path}`),
    };
  }
  const verb = call.method.toUpperCase() === 'HEAD' ? 'GET' : call.method.toUpperCase();
  const method = resource.methods.get(verb as Verb);
  if (!method) {
    const allowed = [...resource.methods.keys()].join(', ');
    return {
      kind: 'answer',
      answer: platformError(
        405,
        'METHOD_NOT_ALLOWED',
        `HTTP Method '${call.method.toUpperCase()}' not allowed. Allowed are ${allowed}`
      ),
    };
  }
  return { kind: 'invoke', resource, method, verb: verb as Verb };
}

/** RestContext.request and .response for a call, as the platform fills them. */
export function restContextFor(
  call: RestCall,
  resource: Resource,
  namespace: string
): { request: ApexObject; response: ApexObject } {
  const request = newRestRequest();
  const headers = request.fields.get('headers') as ApexMap;
  for (const [name, value] of call.headers) {
    headers.put(name, value);
  }
  const params = request.fields.get('params') as ApexMap;
  for (const [name, value] of call.query) {
    params.put(name, value);
  }
  request.fields.set('requestbody', platformHeld(new ApexBlob(new Uint8Array(call.body))));
  request.fields.set('requesturi', call.path);
  request.fields.set(
    'resourcepath',
    `${APEX_REST_PREFIX}${namespace ? `/${namespace}` : ''}${resource.mapping}`
  );
  request.fields.set('httpmethod', call.method.toUpperCase());
  request.fields.set('remoteaddress', call.remoteAddress);
  const response = newRestResponse();
  return { request, response };
}

/** The HTTP answer from RestContext.response once the method returned. */
export function answerFrom(
  response: ApexObject,
  returned: { value: ApexValue; json: string } | null
): RestAnswer {
  const headers: Record<string, string> = {};
  for (const entry of (response.fields.get('headers') as ApexMap).entries.values()) {
    headers[String(entry.key)] = String(entry.value ?? '');
  }
  const statusCode = response.fields.get('statuscode');
  const responseBody = response.fields.get('responsebody');
  let body = responseBody instanceof ApexBlob ? Buffer.from(responseBody.bytes) : Buffer.alloc(0);
  if (returned) {
    // A method that returns a value answers with it as JSON, whatever responseBody holds.
    body = Buffer.from(returned.json);
    headers['Content-Type'] ??= JSON_TYPE;
  }
  return { status: typeof statusCode === 'number' ? statusCode : 200, headers, body };
}
