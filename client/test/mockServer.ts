// Starts Stoplight Prism on a free port, mocking the API from docs/api/openapi.yaml: it
// validates every request against the description (a request that breaks the schema gets the
// operation's documented 400) and answers with the documented examples of docs/api/examples,
// which are inlined into a temporary copy of the description because OpenAPI has no way to
// point at them from the file itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(__dirname, '..', '..');
const PRISM = join(ROOT, 'node_modules', '.bin', 'prism');

type Content = Record<string, { examples?: Record<string, { value: unknown }> }>;
type Operation = {
  operationId: string;
  requestBody?: { content: Content };
  responses: Record<string, { content?: Content }>;
};

/** The description with every example file attached to its operation, request or status. */
export function describeWithExamples(): object {
  const document = parseYaml(readFileSync(join(ROOT, 'docs/api/openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = new Map<string, Operation>();
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods)) {
      operations.set(operation.operationId, operation);
    }
  }
  const folder = join(ROOT, 'docs/api/examples');
  for (const file of readdirSync(folder).sort()) {
    const match = /^(\w+)\.(\w+)\.(?:request|response\.(\d{3}))\.json$/.exec(file);
    const operation = match ? operations.get(match[1] as string) : undefined;
    if (!match || !operation) continue;
    const content = match[3]
      ? operation.responses[match[3]]?.content
      : operation.requestBody?.content;
    const media = content?.['application/json'];
    if (!media) continue;
    const value: unknown = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    // Prism answers a request that breaks the schema with the first example of the 400
    // response; the API answers it with INVALID_REQUEST, so that example goes first.
    const first = JSON.stringify(value).includes('"INVALID_REQUEST"');
    const named = { [match[2] as string]: { value } };
    media.examples = first ? { ...named, ...media.examples } : { ...media.examples, ...named };
  }
  return document;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface MockServer {
  baseUrl: string;
  /** Everything Prism logged, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

export async function startMockServer(): Promise<MockServer> {
  const folder = mkdtempSync(join(tmpdir(), 'kondo-mock-'));
  const spec = join(folder, 'openapi.json');
  writeFileSync(spec, JSON.stringify(describeWithExamples()));
  const port = await freePort();
  const child: ChildProcess = spawn(
    PRISM,
    ['mock', '--host', '127.0.0.1', '--port', String(port), spec],
    {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start in 30 s:\n${output}`)),
      30_000
    );
    const listen = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Prism exited with ${code ?? 'a signal'}:\n${output}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
