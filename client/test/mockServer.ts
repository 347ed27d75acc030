// Starts Stoplight Prism on a free port, mocking the API from docs/api/openapi.yaml: it
// validates every request against the description (a request that breaks the schema gets the
// operation's documented 400) and answers with the documented examples of docs/api/examples,
// which are inlined into a temporary copy of the description because OpenAPI has no way to
// point at them from the file itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  exampleFiles,
  operationsById,
  parseExampleName,
  readExample,
  readOpenApi,
} from '../tools/openapi';

const CLIENT_DIR = resolve(__dirname, '..');

/** Prism's command-line script, found as a package (npm may hoist it out of client/). */
function prismScript(): string {
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

/** The description with every example file attached to its operation, request or status. */
export function describeWithExamples(): object {
  const document = readOpenApi();
  const operations = operationsById(document);
  for (const example of exampleFiles().map(parseExampleName)) {
    const operation = example && operations.get(example.operationId);
    if (!example || !operation) continue;
    const content = example.status
      ? operation.responses[example.status]?.content
      : operation.requestBody?.content;
    const media = content?.['application/json'];
    if (!media) continue;
    const value = readExample(example.file);
    // Prism answers a request that breaks the schema with the first example of the 400
    // response; the API answers it with INVALID_REQUEST, so that example goes first.
    const first = JSON.stringify(value).includes('"INVALID_REQUEST"');
    const named = { [example.name]: { value } };
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
    process.execPath,
    [prismScript(), 'mock', '--host', '127.0.0.1', '--port', String(port), spec],
    {
      cwd: CLIENT_DIR,
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
