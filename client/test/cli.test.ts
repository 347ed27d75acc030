// The command line and its printing, against a fake transport.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { credentialsFromClientCredentials, credentialsFromSfOrg } from '../src/auth';
import { main, readConversations, toLookupProfile, type CliIo } from '../src/cli';
import { KondoClientError } from '../src/errors';
import { formatTable, renderProgress } from '../src/report';
import type { Transport } from '../src/transport';
import type { Conversation } from '../src/types';
import {
  answerEach,
  answerReconcile,
  BODIES,
  conversation,
  fakeInbox,
  fakeTransport,
  reconcileResult,
  respond,
  result,
  thread,
} from './fakes';

function io(
  transport: Transport,
  env: NodeJS.ProcessEnv = {}
): CliIo & { out: (t: string) => void; lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    out: (t) => lines.out.push(t),
    err: (t) => lines.err.push(t),
    errIsTty: false,
    env: { KONDO_ACCESS_TOKEN: 'token', ...env },
    runSf: () => ({
      status: 0,
      stdout: JSON.stringify({
        status: 0,
        result: { accessToken: 'sf-token', instanceUrl: 'https://org.my.salesforce.com' },
      }),
      stderr: '',
    }),
    transport,
  };
}

function conversationsFile(conversations: Conversation[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'kondo-cli-'));
  const file = join(folder, 'conversations.json');
  writeFileSync(file, JSON.stringify({ conversations }));
  return file;
}

function pushFile(count: number): string {
  return conversationsFile(Array.from({ length: count }, (_, i) => conversation(`c${i}`)));
}

/** Kondo holds three conversations: Salesforce has the first whole, the second in part, not the third. */
function threeConversations(): { held: Conversation[]; stored: Conversation[] } {
  const held = [
    thread('kondo-conv-amelia-0001', BODIES.slice(0, 3)),
    thread('kondo-conv-tom-0002', BODIES),
    thread('kondo-conv-new-0100', BODIES.slice(0, 2)),
  ];
  const tom = held[1] as Conversation;
  return {
    held,
    stored: [held[0] as Conversation, { ...tom, messages: tom.messages?.slice(0, 2) }],
  };
}

describe('kondo-sf', () => {
  it('push: prints status counts and the failed rows with codes, exits 1 on a failure', async () => {
    const fake = fakeTransport((request) =>
      answerEach(request, (c, i) =>
        i === 1
          ? result(c.conversationId ?? null, 'failed', 'INVALID_TRIGGER')
          : result(c.conversationId ?? null, 'created')
      )
    );
    const cli = io(fake.transport);
    const code = await main(['push', pushFile(3), '--target-org', 'my-org'], cli);
    assert.equal(code, 1);
    const printed = cli.lines.out.join('\n');
    assert.match(printed, /created\s+2/);
    assert.match(printed, /failed\s+1/);
    assert.match(printed, /1\s+c1\s+failed\s+INVALID_TRIGGER/);
    assert.equal(
      fake.requests[0]?.headers.Authorization,
      'Bearer sf-token',
      'token from sf org display'
    );
    assert.match(
      fake.requests[0]?.url ?? '',
      /^https:\/\/org\.my\.salesforce\.com\/services\/apexrest\/kondo\//
    );
  });

  it('push: exit 0 when nothing failed; a progress line per request for long pushes', async () => {
    const fake = fakeTransport((request) => answerEach(request));
    const cli = io(fake.transport);
    const code = await main(
      ['push', pushFile(450), '--instance-url', 'https://x.my.salesforce.com'],
      cli
    );
    assert.equal(code, 0);
    assert.equal(cli.lines.err.length, 4);
    assert.match(cli.lines.err[3] ?? '', /100%\s+450\/450 conversations/);
  });

  it('push --json prints the report as JSON', async () => {
    const fake = fakeTransport((request) => answerEach(request));
    const cli = io(fake.transport);
    await main(['push', pushFile(1), '--instance-url', 'https://x', '--json'], cli);
    const parsed = JSON.parse(cli.lines.out.join('')) as { counts: { updated: number } };
    assert.equal(parsed.counts.updated, 1);
  });

  it('exits 2 on usage errors and request errors, saying why', async () => {
    const fake = fakeTransport(() =>
      respond(403, { error: { code: 'PERMISSION_DENIED', message: 'no' } })
    );
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [[], {}, /usage/],
      [['frobnicate'], {}, /unknown command/],
      [['push'], {}, /push takes one file/],
      [['reconcile'], {}, /reconcile takes one file/],
      [['resync', 'a.json', 'b.json'], {}, /resync takes one file/],
      [['lookup', '--instance-url', 'https://x'], {}, /at least one/],
      [['settings'], { KONDO_ACCESS_TOKEN: '' }, /no credentials/],
      [['settings', '--instance-url', 'https://x', '--max-attempts', '0'], {}, /--max-attempts/],
      [['settings', '--instance-url', 'https://x'], {}, /API error 403 PERMISSION_DENIED/],
      [['settings', '--bogus'], {}, /Unknown option/],
    ];
    for (const [args, env, message] of cases) {
      const cli = io(fake.transport, env);
      assert.equal(await main(args, cli), 2, args.join(' '));
      assert.match(cli.lines.err.join('\n'), message, args.join(' '));
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const cli = io(fakeTransport(() => respond(200, {})).transport);
    assert.equal(await main(['--help'], cli), 0);
    assert.match(cli.lines.out.join(''), /kondo-sf push/);
  });

  it('client credentials: the secret comes from the environment and the token from My Domain', async () => {
    const fake = fakeTransport((request) =>
      request.url.endsWith('/services/oauth2/token')
        ? respond(200, { access_token: 'cc-token', instance_url: 'https://acme.my.salesforce.com' })
        : respond(200, {
            syncFrequency: 'MANUAL',
            syncMessages: true,
            createIfMissing: false,
            createAs: 'Lead',
            matchPriority: 'Contact',
            taskWindowDays: 30,
            mappings: [{ object: 'Lead', kondoProperty: 'stage', targetField: 'Status' }],
            readBackFields: [{ object: 'Contact', field: 'Title' }],
          })
    );
    const cli = io(fake.transport, { KONDO_CLIENT_SECRET: 's3cret', KONDO_ACCESS_TOKEN: '' });
    const code = await main(
      ['settings', '--instance-url', 'https://acme.my.salesforce.com', '--client-id', 'id-1'],
      cli
    );
    assert.equal(code, 0, cli.lines.err.join('\n'));
    assert.equal(
      fake.requests[0]?.body,
      'grant_type=client_credentials&client_id=id-1&client_secret=s3cret'
    );
    assert.equal(fake.requests[1]?.headers.Authorization, 'Bearer cc-token');
    assert.match(cli.lines.out.join('\n'), /Lead\s+stage\s+Status/);
  });
});

describe('kondo-sf reconcile', () => {
  const auth = ['--instance-url', 'https://acme.my.salesforce.com'];

  it('prints a row per conversation (status, held, stored, missing, different) and a summary; exit 1 when not all are complete', async () => {
    const { held, stored } = threeConversations();
    const server = fakeInbox(stored);
    const cli = io(server.transport);
    const code = await main(['reconcile', conversationsFile(held), ...auth], cli);
    assert.equal(code, 1, cli.lines.err.join('\n'));
    const printed = cli.lines.out.join('\n');
    assert.match(printed, /#\s+conversationId\s+status\s+held\s+stored\s+missing\s+different/);
    assert.match(printed, /0\s+kondo-conv-amelia-0001\s+complete\s+3\s+3\s+0\s+0/);
    assert.match(printed, /1\s+kondo-conv-tom-0002\s+incomplete\s+5\s+2\s+3\s+0/);
    assert.match(printed, /2\s+kondo-conv-new-0100\s+unknown\s+2\s+0\s+2\s+0/);
    assert.match(
      printed,
      /complete\s+1\n.*incomplete\s+1\n.*unknown\s+1\n.*failed\s+0\n.*total\s+3/s
    );
    assert.match(printed, /10 message ids listed: 5 missing, 0 different, 5 to push; 1 request/);
    assert.equal(server.pushed().length, 0, 'reconcile pushes nothing');
    assert.deepEqual(cli.lines.err, [], 'no progress bar for one request');
  });

  it('exits 0 when every conversation is complete', async () => {
    const { held } = threeConversations();
    const cli = io(fakeInbox(held).transport);
    assert.equal(await main(['reconcile', conversationsFile(held), ...auth], cli), 0);
    assert.match(cli.lines.out.join('\n'), /complete\s+3/);
  });

  it('lists failed conversations with their codes and messages; --json prints the report', async () => {
    const fake = fakeTransport((request) =>
      answerReconcile(request, (h, i) =>
        i === 0
          ? reconcileResult(h, 'complete', { unverifiable: ['a-m1'] })
          : reconcileResult(h, 'failed', {
              errorCode: 'INVALID_MESSAGE',
              errorMessage: 'conversations[1].messages[1].id appears twice in the conversation.',
            })
      )
    );
    const file = conversationsFile([
      thread('a', BODIES.slice(0, 1)),
      thread('b', BODIES.slice(0, 2)),
    ]);
    const cli = io(fake.transport);
    assert.equal(await main(['reconcile', file, ...auth], cli), 1);
    assert.match(cli.lines.out.join('\n'), /0 missing, 0 different, 1 unverifiable, 0 to push/);
    assert.match(
      cli.lines.out.join('\n'),
      /1\s+b\s+INVALID_MESSAGE\s+conversations\[1\]\.messages\[1\]\.id appears twice/
    );
    const json = io(fake.transport);
    assert.equal(await main(['reconcile', file, ...auth, '--json'], json), 1);
    const parsed = JSON.parse(json.lines.out.join('')) as {
      counts: Record<string, number>;
      outcomes: { result: { heldCount: number } | null }[];
    };
    assert.deepEqual(parsed.counts, { complete: 1, incomplete: 0, unknown: 0, failed: 1 });
    assert.equal(parsed.outcomes[1]?.result?.heldCount, 2);
  });

  it('exits 2 on a request error that stops the run', async () => {
    const fake = fakeTransport(() =>
      respond(403, {
        error: {
          code: 'FIELD_NOT_READABLE',
          message: 'Kondo_Message__c.Sent_At__c is not readable.',
        },
      })
    );
    const cli = io(fake.transport);
    assert.equal(await main(['reconcile', pushFile(2), ...auth], cli), 2);
    assert.match(cli.lines.err.join('\n'), /API error 403 FIELD_NOT_READABLE/);
  });

  it('shows a progress line per request for more than 200 conversations', async () => {
    const cli = io(fakeTransport((request) => answerReconcile(request)).transport);
    assert.equal(await main(['reconcile', pushFile(201), ...auth], cli), 0);
    assert.deepEqual(cli.lines.err, [
      `${renderProgress(0, 201)}\n`,
      `${renderProgress(200, 201)}\n`,
      `${renderProgress(201, 201)}\n`,
    ]);
  });
});

describe('kondo-sf resync', () => {
  const auth = ['--instance-url', 'https://acme.my.salesforce.com'];

  it('reconciles, pushes only what is missing, prints progress lines per phase and the summary', async () => {
    const { held, stored } = threeConversations();
    const server = fakeInbox(stored);
    const cli = io(server.transport);
    const code = await main(['resync', conversationsFile(held), ...auth], cli);
    assert.equal(code, 0, cli.lines.err.join('\n'));
    assert.deepEqual(
      server.pushed().map((c) => [c.conversationId, c.messages?.length]),
      [
        ['kondo-conv-tom-0002', 3],
        ['kondo-conv-new-0100', 2],
      ]
    );
    assert.deepEqual(cli.lines.err, [
      `reconcile ${renderProgress(0, 3)}\n`,
      `reconcile ${renderProgress(3, 3)}\n`,
      `push      ${renderProgress(0, 2)}\n`,
      `push      ${renderProgress(2, 2)}\n`,
    ]);
    const printed = cli.lines.out.join('\n');
    assert.match(printed, /^pushed 5 messages in 2 conversations; 1 already complete$/m);
    assert.match(printed, /1 reconcile request, 1 push request/);

    // Run again: everything is complete, nothing is pushed.
    const again = io(server.transport);
    assert.equal(await main(['resync', conversationsFile(held), ...auth], again), 0);
    assert.match(
      again.lines.out.join('\n'),
      /^pushed 0 messages in 0 conversations; 3 already complete$/m
    );
    assert.equal(server.pushed().length, 2, 'no push the second time');
  });

  it('redraws one line per phase on a terminal', async () => {
    const { held, stored } = threeConversations();
    const cli = { ...io(fakeInbox(stored).transport), errIsTty: true };
    await main(['resync', conversationsFile(held), ...auth], cli);
    assert.deepEqual(cli.lines.err, [
      `\rreconcile ${renderProgress(0, 3)}`,
      `\rreconcile ${renderProgress(3, 3)}\n`,
      `\rpush      ${renderProgress(0, 2)}`,
      `\rpush      ${renderProgress(2, 2)}\n`,
    ]);
  });

  it('exits 1 and lists the conversation when a push fails or skips it; --json prints the report', async () => {
    const { held, stored } = threeConversations();
    const inbox = fakeInbox(stored);
    // Reconciled by the inbox; the push skips one conversation and fails the other.
    const transport: Transport = (request) =>
      request.url.endsWith('/reconcile')
        ? inbox.transport(request)
        : Promise.resolve(
            answerEach(request, (c) =>
              c.conversationId === 'kondo-conv-new-0100'
                ? result(c.conversationId, 'failed', 'INVALID_TRIGGER')
                : result(c.conversationId ?? null, 'skipped', 'SKIPPED_NO_LABEL')
            )
          );
    const fake = { transport };
    const cli = io(fake.transport);
    assert.equal(await main(['resync', conversationsFile(held), ...auth], cli), 1);
    const printed = cli.lines.out.join('\n');
    assert.match(
      printed,
      /pushed 0 messages in 0 conversations; 1 already complete; 1 skipped; 1 failed/
    );
    assert.match(printed, /1\s+kondo-conv-tom-0002\s+skipped\s+push\s+SKIPPED_NO_LABEL/);
    assert.match(printed, /2\s+kondo-conv-new-0100\s+failed\s+push\s+INVALID_TRIGGER/);
    const json = io(fake.transport);
    assert.equal(await main(['resync', conversationsFile(held), ...auth, '--json'], json), 1);
    const parsed = JSON.parse(json.lines.out.join('')) as {
      counts: Record<string, number>;
      outcomes: { messageScope: string | null; pushedMessageIds: string[] }[];
    };
    assert.deepEqual(parsed.counts, { complete: 1, pushed: 0, skipped: 1, failed: 1 });
    assert.deepEqual(
      parsed.outcomes.map((o) => [o.messageScope, o.pushedMessageIds.length]),
      [
        [null, 0],
        ['latest', 3],
        ['full', 2],
      ]
    );
  });
});

describe('inputs', () => {
  it('reads a request body or a bare array', () => {
    assert.equal(readConversations('{"conversations":[{"conversationId":"a"}]}').length, 1);
    assert.equal(readConversations('[{"conversationId":"a"},{"conversationId":"b"}]').length, 2);
    assert.throws(() => readConversations('{"x":1}'), /neither/);
  });

  it('sends member URNs as memberUrn and everything else as a URL', () => {
    assert.deepEqual(toLookupProfile('urn:li:member:5'), {
      linkedInUrl: null,
      memberUrn: 'urn:li:member:5',
    });
    assert.deepEqual(toLookupProfile('linkedin.com/in/x'), {
      linkedInUrl: 'linkedin.com/in/x',
      memberUrn: null,
    });
  });
});

describe('auth', () => {
  it('reports why sf gave no token', () => {
    assert.throws(
      () =>
        credentialsFromSfOrg('nope', () => ({
          status: 1,
          stdout: JSON.stringify({
            status: 1,
            message: 'No authorization information found for nope.',
          }),
          stderr: '',
        })),
      (error: unknown) =>
        error instanceof KondoClientError &&
        error.code === 'AUTH_FAILED' &&
        /nope/.test(error.message)
    );
  });

  it('reports an OAuth refusal with its error and description', async () => {
    const fake = fakeTransport(() =>
      respond(400, { error: 'invalid_client', error_description: 'invalid client credentials' })
    );
    await assert.rejects(
      credentialsFromClientCredentials({
        myDomainUrl: 'https://acme.my.salesforce.com/',
        clientId: 'a',
        clientSecret: 'b',
        transport: fake.transport,
      }),
      /invalid_client: invalid client credentials/
    );
    assert.equal(fake.requests[0]?.url, 'https://acme.my.salesforce.com/services/oauth2/token');
  });
});

describe('printing', () => {
  it('draws a progress bar', () => {
    assert.equal(renderProgress(50, 200, 10), '[###.......]  25%  50/200 conversations');
    assert.equal(renderProgress(0, 0, 4), '[####] 100%  0/0 conversations');
    assert.equal(renderProgress(1, 4, 4, 'push'), 'push [#...]  25%  1/4 conversations');
  });

  it('aligns table columns', () => {
    assert.equal(formatTable(['a', 'bb'], [['xxx', 'y']]), 'a    bb\n---  --\nxxx  y');
  });
});
