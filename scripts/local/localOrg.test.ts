// The client and the command line against the local org: the package's real Apex behind the
// same URLs as an org (tools/apex-runtime/src/server). Where the Prism mock answers with the
// documented examples, this answers with what the Apex does: matching, idempotent replays,
// per-conversation errors, the sync log, client credentials. It lives here, not in client/,
// because it needs the project's local org, and the client imports nothing from scripts/.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main, type CliIo } from '../../client/src/cli';
import { KondoClient } from '../../client/src/client';
import { KondoApiError } from '../../client/src/errors';
import type { ReconcileReport, ResyncReport } from '../../client/src/client';
import type { Conversation, Message } from '../../client/src/types';
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

  it('reconciles a pushed conversation, finds the message Salesforce lacks, and resync fills exactly that gap', async () => {
    const message = (n: number, direction: 'inbound' | 'outbound', body: string): Message => ({
      id: `kondo-msg-tom-reconcile-${n}`,
      direction,
      senderName: direction === 'outbound' ? 'Sam Rep' : 'Tom Okafor',
      sentAt: new Date(Date.now() - (10 - n) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      body,
    });
    const pushed: Conversation = {
      conversationId: 'kondo-conv-tom-reconcile-0100',
      trigger: 'auto',
      person: { linkedInUrl: 'https://m.linkedin.com/in/tom-okafor-42' },
      labels: ['Follow up'],
      syncedBy: { email: 'rep@example.com', name: 'Sam Rep' },
      messageScope: 'full',
      messages: [
        message(1, 'outbound', 'Hi Tom, good to see you at the logistics expo in Rotterdam.'),
        message(2, 'inbound', 'Likewise! Could you send over the integration guide?'),
        message(3, 'outbound', 'Here it is – the API section starts on page 4. Grüße, Sam 👋'),
      ],
    };
    // Kondo has since received a reply the push never carried.
    const reply = message(4, 'inbound', 'Thanks, our team will review it this week.');
    const held: Conversation = { ...pushed, messages: [...(pushed.messages ?? []), reply] };
    const folder = mkdtempSync(join(tmpdir(), 'kondo-reconcile-'));
    const file = (name: string, conversation: Conversation): string => {
      const path = join(folder, name);
      writeFileSync(path, JSON.stringify({ conversations: [conversation] }));
      return path;
    };
    const run = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
      const c = cli({ KONDO_ACCESS_TOKEN: token('integration') });
      const code = await main([...args, '--instance-url', url], c.io);
      return { code, out: c.out.join('\n'), err: c.err.join('\n') };
    };

    const client = new KondoClient({
      credentials: { instanceUrl: url, accessToken: token('integration') },
    });
    const first = await client.push([pushed]);
    assert.deepEqual(
      first.outcomes.map((o) => [o.status, o.errorCode, o.result?.tasksCreated]),
      [['updated', null, 3]]
    );

    const complete = await run(['reconcile', file('pushed.json', pushed), '--json']);
    assert.equal(complete.code, 0, complete.err || complete.out);
    const completeReport = JSON.parse(complete.out) as ReconcileReport;
    assert.deepEqual(completeReport.outcomes[0]?.result, {
      conversationId: 'kondo-conv-tom-reconcile-0100',
      status: 'complete',
      heldCount: 3,
      storedCount: 3,
      missing: [],
      different: [],
      unverifiable: [],
      extraCount: 0,
      errorCode: null,
      errorMessage: null,
    });

    const gap = await run(['reconcile', file('held.json', held)]);
    assert.equal(gap.code, 1, 'a conversation is not complete');
    assert.match(gap.out, /kondo-conv-tom-reconcile-0100\s+incomplete\s+4\s+3\s+1\s+0/);
    assert.match(gap.out, /4 message ids listed: 1 missing, 0 different, 1 to push/);
    const missing = await client.reconcile([held]);
    assert.deepEqual(missing.outcomes[0]?.result?.missing, [reply.id]);

    const resync = await run(['resync', file('held.json', held), '--json']);
    assert.equal(resync.code, 0, resync.err || resync.out);
    const resyncReport = JSON.parse(resync.out) as ResyncReport;
    const outcome = resyncReport.outcomes[0];
    assert.equal(outcome?.status, 'pushed');
    assert.equal(outcome?.messageScope, 'latest');
    assert.deepEqual(outcome?.pushedMessageIds, [reply.id], 'only the message Salesforce lacked');
    assert.equal(outcome?.push?.result?.messagesReceived, 1);
    assert.equal(outcome?.push?.result?.tasksCreated, 1, 'the reply became a Task');
    assert.equal(outcome?.push?.result?.duplicatesIgnored, 0, 'nothing stored was sent again');
    assert.equal(resyncReport.pushedMessages, 1);

    const after = await run(['reconcile', file('held.json', held)]);
    assert.equal(after.code, 0, after.out);
    assert.match(after.out, /kondo-conv-tom-reconcile-0100\s+complete\s+4\s+4\s+0\s+0/);
    const summary = await run(['resync', file('held.json', held)]);
    assert.equal(summary.code, 0);
    assert.match(summary.out, /^pushed 0 messages in 0 conversations; 1 already complete$/m);

    // Tom edits his reply on LinkedIn: the stored text's hash no longer matches.
    const edited: Conversation = {
      ...held,
      messages: [
        ...(pushed.messages ?? []),
        { ...reply, body: `${reply.body} (Edited: by Friday.)` },
      ],
    };
    const different = await client.reconcile([edited]);
    assert.deepEqual(
      different.outcomes.map((o) => [o.status, o.result?.missing, o.result?.different]),
      [['incomplete', [], [reply.id]]]
    );
    const revised = await client.resync([edited]);
    assert.deepEqual(revised.outcomes[0]?.pushedMessageIds, [reply.id]);
    assert.equal(revised.outcomes[0]?.push?.status, 'updated');
    const settled = await client.reconcile([edited]);
    assert.deepEqual(settled.counts, { complete: 1, incomplete: 0, unknown: 0, failed: 0 });
  });

  it('reconciles a conversation Salesforce never saw as unknown, and resync pushes it whole', async () => {
    const client = new KondoClient({
      credentials: { instanceUrl: url, accessToken: token('integration') },
    });
    const unseen: Conversation = {
      conversationId: 'kondo-conv-amelia-reconcile-0200',
      trigger: 'auto',
      person: { linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/' },
      messages: [
        {
          id: 'kondo-msg-amelia-reconcile-1',
          direction: 'inbound',
          senderName: 'Amelia Hart',
          sentAt: new Date(Date.now() - 7_200_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          body: 'Following up on the pilot: could we start on the 1st?',
        },
      ],
    };
    const before = await client.reconcile([unseen]);
    assert.deepEqual(
      before.outcomes.map((o) => [o.status, o.result?.missing, o.result?.storedCount]),
      [['unknown', ['kondo-msg-amelia-reconcile-1'], 0]]
    );
    const report = await client.resync([unseen]);
    assert.deepEqual(
      report.outcomes.map((o) => [o.status, o.messageScope, o.push?.result?.tasksCreated]),
      [['pushed', 'full', 1]]
    );
    const after = await client.reconcile([unseen]);
    assert.deepEqual(after.counts, { complete: 1, incomplete: 0, unknown: 0, failed: 0 });
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
