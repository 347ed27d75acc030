// The client and the command line against the local org: the package's real Apex behind the
// same URLs as an org (tools/apex-runtime/src/server). Where the Prism mock answers with the
// documented examples, this answers with what the Apex does: matching, idempotent replays,
// per-conversation errors, the sync log, client credentials. It lives here, not in client/,
// because it needs the project's local org, and the client imports nothing from scripts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main, type CliIo } from '../../client/src/cli';
import { KondoClient } from '../../client/src/client';
import { KondoApiError } from '../../client/src/errors';
import { openLocalOrg } from './localOrg';
import { listenLocalOrg } from '../../tools/apex-runtime/src/server/http';
import type { LocalOrgSession } from '../../tools/apex-runtime/src/server/session';

const SAMPLE = join(__dirname, '..', '..', 'data', 'sample', 'conversations.push.json');

describe('against the local org', () => {
  let session: LocalOrgSession;
  let server: { url: string; close(): Promise<void> };
  let url: string;

  before(async () => {
    // The sample records without their conversations: the first push is the CLI's.
    session = openLocalOrg({ storeFile: null, seedConversations: false }).session;
    server = await listenLocalOrg(session);
    url = server.url;
  });
  after(() => server.close());

  function cli(env: NodeJS.ProcessEnv): { io: CliIo; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        out: (text) => out.push(text),
        err: (text) => err.push(text),
        errIsTty: false,
        env,
        runSf: () => {
          throw new Error('the sf CLI is not used against the local org');
        },
      },
    };
  }

  const token = (user: string): string => session.user(user).token;

  it('pushes the sample with kondo-sf as the integration user; a replay creates nothing twice', async () => {
    const first = cli({ KONDO_ACCESS_TOKEN: token('integration') });
    const code = await main(['push', SAMPLE, '--instance-url', url, '--json'], first.io);
    assert.equal(code, 0, first.err.join('\n'));
    const results = JSON.parse(first.out.join('\n')) as {
      outcomes: { status: string; result: { tasksCreated: number } | null }[];
    };
    assert.ok(results.outcomes.length >= 9);
    assert.ok(
      results.outcomes.every((o) => o.status === 'updated'),
      'every sample person is an existing record'
    );
    const tasks = results.outcomes.reduce((sum, o) => sum + (o.result?.tasksCreated ?? 0), 0);

    const replay = cli({ KONDO_ACCESS_TOKEN: token('integration') });
    assert.equal(await main(['push', SAMPLE, '--instance-url', url, '--json'], replay.io), 0);
    const again = JSON.parse(replay.out.join('\n')) as {
      outcomes: { result: { tasksCreated: number; duplicatesIgnored: number } | null }[];
    };
    assert.equal(
      again.outcomes.reduce((sum, o) => sum + (o.result?.tasksCreated ?? 0), 0),
      0,
      `the replay creates no Task (the first push created ${tasks})`
    );
  });

  it('looks up profiles by any URL variant and prints the table', async () => {
    const run = cli({ KONDO_ACCESS_TOKEN: token('integration') });
    const code = await main(
      [
        'lookup',
        'https://uk.linkedin.com/in/Amelia-Hart-Ops?trk=x',
        'linkedin.com/in/nobody-here',
        '--instance-url',
        url,
      ],
      run.io
    );
    assert.equal(code, 0, run.err.join('\n'));
    const table = run.out.join('\n');
    assert.match(table, /found\s+Contact\s+\w{18}\s+Amelia Hart/);
    assert.match(table, /not_found/);
  });

  it('reads the settings with a client-credentials token', async () => {
    const run = cli({ KONDO_CLIENT_SECRET: 'kondo-local-secret' });
    const code = await main(
      ['settings', '--instance-url', url, '--client-id', 'kondo-local-client', '--json'],
      run.io
    );
    assert.equal(code, 0, run.err.join('\n'));
    const settings = JSON.parse(run.out.join('\n')) as { syncMessages: boolean };
    assert.equal(typeof settings.syncMessages, 'boolean');
  });

  it('reports one bad conversation with its code and keeps the others', async () => {
    const client = new KondoClient({
      credentials: { instanceUrl: url, accessToken: token('integration') },
    });
    const report = await client.push([
      { trigger: 'auto', person: { linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/' } },
      {
        conversationId: 'kondo-conv-amelia-0001',
        trigger: 'auto',
        person: { linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/' },
        labels: ['Hot lead'],
      },
    ]);
    assert.deepEqual(
      report.outcomes.map((o) => [o.status, o.errorCode]),
      [
        ['failed', 'MISSING_CONVERSATION_ID'],
        ['updated', null],
      ]
    );
  });

  it('gets the platform’s 401 for a user who is not the integration user’s token', async () => {
    const client = new KondoClient({
      credentials: { instanceUrl: url, accessToken: 'not-a-token' },
      retry: { maxAttempts: 1, baseDelayMs: 1 },
    });
    await assert.rejects(client.settings(), (error: unknown) => {
      assert.ok(error instanceof KondoApiError);
      assert.equal(error.status, 401);
      return true;
    });
  });

  it('is refused by the package for a rep without the Kondo Integration permission set', async () => {
    const client = new KondoClient({
      credentials: { instanceUrl: url, accessToken: token('rep') },
      retry: { maxAttempts: 1, baseDelayMs: 1 },
    });
    await assert.rejects(client.settings(), (error: unknown) => {
      assert.ok(error instanceof KondoApiError);
      assert.equal(error.status, 403);
      return true;
    });
  });
});
