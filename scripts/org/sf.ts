// `npm run sf -- <args>`: the sf CLI from devDependencies, run under the Node 22 that
// tools/node22 installs from the npm registry (the CLI needs Node >= 22; this machine has 20).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { SF_ENV, sfCommand } from './sfCli';

const [command, prefix] = sfCommand();
const result = spawnSync(command, [...prefix, ...process.argv.slice(2)], {
  cwd: resolve(__dirname, '..', '..'),
  stdio: 'inherit',
  env: { ...process.env, ...SF_ENV },
});
process.exit(result.status ?? 1);
