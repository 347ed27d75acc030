// `npm run local -- <command>`: the local org that `npm start` serves.
//   token --user <key>   prints that user's access token (for KONDO_ACCESS_TOKEN)
//   users                lists the users, their permission sets and tokens
//   reset                deletes the saved org; the next npm start makes a new one
//   apex <file.apex> [--user <key>]
//                        runs anonymous Apex in the running org (npm start), as sf apex run does,
//                        as the admin or the user named; prints its debug lines
// The tokens are read from the saved org, so they work with a running `npm start`.
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { savedUsers, type LocalUser } from '../../tools/apex-runtime/src/server/session';
import { openLocalOrg, STORE_FILE } from './localOrg';

const USAGE = `usage: npm run local -- token --user <admin|integration|rep|rep-other|no-access>
       npm run local -- users
       npm run local -- reset
       npm run local -- apex <file.apex> [--user <key>]   (in the running npm start, PORT or 4173)`;

function localUsers(): LocalUser[] {
  // No org yet: make it now, as npm start would, so the token printed is the one it serves.
  return savedUsers(STORE_FILE) ?? openLocalOrg().session.listUsers();
}

/** Anonymous Apex through the running server, so that its records and the file stay one. */
async function runApex(file: string, userKey: string): Promise<number> {
  const user = localUsers().find((u) => u.key === userKey);
  if (!user) {
    console.error(`no user "${userKey}"`);
    return 2;
  }
  const port = process.env.PORT ?? '4173';
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/__local/apex`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.token}` },
      body: readFileSync(file, 'utf8'),
    });
  } catch {
    console.error(
      `no local org answers on port ${port}: start it with npm start (or run the script on a fresh org with npm run apex -- run ${file})`
    );
    return 2;
  }
  const result = (await response.json()) as { debug?: string[]; error?: string | null };
  for (const line of result.debug ?? []) {
    console.log(line);
  }
  if (result.error) {
    console.error(result.error);
    return 1;
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { user: { type: 'string' } },
  });
  const [command] = positionals;
  if (command === 'token') {
    const users = localUsers();
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
    for (const user of localUsers()) {
      console.log(
        `${user.key.padEnd(12)} ${user.name.padEnd(18)} ${user.profile}; ${user.permissionSets.join(', ') || 'no Kondo permission set'}\n${' '.repeat(13)}${user.token}`
      );
    }
    return 0;
  }
  if (command === 'apex') {
    const file = positionals[1];
    if (!file) {
      console.error(USAGE);
      return 2;
    }
    return runApex(file, values.user ?? 'admin');
  }
  if (command === 'reset') {
    rmSync(STORE_FILE, { force: true });
    console.log('The saved local org is deleted; the next npm start makes a new one.');
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
);
