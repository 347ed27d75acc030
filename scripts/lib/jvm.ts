// The Java tools (apex-ls's CheckForIssues, Code Analyzer's PMD) run in one JVM per `npm test`:
// scripts/test.ts starts JvmServer.java and puts its address in KONDO_JVM, which every child
// process inherits (the node tests' planted-defect runs included). A tool is then started
// through jvmClient.cjs, which answers exactly as java would. Measured on this project: the
// fourteen tool runs of a test run took about 95 s of CPU in fourteen JVMs, about 35 s in one.
//
// Nothing depends on the server being there: without KONDO_JVM (a check run on its own, a Java
// without a SecurityManager) every tool starts its own java as before.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The jars of Code Analyzer's PMD engine, which bundle apex-ls and the platform's types. */
export function javaToolsClasspath(toolRoot: string): string {
  return join(
    toolRoot,
    'node_modules',
    '@salesforce',
    'code-analyzer-pmd-engine',
    'dist',
    'java-lib',
    '*'
  );
}

export interface JvmServerAddress {
  port: number;
  token: string;
  /** The java the server runs on; the client falls back to it. */
  java: string;
  classpath: string;
  cwd: string;
}

export const JVM_CLIENT = join(__dirname, 'jvmClient.cjs');
const ENV = 'KONDO_JVM';

/** The running server of this test run, if any. */
export function jvmServerAddress(): JvmServerAddress | undefined {
  const value = process.env[ENV];
  return value ? (JSON.parse(value) as JvmServerAddress) : undefined;
}

/** As Code Analyzer finds java: JAVA_HOME, JRE_HOME or JDK_HOME first, then the PATH. */
export function javaBinary(): string {
  for (const name of ['JAVA_HOME', 'JRE_HOME', 'JDK_HOME']) {
    const home = process.env[name];
    const candidate = home ? join(home, 'bin', 'java') : '';
    if (candidate && existsSync(candidate)) {
      return candidate;
    }
  }
  return 'java';
}

/**
 * The command and leading arguments that run `mainClass` on the tools' class path: through the
 * server when there is one, else a JVM of its own.
 */
export function javaTool(toolRoot: string, mainClass: string): { command: string; args: string[] } {
  const classpath = javaToolsClasspath(toolRoot);
  return jvmServerAddress()
    ? { command: process.execPath, args: [JVM_CLIENT, '-cp', classpath, mainClass] }
    : { command: 'java', args: ['-cp', classpath, mainClass] };
}

/**
 * An executable that Code Analyzer can take as its `java_command` (it spawns it with java's
 * arguments and checks `-version` first): a two-line shell script in `folder` that runs the
 * client. Written at run time, so that nothing depends on a file mode kept by git.
 */
export function javaCommandScript(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const script = join(folder, 'java-via-server');
  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  writeFileSync(script, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(JVM_CLIENT)} "$@"\n`, {
    mode: 0o755,
  });
  return script;
}

export interface RunningJvmServer {
  address: JvmServerAddress;
  stop(): void;
}

/**
 * Starts the server for `root` and sets KONDO_JVM for this process and its children. Resolves to
 * undefined, and leaves KONDO_JVM unset, when it cannot start (no java, no SecurityManager in
 * Java 24 and later): the tools then run as before. Its stderr goes to `logFile`.
 */
export function startJvmServer(
  root: string,
  logFile: string
): Promise<RunningJvmServer | undefined> {
  const java = javaBinary();
  const classpath = javaToolsClasspath(root);
  const token = randomBytes(16).toString('hex');
  const log = openSync(logFile, 'w');
  const child = spawn(
    java,
    ['-Djava.security.manager=allow', '-cp', classpath, join(__dirname, 'JvmServer.java'), token],
    { cwd: root, stdio: ['pipe', 'pipe', log] }
  );
  closeSync(log);
  const { stdout, stdin } = child;
  if (!stdout || !stdin) {
    child.kill();
    return Promise.resolve(undefined);
  }
  return new Promise((resolvePromise) => {
    let output = '';
    const give = (value: RunningJvmServer | undefined): void => {
      stdout.removeAllListeners('data');
      resolvePromise(value);
    };
    child.on('error', () => give(undefined));
    child.on('exit', () => give(undefined));
    stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /^listening (\d+)$/m.exec(output)?.[1];
      if (!port) {
        return;
      }
      const address: JvmServerAddress = {
        port: Number(port),
        token,
        java,
        classpath,
        cwd: resolve(root),
      };
      process.env[ENV] = JSON.stringify(address);
      // Neither pipe may keep this process alive: the server ends when its stdin closes.
      child.unref();
      stdout.destroy();
      (stdin as unknown as { unref?: () => void }).unref?.();
      give({
        address,
        stop() {
          delete process.env[ENV];
          stdin.end();
          child.kill();
        },
      });
    });
  });
}
