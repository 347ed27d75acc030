// The workbench's server: the local org's paths (Apex REST, the Lightning calls of the page, its
// users; see tools/apex-runtime/src/server/http.ts), then the built workbench
// (workbench/dist at /, the SLDS assets at /slds/).
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { listenLocalOrg } from '../../tools/apex-runtime/src/server/http';
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

/** Serves `org` and `distDir` on localhost; port 0 picks a free port. */
export async function serve(
  repoRoot: string,
  distDir: string,
  port: number,
  org: LocalOrgSession
): Promise<RunningServer> {
  const sldsAssets = join(repoRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
  const serveFile = (request: IncomingMessage, response: ServerResponse): void => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
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
  const running = await listenLocalOrg(org, { port, otherwise: serveFile });
  return { url: `http://localhost:${running.port}/`, close: () => running.close() };
}
