// Entry point of `npx kondo-sf` (client/bin/kondo-sf.cjs loads it through tsx).
import { runSf } from '../../scripts/org/sfCli';
import { main } from './cli';

const ROOT_DIR = `${__dirname}/../..`;

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) =>
    process.stderr.write(text.endsWith('\n') || text.startsWith('\r') ? text : `${text}\n`),
  errIsTty: process.stderr.isTTY === true,
  env: process.env,
  runSf: (args) => runSf(args, ROOT_DIR),
}).then((code) => {
  process.exitCode = code;
});
