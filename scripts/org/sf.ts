// `npm run sf -- <args>`: the sf CLI from devDependencies, run under the Node 22 that
// tools/node22 installs from the npm registry (the CLI needs Node >= 22; this machine has 20).
import { resolve } from 'node:path';
import { sfInteractive } from './sfCli';

process.exit(sfInteractive(process.argv.slice(2), resolve(__dirname, '..', '..')));
