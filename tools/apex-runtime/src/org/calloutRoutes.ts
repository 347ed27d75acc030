// A CalloutHandler (org/callouts.ts) that sends `callout:<Name>/path` callouts to a local HTTP
// server, as an org sends them to the URL its named credential holds: `routes` maps each named
// credential to a base URL (`{ Webhooks: 'http://127.0.0.1:4010' }`). Any other endpoint, and a
// named credential without a route, fails as a callout the org cannot make.
//
// The interpreter is synchronous, so the request is made by a short-lived Node process while
// this one waits (spawnSync). While it waits this process's event loop is blocked: the server
// must run in another process (a server in this one could never answer).
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { CalloutFailure, type CalloutHandler, type CalloutRequest } from './callouts';

/** What the child process is given, and what it answers. */
interface Wire {
  url: string;
  method: string;
  headers: [string, string][];
  body: string;
  timeoutMs: number;
}

type WireAnswer =
  | { statusCode: number; status: string; headers: [string, string][]; body: string }
  | { error: string };

// The child: one fetch, bounded by the callout's timeout, answered as JSON on stdout (bodies
// in base64, so any bytes survive).
const CHILD = `
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const w = JSON.parse(input);
  try {
    const res = await fetch(w.url, {
      method: w.method,
      headers: w.headers,
      body: ['GET', 'HEAD'].includes(w.method) ? undefined : Buffer.from(w.body, 'base64'),
      signal: AbortSignal.timeout(w.timeoutMs),
      redirect: 'manual',
    });
    const body = Buffer.from(await res.arrayBuffer()).toString('base64');
    process.stdout.write(JSON.stringify({ statusCode: res.status, status: res.statusText, headers: [...res.headers], body }));
  } catch (e) {
    const code = e && e.cause && e.cause.code;
    const error = e && e.name === 'TimeoutError' ? 'Read timed out'
      : code === 'ECONNREFUSED' ? 'Connection refused'
      : String((e && e.message) || e);
    process.stdout.write(JSON.stringify({ error }));
  }
});
`;

/** The URL a callout goes to, or why there is none. */
export function routeOf(request: CalloutRequest, routes: Record<string, string>): string {
  const credential = request.namedCredential;
  if (!credential) {
    throw new CalloutFailure(
      `The local org routes only named credential endpoints (callout:<Name>/path), not ${request.endpoint}`
    );
  }
  const base = Object.entries(routes).find(
    ([name]) => name.toLowerCase() === credential.name.toLowerCase()
  )?.[1];
  if (!base) {
    throw new CalloutFailure(
      `No local route for the named credential ${credential.name}: ${request.endpoint}`
    );
  }
  return base.replace(/\/+$/, '') + credential.path;
}

export function routeCallouts(routes: Record<string, string>): CalloutHandler {
  return (request) => {
    const url = routeOf(request, routes);
    const headers = [...request.headers];
    let body = Buffer.from(request.body);
    // setCompressed(true): "the data in the body is delivered to the endpoint in the gzip
    // compressed format".
    if (request.compressed) {
      body = gzipSync(body);
      headers.push(['Content-Encoding', 'gzip']);
    }
    const wire: Wire = {
      url,
      method: request.method,
      headers,
      body: body.toString('base64'),
      timeoutMs: request.timeoutMs,
    };
    const child = spawnSync(process.execPath, ['-e', CHILD], {
      input: JSON.stringify(wire),
      encoding: 'utf8',
      // The child bounds the request itself; this only ends a child that hangs on starting.
      timeout: request.timeoutMs + 10_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.error || child.status !== 0) {
      throw new CalloutFailure(
        `The callout to ${url} could not be made: ${child.error?.message ?? child.stderr}`
      );
    }
    const answer = JSON.parse(child.stdout) as WireAnswer;
    if ('error' in answer) {
      throw new CalloutFailure(answer.error);
    }
    return {
      statusCode: answer.statusCode,
      status: answer.status,
      headers: answer.headers,
      body: new Uint8Array(Buffer.from(answer.body, 'base64')),
    };
  };
}
