// Stands in for `java` while `npm test` runs its JVM server (scripts/lib/JvmServer.java, started
// by scripts/lib/jvm.ts, described in the KONDO_JVM variable): takes java's command line, and a
// `-cp <the server's class path> <Main> args...` from the server's folder runs in the server,
// its output and exit code passed through as if java had run. Anything else (`-version`, other
// options, another class path or folder, no server) runs the real java, unchanged. Plain
// CommonJS, no TypeScript loader: it starts in a few milliseconds.
'use strict';
const { spawnSync } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const args = process.argv.slice(2);
/** @type {{ port: number, token: string, java: string, classpath: string, cwd: string } | null} */
const server = process.env.KONDO_JVM ? JSON.parse(process.env.KONDO_JVM) : null;

function realJava() {
  if (args.length === 1 && args[0] === '-version') {
    versionOfRealJava();
    return;
  }
  const result = spawnSync(server ? server.java : 'java', args, { stdio: 'inherit' });
  if (result.error) {
    process.stderr.write(`${String(result.error)}\n`);
  }
  process.exit(result.status ?? 1);
}

/**
 * `java -version`, answered so that its caller reads the text before it sees the exit: Code
 * Analyzer reads the version from stderr on the child's 'exit' event, which a busy machine can
 * deliver before the last 'data' event. The text is written, flushed, and the exit follows a
 * moment later.
 */
function versionOfRealJava() {
  const result = spawnSync(server ? server.java : 'java', args, { encoding: 'utf8' });
  const text = `${result.stderr ?? ''}${result.error ? `${String(result.error)}\n` : ''}`;
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(text, () => {
    setTimeout(() => process.exit(result.status ?? 1), 250);
  });
}

/** @param {string} classpath */
function normalised(classpath) {
  return classpath
    .split(path.delimiter)
    .map((entry) => path.resolve(entry))
    .join(path.delimiter);
}

function servable() {
  return (
    server !== null &&
    args.length >= 3 &&
    (args[0] === '-cp' || args[0] === '-classpath') &&
    !args[2].startsWith('-') &&
    normalised(args[1]) === normalised(server.classpath) &&
    // The tools resolve relative paths against the JVM's folder, which is the server's.
    path.resolve(process.cwd()) === path.resolve(server.cwd)
  );
}

/** @param {string} text */
function frame(text) {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function viaServer() {
  const [, , mainClass, ...rest] = args;
  const count = Buffer.alloc(4);
  count.writeInt32BE(rest.length);
  const request = Buffer.concat([frame(server.token), frame(mainClass), count, ...rest.map(frame)]);
  let answered = false;
  let pending = Buffer.alloc(0);
  const socket = net.connect({ host: '127.0.0.1', port: server.port });
  socket.on('connect', () => socket.end(request));
  socket.on('data', (chunk) => {
    answered = true;
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 5) {
      const type = String.fromCharCode(pending[0]);
      if (type === 'x') {
        process.exitCode = pending.readInt32BE(1);
        pending = pending.subarray(5);
        continue;
      }
      const length = pending.readInt32BE(1);
      if (pending.length < 5 + length) {
        break;
      }
      const body = pending.subarray(5, 5 + length);
      (type === 'e' ? process.stderr : process.stdout).write(body);
      pending = pending.subarray(5 + length);
    }
  });
  socket.on('error', (error) => {
    if (!answered) {
      // The server is not there (any more): the real java does the same work.
      realJava();
      return;
    }
    process.stderr.write(`the JVM server failed mid-run: ${error.message}\n`);
    process.exitCode = 1;
  });
  socket.on('close', () => {
    if (process.exitCode !== undefined) {
      return;
    }
    if (!answered) {
      realJava();
      return;
    }
    process.stderr.write('the JVM server closed the connection without an exit code\n');
    process.exitCode = 1;
  });
}

if (servable()) {
  viaServer();
} else {
  realJava();
}
