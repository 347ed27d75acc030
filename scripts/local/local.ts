// `npm run local -- <command>`: the local org that `npm start` serves.
//   token --user <key>   prints that user's access token (for KONDO_ACCESS_TOKEN)
//   users                lists the users, their permission sets and tokens
//   reset                deletes the saved org; the next npm start makes a new one
// The tokens are read from the saved org, so they work with a running `npm start`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LocalUser } from '../../tools/apex-runtime/src/server/session';
import { openLocalOrg, STORE_FILE } from './localOrg';

const USAGE = `usage: npm run local -- token --user <admin|integration|rep|rep-other|no-access>
       npm run local -- users
       npm run local -- reset`;

function savedUsers(): LocalUser[] {
  if (!existsSync(STORE_FILE)) {
    // No org yet: make it now, as npm start would, so the token printed is the one it serves.
    openLocalOrg();
  }
  const saved = JSON.parse(readFileSync(STORE_FILE, 'utf8')) as { extra: { users: LocalUser[] } };
  return saved.extra.users;
}

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { user: { type: 'string' } },
  });
  const [command] = positionals;
  if (command === 'token') {
    const users = savedUsers();
    const user = users.find((u) => u.key === values.user);
    if (!user) {
      console.error(
        `${values.user ? `no user "${values.user}"` : '--user is required'}; the users are ${users.map((u) => u.key).join(', ')}`
      );
      return 2;
    }
    console.log(user.token);
    return 0;
  }
  if (command === 'users') {
    for (const user of savedUsers()) {
      console.log(
        `${user.key.padEnd(12)} ${user.name.padEnd(18)} ${user.profile}; ${user.permissionSets.join(', ') || 'no Kondo permission set'}\n${' '.repeat(13)}${user.token}`
      );
    }
    return 0;
  }
  if (command === 'reset') {
    rmSync(STORE_FILE, { force: true });
    console.log('The saved local org is deleted; the next npm start makes a new one.');
    return 0;
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
