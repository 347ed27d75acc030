// Entry point of `npx kondo-sf` (client/bin/kondo-sf.cjs loads it through tsx).
import { main } from './cli';
import { runSf } from './sf';

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) =>
    process.stderr.write(text.endsWith('\n') || text.startsWith('\r') ? text : `${text}\n`),
  errIsTty: process.stderr.isTTY === true,
  env: process.env,
  // Where the command is run, as any command line: sf reads that folder's .sf config.
  runSf: (args) => runSf(args, process.cwd()),
}).then((code) => {
  process.exitCode = code;
});
