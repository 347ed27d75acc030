// The workbench's server: the local org's paths (Apex REST, the Lightning calls of the page, its
// users; see tools/apex-runtime/src/server/http.ts) when one is given, then the built workbench
// (workbench/dist at /, the SLDS assets at /slds/).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { handleOrgRequest } from '../../tools/apex-runtime/src/server/http';
import type { LocalOrgSession } from '../../tools/apex-runtime/src/server/session';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function fileFor(root: string, sldsAssets: string, pathname: string): string | undefined {
  const [base, rest] = pathname.startsWith('/slds/')
    ? [sldsAssets, pathname.slice('/slds/'.length)]
    : [root, pathname === '/' ? 'index.html' : pathname.slice(1)];
  const file = resolve(base, normalize(decodeURIComponent(rest)));
  // Never serve anything outside the two folders.
  if (file !== base && !file.startsWith(base + sep)) {
    return undefined;
  }
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Serves `distDir` (and `org` when given) on localhost; port 0 picks a free port. */
export function serve(
  repoRoot: string,
  distDir: string,
  port: number,
  org?: LocalOrgSession
): Promise<RunningServer> {
  const sldsAssets = join(repoRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
  const server: Server = createServer((request, response) => {
    if (org) {
      void handleOrgRequest(org, request, response).then((handled) => {
        if (!handled) {
          serveFile(request.url, response);
        }
      });
      return;
    }
    serveFile(request.url, response);
  });
  const serveFile = (requestUrl: string | undefined, response: ServerResponse): void => {
    const { pathname } = new URL(requestUrl ?? '/', 'http://localhost');
    const file = fileFor(distDir, sldsAssets, pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Not found: ${pathname}`);
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  };
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      done({
        url: `http://localhost:${actual}/`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
