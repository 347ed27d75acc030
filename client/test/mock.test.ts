// The client and the command line against Stoplight Prism mocking docs/api/openapi.yaml:
// Prism validates each request against the description and answers with its examples.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main, type CliIo } from '../src/cli';
import { KondoClient } from '../src/client';
import { KondoApiError } from '../src/errors';
import type { Conversation } from '../src/types';
import { conversation, thread } from './fakes';
import { startMockServer, type MockServer } from './mockServer';

describe('against the Prism mock of the OpenAPI description', () => {
  let mock: MockServer;
  const clientFor = (headers: Record<string, string> = {}): KondoClient =>
    new KondoClient({
      credentials: { instanceUrl: 'https://unused.example', accessToken: 'mock-token' },
      baseUrl: mock.baseUrl,
      headers,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });

  before(async () => {
    mock = await startMockServer();
  });
  after(async () => {
    await mock.stop();
  });

  it('pushes valid conversations and maps the per-conversation results and codes', async () => {
    // The documented mixed example has four results.
    const items = ['a', 'b', 'c', 'd'].map((id) => conversation(id));
    const report = await clientFor({ Prefer: 'example=mixed' }).push(items);
    assert.equal(report.requests, 1);
    assert.deepEqual(
      report.outcomes.map((o) => [o.index, o.status, o.errorCode]),
      [
        [0, 'updated', null],
        [1, 'skipped', 'SKIPPED_NO_LABEL'],
        [2, 'failed', 'MISSING_CONVERSATION_ID'],
        [3, 'created', null],
      ]
    );
    assert.equal(report.outcomes[0]?.result?.fieldErrors[0]?.code, 'TYPE_MISMATCH');
    assert.deepEqual(report.counts, { created: 1, updated: 1, skipped: 1, failed: 1 });
  });

  it('a request that breaks the schema is rejected by the mock, mapped, and not retried', async () => {
    const broken = { ...conversation('a'), labels: 'not-a-list' } as unknown as Conversation;
    const report = await clientFor().push([broken]);
    assert.equal(report.requests, 1, '400 is never retried');
    assert.equal(report.outcomes[0]?.status, 'failed');
    assert.equal(report.outcomes[0]?.errorCode, 'INVALID_REQUEST');
  });

  it('a lookup that breaks the schema throws KondoApiError INVALID_REQUEST', async () => {
    await assert.rejects(
      clientFor().lookup([{ linkedInUrl: 42 } as unknown as { linkedInUrl: string }]),
      (error: unknown) =>
        error instanceof KondoApiError && error.status === 400 && error.code === 'INVALID_REQUEST'
    );
  });

  it('maps the documented 403 and 413 answers to their codes', async () => {
    await assert.rejects(
      clientFor({ Prefer: 'code=403' }).push([conversation('a')]),
      (error: unknown) => error instanceof KondoApiError && error.code === 'PERMISSION_DENIED'
    );
    const tooMany = await clientFor({ Prefer: 'code=413' }).push([conversation('a')]);
    assert.equal(tooMany.outcomes[0]?.errorCode, 'TOO_MANY_CONVERSATIONS');
  });

  it('looks up profiles (POST) and one profile (GET)', async () => {
    const results = await clientFor({ Prefer: 'example=mixed' }).lookup([
      { linkedInUrl: 'https://www.linkedin.com/in/jane-doe', memberUrn: null },
      { linkedInUrl: null, memberUrn: 'urn:li:fsd_profile:ACoAAB1234567890abcdefGHIJ' },
      { linkedInUrl: 'https://uk.linkedin.com/in/nobody-here/', memberUrn: null },
      { linkedInUrl: 'https://www.linkedin.com/company/acme', memberUrn: null },
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['found', 'found', 'not_found', 'invalid']
    );
    assert.equal(results[3]?.errorCode, 'NOT_A_PROFILE');
    assert.equal(results[1]?.fields[0]?.displayValue, '1,250,000');
    const one = await clientFor().lookupOne({
      linkedInUrl: 'https://www.linkedin.com/in/jane-doe',
    });
    assert.equal(one.status, 'found');
    assert.equal(one.objectType, 'Contact');
  });

  it('reads the settings', async () => {
    const settings = await clientFor().settings();
    assert.ok(['AUTO_ALL', 'AUTO_LABELLED', 'MANUAL'].includes(settings.syncFrequency));
    assert.ok(Array.isArray(settings.mappings));
  });

  /**
   * What Kondo holds for the conversations of the documented reconcile example, in its order
   * (the client checks that each result answers the conversation sent at its position).
   */
  function heldForExample(): Conversation[] {
    const bad = thread('kondo-conv-bad-0101', [
      'Are you the right person for procurement questions?',
      'Are you the right person for procurement questions?',
    ]);
    // The same id twice: the server's INVALID_MESSAGE, and the example's failed result.
    (bad.messages ?? []).forEach((m) => (m.id = 'kondo-msg-bad-0101-001'));
    return [
      thread('kondo-conv-amara-0005', [
        'Hi Amara, thanks for connecting after the webinar.',
        'Happy to share the case study – which industry?',
        'Logistics, ideally with EU customers.',
      ]),
      thread('kondo-conv-lukas-0007', ['Servus Lukas!', 'Grüße aus München 🥨']),
      thread('kondo-conv-new-0100', ['来週の火曜日にお話しできますか？']),
      bad,
    ];
  }

  it('reconciles: the mock validates ids and hashes against the schema and answers the documented results', async () => {
    const report = await clientFor({ Prefer: 'example=mixed' }).reconcile(heldForExample());
    assert.equal(report.requests, 1, 'the request passed the schema: no 400');
    assert.deepEqual(
      report.outcomes.map((o) => [o.conversationId, o.status, o.errorCode]),
      [
        ['kondo-conv-amara-0005', 'incomplete', null],
        ['kondo-conv-lukas-0007', 'complete', null],
        ['kondo-conv-new-0100', 'unknown', null],
        ['kondo-conv-bad-0101', 'failed', 'INVALID_MESSAGE'],
      ]
    );
    assert.deepEqual(report.outcomes[0]?.result?.missing, ['kondo-msg-amara-0005-003']);
    assert.deepEqual(report.outcomes[0]?.result?.different, ['kondo-msg-amara-0005-002']);
    assert.equal(report.outcomes[1]?.result?.extraCount, 7);
    assert.deepEqual(report.counts, { complete: 1, incomplete: 1, unknown: 1, failed: 1 });
    assert.equal(report.toPushCount, 3, "the example's toPushCount");
  });

  it('a reconcile that breaks the schema is rejected by the mock, mapped, and not retried', async () => {
    const held = heldForExample();
    const tooLong = held[0]?.messages?.[0];
    if (tooLong) tooLong.id = 'k'.repeat(256);
    const report = await clientFor().reconcile(held);
    assert.equal(report.requests, 1, '400 is never retried');
    assert.deepEqual(
      report.outcomes.map((o) => [o.status, o.errorCode]),
      held.map(() => ['failed', 'INVALID_REQUEST'])
    );
  });

  it('maps the documented 413 TOO_MANY_MESSAGES of a reconcile to its conversations', async () => {
    const report = await clientFor({ Prefer: 'code=413' }).reconcile(heldForExample());
    assert.ok(report.outcomes.every((o) => o.errorCode === 'TOO_MANY_MESSAGES'));
    assert.match(report.outcomes[0]?.errorMessage ?? '', /at most 5000 message ids/);
  });

  it('runs the command line: settings and lookup print tables, exit codes follow the results', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      errIsTty: false,
      env: { KONDO_ACCESS_TOKEN: 'mock-token' },
      runSf: () => ({ status: 1, stdout: '', stderr: 'not used' }),
    };
    const auth = ['--instance-url', 'https://unused.example', '--base-url', mock.baseUrl];
    assert.equal(await main(['settings', ...auth], io), 0, err.join('\n'));
    assert.match(out.join('\n'), /syncFrequency/);
    out.length = 0;
    // Four inputs, as many as the documented mixed answer has results.
    const inputs = [
      'https://www.linkedin.com/in/jane-doe',
      'urn:li:fsd_profile:ACoAAB1234567890abcdefGHIJ',
      'https://uk.linkedin.com/in/nobody-here/',
      'https://www.linkedin.com/company/acme',
    ];
    const code = await main(['lookup', ...inputs, ...auth], io);
    assert.equal(code, 1, 'an invalid input makes the exit code 1');
    assert.match(out.join('\n'), /NOT_A_PROFILE/);
  });

  it('runs kondo-sf reconcile: a table of the documented results, exit 1 while some are not complete', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kondo-mock-cli-'));
    const file = join(folder, 'held.json');
    writeFileSync(file, JSON.stringify({ conversations: heldForExample() }));
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      errIsTty: false,
      env: { KONDO_ACCESS_TOKEN: 'mock-token' },
      runSf: () => ({ status: 1, stdout: '', stderr: 'not used' }),
    };
    const auth = ['--instance-url', 'https://unused.example', '--base-url', mock.baseUrl];
    assert.equal(await main(['reconcile', file, ...auth], io), 1, err.join('\n'));
    const printed = out.join('\n');
    assert.match(printed, /kondo-conv-amara-0005\s+incomplete\s+3\s+2\s+1\s+1/);
    assert.match(printed, /kondo-conv-lukas-0007\s+complete\s+2\s+9\s+0\s+0/);
    assert.match(printed, /kondo-conv-bad-0101\s+failed\s+2\s+0\s+0\s+0\s+INVALID_MESSAGE/);
    assert.match(printed, /3 to push; 1 request/);
  });
});
