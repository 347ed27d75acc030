// The local org over HTTP (src/server): Apex REST as the platform answers it, the Lightning call
// path, the data API's query, client credentials, one transaction per request (rolled back whole
// on an uncaught exception, queued jobs after commit), persistence across restarts, and requests
// sent together. Runs on a small project of its own in tests/fixtures/server-project.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listenLocalOrg, MAX_REQUEST_BYTES } from '../src/server/http';
import { LocalOrgSession, type LocalOrgConfig } from '../src/server/session';

const PROJECT = join(__dirname, 'fixtures', 'server-project');
const CONFIG: LocalOrgConfig = {
  users: [
    {
      key: 'admin',
      firstName: 'Ada',
      lastName: 'Admin',
      profile: 'System Administrator',
      permissionSets: [],
      description: 'the administrator',
    },
    {
      key: 'rep',
      firstName: 'Riley',
      lastName: 'Rep',
      profile: 'Standard User',
      permissionSets: [],
      description: 'a rep',
    },
  ],
  clientCredentials: { clientId: 'demo-client', clientSecret: 'demo-secret', runAs: 'rep' },
};

interface Running {
  session: LocalOrgSession;
  url: string;
  close(): Promise<void>;
}

async function start(storeFile: string | null): Promise<Running> {
  const { session } = LocalOrgSession.open({ root: PROJECT, config: CONFIG, storeFile });
  return { session, ...(await listenLocalOrg(session)) };
}

async function call(
  running: Running,
  path: string,
  options: {
    method?: string;
    user?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {}
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const user = options.user === undefined ? 'rep' : options.user;
  const response = await fetch(`${running.url}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(user ? { Authorization: `Bearer ${running.session.user(user).token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Left as text.
  }
  return { status: response.status, body, headers: response.headers };
}

const ACCOUNTS = '/services/apexrest/demo/v1/accounts';

describe('local org server: Apex REST', () => {
  let running: Running;
  before(async () => {
    running = await start(null);
  });
  after(() => running.close());

  it('answers 401 INVALID_SESSION_ID without a token or with an unknown one', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer 00Dnope!nope' }];
    for (const headers of attempts) {
      const answer = await call(running, ACCOUNTS, { user: null, headers });
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, [
        { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' },
      ]);
    }
  });

  it('runs the @HttpGet method as the token’s user with params, headers and requestURI', async () => {
    const answer = await call(running, `${ACCOUNTS}/recent?prefix=Zz`, {
      headers: { 'X-Demo': 'sent' },
    });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /application\/json/);
    assert.deepEqual(answer.body, {
      names: [],
      uri: '/demo/v1/accounts/recent',
      user: 'rep@kondo-local.invalid',
      header: 'sent',
    });
  });

  it('accepts the OAuth scheme as the platform does', async () => {
    const token = running.session.user('rep').token;
    const answer = await call(running, ACCOUNTS, {
      user: null,
      headers: { Authorization: `OAuth ${token}` },
    });
    assert.equal(answer.status, 200);
  });

  it('answers what never reaches Apex as the platform does: no match, no namespace, wrong verb', async () => {
    const unknown = await call(running, '/services/apexrest/demo/v2/nothing');
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, [
      { errorCode: 'NOT_FOUND', message: 'Could not find a match for URL /demo/v2/nothing' },
    ]);
    const bare = await call(running, '/services/apexrest/v1/accounts');
    assert.equal(bare.status, 404, 'a namespaced class is reached under its namespace');
    const wrongVerb = await call(running, ACCOUNTS, { method: 'DELETE' });
    assert.equal(wrongVerb.status, 405);
    assert.deepEqual(wrongVerb.body, [
      {
        errorCode: 'METHOD_NOT_ALLOWED',
        message: "HTTP Method 'DELETE' not allowed. Allowed are GET, POST",
      },
    ]);
  });

  it('commits what a request wrote; the next request reads it', async () => {
    const created = await call(running, ACCOUNTS, {
      method: 'POST',
      body: { names: ['Committed One', 'Committed Two'] },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, { created: 2 });
    const listed = await call(running, `${ACCOUNTS}?prefix=Committed`);
    assert.deepEqual((listed.body as { names: string[] }).names, [
      'Committed One',
      'Committed Two',
    ]);
  });

  it('rolls an uncaught exception back whole and answers 500 APEX_ERROR with the Apex stack', async () => {
    const failed = await call(running, ACCOUNTS, {
      method: 'POST',
      body: { names: ['Rolled Back'], failAfterInsert: true },
    });
    assert.equal(failed.status, 500);
    const [error] = failed.body as { errorCode: string; message: string }[];
    assert.equal(error?.errorCode, 'APEX_ERROR');
    assert.match(
      error?.message ?? '',
      /^System\.NullPointerException: Attempt to de-reference a null object\n\nClass\.AccountsResource\.createAccounts: line \d+, column \d+/
    );
    const listed = await call(running, `${ACCOUNTS}?prefix=Rolled`);
    assert.deepEqual((listed.body as { names: string[] }).names, [], 'the insert was undone');
  });

  it('refuses a body over the 6 MB limit before any Apex runs', async () => {
    const before = running.session.log.length;
    const answer = await call(running, ACCOUNTS, {
      method: 'POST',
      body: 'x'.repeat(MAX_REQUEST_BYTES + 1),
    });
    assert.equal(answer.status, 413);
    assert.equal((answer.body as { errorCode: string }[])[0]?.errorCode, 'REQUEST_TOO_LARGE');
    assert.equal(running.session.log.length, before, 'no transaction ran');
  });

  it('runs a queued job after the request committed, in a transaction of its own', async () => {
    const created = await call(running, ACCOUNTS, {
      method: 'POST',
      body: { names: ['Queued Original'], queue: true },
    });
    assert.equal(created.status, 201);
    const renamed = await call(running, `${ACCOUNTS}?prefix=Renamed`);
    assert.deepEqual((renamed.body as { names: string[] }).names, ['Renamed by the job']);
    const jobs = running.session.query(
      'SELECT Status, ApexClass.Name FROM AsyncApexJob',
      running.session.user('admin').token
    );
    const records = (JSON.parse(jobs.body.toString()) as { records: { Status: string }[] }).records;
    assert.deepEqual(
      records.map((r) => r.Status),
      ['Completed']
    );
    const post = running.session.log.filter((r) => r.what.startsWith('POST')).at(-1);
    assert.equal(post?.jobs, 1, 'the request record counts its job');
  });

  it('undoes a failed Queueable’s writes and runs its Finalizer, told the result and the exception', async () => {
    const created = await call(running, ACCOUNTS, {
      method: 'POST',
      body: { names: ['Before The Failing Job'], failingJob: true },
    });
    assert.equal(created.status, 201, 'the request itself committed');
    const names = ((await call(running, `${ACCOUNTS}?prefix=`)).body as { names: string[] }).names;
    assert.ok(names.includes('Before The Failing Job'));
    assert.ok(!names.includes('Written by the failing job'), 'the failed job’s insert is undone');
    assert.ok(
      names.includes('Finalizer saw UNHANDLED_EXCEPTION: Divide by 0'),
      `the Finalizer ran in its own transaction: ${names.join(', ')}`
    );
  });

  it('serialises requests sent together: every one commits, none is lost', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Together ${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(
      names.map((name) => call(running, ACCOUNTS, { method: 'POST', body: { names: [name] } }))
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      names.map(() => 201)
    );
    const listed = await call(running, `${ACCOUNTS}?prefix=Together`);
    assert.deepEqual((listed.body as { names: string[] }).names, names);
  });
});

describe('local org server: Lightning calls, query, OAuth', () => {
  let running: Running;
  before(async () => {
    running = await start(null);
  });
  after(() => running.close());

  const aura = (
    method: string,
    params: unknown,
    user = 'rep'
  ): Promise<{ status: number; body: unknown }> =>
    call(running, '/__local/aura', { method: 'POST', user, body: { method, params } });

  it('converts parameters by their Apex types and returns only @AuraEnabled members, nulls left out', async () => {
    const answer = await aura('DemoController.summarize', { name: 'Totals', values: [1, 2, 39] });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { ok: true, value: { name: 'Totals', count: 42 } });
  });

  it('gives an AuraHandledException its message without a stack, other exceptions with one', async () => {
    const refused = await aura('DemoController.refuse', { why: 'no reason' });
    assert.deepEqual(refused.body, {
      ok: false,
      status: 500,
      body: {
        message: 'REFUSED: no reason',
        exceptionType: 'System.AuraHandledException',
        isUserDefinedException: false,
      },
    });
    const divided = (await aura('DemoController.divide', { a: 1, b: 0 })).body as {
      body: { exceptionType: string; message: string; stackTrace: string };
    };
    assert.equal(divided.body.exceptionType, 'System.MathException');
    assert.equal(divided.body.message, 'Divide by 0');
    assert.match(divided.body.stackTrace, /^Class\.DemoController\.divide: line \d+/);
  });

  it('names a method that is not @AuraEnabled, and a body that is not JSON', async () => {
    const missing = (await aura('DemoController.nothing', {})).body as {
      ok: boolean;
      status: number;
    };
    assert.deepEqual([missing.ok, missing.status], [false, 404]);
    const malformed = await call(running, '/__local/aura', { method: 'POST', body: '{not json' });
    assert.equal(malformed.status, 400);
  });

  it('runs SOQL through the data API as the caller, and answers a bad query with its code', async () => {
    await call(running, ACCOUNTS, { method: 'POST', body: { names: ['Queried'] } });
    const answer = await call(
      running,
      `/services/data/v66.0/query?q=${encodeURIComponent('SELECT Name FROM Account')}`
    );
    assert.equal(answer.status, 200);
    const body = answer.body as {
      totalSize: number;
      records: { Name: string; attributes: { type: string } }[];
    };
    assert.equal(body.totalSize, 1);
    assert.deepEqual(
      body.records.map((r) => [r.attributes.type, r.Name]),
      [['Account', 'Queried']]
    );
    const bad = await call(
      running,
      `/services/data/v66.0/query?q=${encodeURIComponent('SELECT Nope FROM Account')}`
    );
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { errorCode: string }[])[0]?.errorCode, 'INVALID_FIELD');
    const other = await call(running, '/services/data/v66.0/sobjects/Account');
    assert.equal(other.status, 404);
  });

  it('runs anonymous Apex as the token’s user: debug lines, committed, or undone with its error', async () => {
    const run = (text: string): Promise<{ status: number; body: unknown }> =>
      call(running, '/__local/apex', { method: 'POST', body: text });
    const ok = (await run(
      "insert new Account(Name = 'From Anonymous');\nSystem.debug(UserInfo.getUserName());"
    )) as { status: number; body: { debug: string[]; error: string | null } };
    assert.equal(ok.status, 200);
    assert.equal(ok.body.error, null);
    assert.match(ok.body.debug.join('\n'), /rep@kondo-local\.invalid/);
    const failed = (await run("insert new Account(Name = 'Undone');\nInteger broken = 1 / 0;")) as {
      body: { error: string | null };
    };
    assert.match(failed.body.error ?? '', /^System\.MathException: Divide by 0/);
    const names = await call(running, `${ACCOUNTS}?prefix=`);
    const listed = (names.body as { names: string[] }).names;
    assert.ok(listed.includes('From Anonymous'), 'the first script committed');
    assert.ok(!listed.includes('Undone'), 'the failed one left nothing');
    const anonymous = await call(running, '/__local/apex', {
      method: 'POST',
      user: null,
      body: 'x',
    });
    assert.equal(anonymous.status, 401);
  });

  it('issues the configured user’s token for client credentials, and refuses a wrong secret', async () => {
    const token = async (
      secret: string
    ): Promise<{ status: number; body: Record<string, string> }> => {
      const response = await fetch(`${running.url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&client_id=demo-client&client_secret=${secret}`,
      });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    const granted = await token('demo-secret');
    assert.equal(granted.status, 200);
    assert.equal(granted.body.access_token, running.session.user('rep').token);
    assert.equal(granted.body.instance_url, running.url);
    const refused = await token('wrong');
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'invalid_client');
  });
});

describe('local org server: the data lasts', () => {
  const folder = mkdtempSync(join(tmpdir(), 'local-org-'));
  const file = join(folder, 'org.json');
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps records and tokens across a restart', async () => {
    const first = await start(file);
    const token = first.session.user('rep').token;
    await call(first, ACCOUNTS, { method: 'POST', body: { names: ['Survives Restart'] } });
    await first.close();

    const second = await start(file);
    try {
      assert.equal(second.session.user('rep').token, token, 'the same token still works');
      const listed = await call(second, `${ACCOUNTS}?prefix=Survives`);
      assert.deepEqual((listed.body as { names: string[] }).names, ['Survives Restart']);
      const created = await call(second, ACCOUNTS, {
        method: 'POST',
        body: { names: ['After Restart'] },
      });
      assert.equal(created.status, 201, 'new Ids do not collide with saved ones');
    } finally {
      await second.close();
    }
  });

  it('sets aside a file written for other metadata and starts a new org', () => {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint: string };
    saved.fingerprint = 'other-metadata';
    writeFileSync(file, JSON.stringify(saved));
    const opened = LocalOrgSession.open({ root: PROJECT, config: CONFIG, storeFile: file });
    assert.equal(opened.kind, 'created');
    assert.match(opened.note ?? '', /metadata changed/);
    assert.ok(existsSync(file), 'a new file is written');
    assert.equal(
      readdirSync(folder).filter((f) => f.endsWith('.old')).length,
      1,
      'the old one kept beside it'
    );
  });

  it('starts over on reset', () => {
    const opened = LocalOrgSession.open({
      root: PROJECT,
      config: CONFIG,
      storeFile: file,
      reset: true,
    });
    assert.equal(opened.kind, 'created');
    assert.equal(opened.session.org.db.rows('Account').length, 0);
  });
});
