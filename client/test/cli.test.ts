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
import { answerEach, conversation, fakeTransport, respond, result } from './fakes';

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

function pushFile(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'kondo-cli-'));
  const file = join(folder, 'conversations.json');
  writeFileSync(
    file,
    JSON.stringify({
      conversations: Array.from({ length: count }, (_, i) => conversation(`c${i}`)),
    })
  );
  return file;
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
  });

  it('aligns table columns', () => {
    assert.equal(formatTable(['a', 'bb'], [['xxx', 'y']]), 'a    bb\n---  --\nxxx  y');
  });
});
