// The local org over HTTP, the paths an org answers and a few of its own:
//   /services/apexrest/<ns>/...   Apex REST, as the platform answers it
//   POST /services/oauth2/token   the client-credentials flow of the configured app
//   GET /services/data/vNN.N/query?q=SOQL   the REST API's query, as the caller
//   /services/data/... otherwise  answered NOT_FOUND: the rest of the data API is not emulated
//   POST /__local/aura            {method: 'Class.method', params}: an @AuraEnabled call,
//                                 answered {ok: true, value} or {ok: false, status, body}
//   GET  /__local/users           the local users and their tokens (the server listens on
//                                 127.0.0.1 only; these are a laptop's test users)
//   GET  /__local/log             the last requests with their limits used
//   POST /__local/apex            anonymous Apex (the body) as the token's user, as sf apex run:
//                                 {debug: [...], error: null | "Type: message\n<stack>"}
// Whatever goes wrong in the server itself is answered as the platform answers an unknown
// failure, never with a stack of the server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APEX_REST_PREFIX,
  invalidSession,
  jsonAnswer,
  platformError,
  type RestAnswer,
} from './rest';
import type { LocalOrgSession } from './session';

/** The platform's synchronous request size limit (Apex Developer Guide: Apex REST). */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

class TooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((done, fail) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      fail(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        fail(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks)));
    request.on('error', fail);
  });
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  // The platform accepts both schemes for an access token.
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header);
  return match ? (match[1] ?? null) : null;
}

function send(response: ServerResponse, answer: RestAnswer, headOnly = false): void {
  response.writeHead(answer.status, {
    ...answer.headers,
    'Content-Length': String(answer.body.length),
    'Cache-Control': 'no-store',
  });
  response.end(headOnly ? undefined : answer.body);
}

function headerPairs(request: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    pairs.push([request.rawHeaders[i] as string, request.rawHeaders[i + 1] as string]);
  }
  return pairs;
}

async function apexRest(
  session: LocalOrgSession,
  request: IncomingMessage,
  url: URL
): Promise<RestAnswer> {
  const body = await readBody(request, MAX_REQUEST_BYTES);
  return session.rest(
    {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname.slice(APEX_REST_PREFIX.length)),
      query: [...url.searchParams.entries()],
      headers: headerPairs(request),
      body,
      remoteAddress: request.socket.remoteAddress ?? '127.0.0.1',
    },
    bearer(request)
  );
}

async function oauthToken(
  session: LocalOrgSession,
  request: IncomingMessage,
  origin: string
): Promise<RestAnswer> {
  const form = new URLSearchParams((await readBody(request, 64 * 1024)).toString('utf8'));
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const [basicId, basicSecret] = basic
    ? Buffer.from(basic[1] ?? '', 'base64')
        .toString('utf8')
        .split(':')
    : [];
  const clientId = form.get('client_id') ?? basicId;
  const clientSecret = form.get('client_secret') ?? basicSecret;
  if (form.get('grant_type') !== 'client_credentials') {
    return jsonAnswer(400, {
      error: 'unsupported_grant_type',
      error_description: 'grant type not supported',
    });
  }
  const app = session.config.clientCredentials;
  if (!app || clientId !== app.clientId || clientSecret !== app.clientSecret) {
    return jsonAnswer(400, {
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });
  }
  const user = session.user(app.runAs);
  return jsonAnswer(200, {
    access_token: user.token,
    instance_url: origin,
    id: `${origin}/id/${session.org.info.orgId}/${user.id}`,
    token_type: 'Bearer',
    issued_at: String(Date.now()),
    scope: 'api',
  });
}

async function aura(session: LocalOrgSession, request: IncomingMessage): Promise<RestAnswer> {
  let call: { method?: unknown; params?: unknown };
  try {
    call = JSON.parse((await readBody(request, MAX_REQUEST_BYTES)).toString('utf8')) as typeof call;
  } catch (error) {
    if (error instanceof TooLarge) {
      throw error;
    }
    return jsonAnswer(400, { message: 'The body is not JSON', exceptionType: 'JSON_PARSER_ERROR' });
  }
  if (typeof call.method !== 'string') {
    return jsonAnswer(400, {
      message: 'method is required: "Class.method"',
      exceptionType: 'INVALID_CALL',
    });
  }
  const params =
    call.params && typeof call.params === 'object' ? (call.params as Record<string, unknown>) : {};
  const outcome = session.aura(call.method, params, bearer(request));
  if (!outcome.ok && outcome.status === 401) {
    return jsonAnswer(401, outcome.body);
  }
  // As Lightning's own transport does, a failed action is a 200 whose envelope says so: the
  // browser logs no failed request for an error the component is meant to handle.
  return jsonAnswer(200, outcome.ok ? { ok: true, value: outcome.value ?? null } : outcome);
}

async function anonymousApex(
  session: LocalOrgSession,
  request: IncomingMessage
): Promise<RestAnswer> {
  const caller = session.userForToken(bearer(request));
  if (!caller) {
    return invalidSession();
  }
  const text = (await readBody(request, MAX_REQUEST_BYTES)).toString('utf8');
  return jsonAnswer(200, session.runAnonymous(text, caller.id));
}

/**
 * Answers the request if it is one of the local org's paths; false leaves it to the caller
 * (the workbench's static files).
 */
export async function handleOrgRequest(
  session: LocalOrgSession,
  request: IncomingMessage,
  response: ServerResponse
): Promise<boolean> {
  const host = request.headers.host ?? 'localhost';
  const url = new URL(request.url ?? '/', `http://${host}`);
  const path = url.pathname;
  const route = (): Promise<RestAnswer> | RestAnswer | null => {
    if (path === APEX_REST_PREFIX || path.startsWith(`${APEX_REST_PREFIX}/`)) {
      return apexRest(session, request, url);
    }
    if (path === '/services/oauth2/token' && request.method === 'POST') {
      return oauthToken(session, request, url.origin);
    }
    if (/^\/services\/data\/v\d+\.\d\/query\/?$/.test(path) && request.method === 'GET') {
      return session.query(url.searchParams.get('q') ?? '', bearer(request));
    }
    if (path.startsWith('/services/')) {
      return platformError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    if (path === '/__local/aura' && request.method === 'POST') {
      return aura(session, request);
    }
    if (path === '/__local/users' && request.method === 'GET') {
      return jsonAnswer(200, {
        users: session.listUsers(),
        orgId: session.org.info.orgId,
        namespace: session.org.project.namespace,
      });
    }
    if (path === '/__local/apex' && request.method === 'POST') {
      return anonymousApex(session, request);
    }
    if (path === '/__local/log' && request.method === 'GET') {
      return jsonAnswer(200, { requests: session.log.slice(-100) });
    }
    return null;
  };
  let answer: RestAnswer | null;
  try {
    answer = await route();
  } catch (error) {
    if (error instanceof TooLarge) {
      answer = platformError(
        413,
        'REQUEST_TOO_LARGE',
        `The request body exceeds the ${MAX_REQUEST_BYTES / 1024 / 1024} MB limit of a synchronous Apex request`
      );
      response.setHeader('Connection', 'close');
    } else {
      console.error(error);
      answer = platformError(
        500,
        'UNKNOWN_EXCEPTION',
        'An unexpected error occurred in the local org'
      );
    }
  }
  if (!answer) {
    return false;
  }
  send(response, answer, request.method === 'HEAD');
  return true;
}

/**
 * Serves the org on a port of 127.0.0.1 (0: a free one); a path that is not the org's goes to
 * `otherwise` (a workbench's static files), or is a plain 404.
 */
export function listenLocalOrg(
  session: LocalOrgSession,
  options: {
    port?: number;
    otherwise?: (request: IncomingMessage, response: ServerResponse) => void;
  } = {}
): Promise<{ port: number; url: string; close(): Promise<void> }> {
  const otherwise =
    options.otherwise ??
    ((_request: IncomingMessage, response: ServerResponse): void => {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    });
  const server = createServer((request, response) => {
    void handleOrgRequest(session, request, response).then((handled) => {
      if (!handled) {
        otherwise(request, response);
      }
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        port,
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
