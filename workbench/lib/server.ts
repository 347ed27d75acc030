// A static file server for the built workbench: workbench/dist at /, the SLDS assets at /slds/.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

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

/** Serves `distDir` on localhost; port 0 picks a free port. */
export function serve(repoRoot: string, distDir: string, port: number): Promise<RunningServer> {
  const sldsAssets = join(repoRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
  const server: Server = createServer((request, response) => {
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
  });
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
