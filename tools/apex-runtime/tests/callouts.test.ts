// HTTP callouts outside Apex tests (src/library/Http.ts, src/org/callouts.ts,
// src/org/calloutRoutes.ts): what the host hook receives and what Apex gets back, the rules
// that hold there too (uncommitted work, triggers, the limit, the cumulative timeout, named
// credentials), and routeCallouts against a real HTTP server in another process. Behaviour
// inside Apex tests (mocks) is the conformance suite's (Callouts_Conformance).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CalloutRequest, CalloutResponse } from '../src/org/callouts';
import { routeCallouts } from '../src/org/calloutRoutes';
import { LocalOrg } from '../src/org/localOrg';
import { LocalOrgSession } from '../src/server/session';

const CLASS_META =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>\n';
const TRIGGER_META =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ApexTrigger xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexTrigger>\n';
const NAMED_CREDENTIAL = `<?xml version="1.0" encoding="UTF-8"?>
<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <endpoint>https://hooks.example.com</endpoint>
    <label>Hooks</label>
    <principalType>Anonymous</principalType>
    <protocol>NoAuthentication</protocol>
</NamedCredential>
`;

// A named credential whose callouts need a principal of its external credential, and the
// permission set that grants it.
const SECURED_CREDENTIAL = `<?xml version="1.0" encoding="UTF-8"?>
<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Secured</label>
    <namedCredentialParameters>
        <parameterName>Url</parameterName>
        <parameterType>Url</parameterType>
        <parameterValue>https://secured.example.com/api</parameterValue>
    </namedCredentialParameters>
    <namedCredentialParameters>
        <externalCredential>Secured_Ext</externalCredential>
        <parameterName>ExternalCredential</parameterName>
        <parameterType>Authentication</parameterType>
    </namedCredentialParameters>
    <namedCredentialType>SecuredEndpoint</namedCredentialType>
</NamedCredential>
`;
const CALLER_PERMISSION_SET = `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <classAccesses><apexClass>CalloutProbe</apexClass><enabled>true</enabled></classAccesses>
    <externalCredentialPrincipalAccesses>
        <enabled>true</enabled>
        <externalCredentialPrincipal>Secured_Ext-Main</externalCredentialPrincipal>
    </externalCredentialPrincipalAccesses>
    <label>Caller</label>
</PermissionSet>
`;

const PROBE = `public with sharing class CalloutProbe {
  public static System.HttpResponse send(String method, String endpoint, String body) {
    System.HttpRequest request = new System.HttpRequest();
    request.setMethod(method);
    request.setEndpoint(endpoint);
    request.setHeader('Content-Type', 'application/json');
    if (body != null) {
      request.setBody(body);
    }
    return new System.Http().send(request);
  }
}
`;

const TRIGGER = `trigger CalloutOnInsert on Account (after insert) {
  if (Trigger.new[0].Name == 'call') {
    CalloutProbe.send('GET', 'callout:Hooks/from-trigger', null);
  }
}
`;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'apex-callouts-'));
  write(
    root,
    'sfdx-project.json',
    JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      sourceApiVersion: '66.0',
    })
  );
  const main = 'force-app/main/default';
  write(root, `${main}/classes/CalloutProbe.cls`, PROBE);
  write(root, `${main}/classes/CalloutProbe.cls-meta.xml`, CLASS_META);
  write(root, `${main}/triggers/CalloutOnInsert.trigger`, TRIGGER);
  write(root, `${main}/triggers/CalloutOnInsert.trigger-meta.xml`, TRIGGER_META);
  write(root, `${main}/namedCredentials/Hooks.namedCredential-meta.xml`, NAMED_CREDENTIAL);
  write(root, `${main}/namedCredentials/Secured.namedCredential-meta.xml`, SECURED_CREDENTIAL);
  write(root, `${main}/permissionsets/Caller.permissionset-meta.xml`, CALLER_PERMISSION_SET);
  return root;
}

describe('callouts outside Apex tests', () => {
  let root: string;
  let org: LocalOrg;
  let seen: CalloutRequest[];
  let answer: (request: CalloutRequest) => CalloutResponse;

  before(() => {
    root = project();
    org = LocalOrg.open(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  function run(script: string): { debug: string[]; error: string | null } {
    seen = [];
    org.calloutHandler = (request) => {
      seen.push(request);
      return answer(request);
    };
    return org.runAnonymous(script, 'callouts.apex');
  }

  it('gives the handler the request as Apex built it and Apex the answer', () => {
    answer = () => ({
      statusCode: 201,
      headers: [['Location', '/hooks/7']],
      body: '{"id":7}',
    });
    const result =
      run(`System.HttpResponse r = CalloutProbe.send('post', 'callout:Hooks/hooks?x=1', '{"a":1}');
System.debug(r.getStatusCode() + ' ' + r.getStatus() + ' ' + r.getHeader('location') + ' ' + r.getBody());
System.debug(System.Limits.getCallouts());`);
    assert.equal(result.error, null);
    assert.deepEqual(
      result.debug.map((line) => line.replace(/^USER_DEBUG \[\d+\] DEBUG /, '')),
      ['201 Created /hooks/7 {"id":7}', '1']
    );
    const [request] = seen;
    assert.equal(request?.endpoint, 'callout:Hooks/hooks?x=1', 'the endpoint as written');
    assert.deepEqual(request?.namedCredential, {
      name: 'Hooks',
      path: '/hooks?x=1',
      url: 'https://hooks.example.com',
      externalCredential: null,
    });
    assert.equal(request?.method, 'POST');
    assert.deepEqual(request?.headers, [['Content-Type', 'application/json']]);
    assert.equal(new TextDecoder().decode(request?.body), '{"a":1}');
    assert.equal(request?.timeoutMs, 10_000, 'the default timeout');
  });

  it('fails a callout when no handler is configured, never reaching the network', () => {
    org.calloutHandler = null;
    const result = org.runAnonymous(
      `CalloutProbe.send('GET', 'https://example.com/', null);`,
      'callouts.apex'
    );
    assert.match(
      result.error ?? '',
      /^System\.CalloutException: Unable to reach https:\/\/example\.com\//
    );
  });

  it('refuses a callout after DML, in a trigger, and to an unknown named credential', () => {
    answer = () => ({ statusCode: 200 });
    assert.match(
      run(`insert new Schema.Account(Name = 'first');
CalloutProbe.send('GET', 'callout:Hooks/x', null);`).error ?? '',
      /^System\.CalloutException: You have uncommitted work pending\. Please commit or rollback before calling out/
    );
    assert.match(
      run(`insert new Schema.Account(Name = 'call');`).error ?? '',
      /^System\.CalloutException: Callout from triggers are currently not supported\./
    );
    assert.match(
      run(`CalloutProbe.send('GET', 'callout:Elsewhere/x', null);`).error ?? '',
      /^System\.CalloutException: .*the named credential "Elsewhere" might not exist/
    );
    assert.equal(seen.length, 0, 'none of them reached the handler');
  });

  it("needs a principal of the credential's external credential, granted by a permission set", () => {
    answer = () => ({ statusCode: 200, body: 'granted' });
    const { session } = LocalOrgSession.open({
      root,
      config: {
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
            key: 'caller',
            firstName: 'Cal',
            lastName: 'Caller',
            profile: 'Standard User',
            permissionSets: ['Caller'],
            description: 'holds the principal',
          },
        ],
      },
      storeFile: null,
    });
    seen = [];
    session.org.calloutHandler = (request) => {
      seen.push(request);
      return answer(request);
    };
    const script = `System.debug(CalloutProbe.send('GET', 'callout:Secured/items', null).getBody());`;
    assert.match(
      session.runAnonymous(script).error ?? '',
      /^System\.CalloutException: We couldn't access the credential\(s\)\. .*"Secured_Ext"/,
      'the administrator holds no principal'
    );
    const granted = session.runAnonymous(script, session.user('caller').id);
    assert.equal(granted.error, null);
    assert.equal(seen.length, 1, 'only the granted callout reached the handler');
    assert.deepEqual(seen[0]?.namedCredential, {
      name: 'Secured',
      path: '/items',
      url: 'https://secured.example.com/api',
      externalCredential: 'Secured_Ext',
    });
  });

  it('ends the transaction at the 101st callout with an uncatchable LimitException', () => {
    answer = () => ({ statusCode: 204 });
    const result = run(`try {
  for (Integer i = 0; i < 101; i++) {
    CalloutProbe.send('GET', 'callout:Hooks/' + i, null);
  }
} catch (System.Exception e) {
  System.debug('caught');
}`);
    assert.match(result.error ?? '', /^System\.LimitException: Too many callouts: 101/);
    assert.equal(seen.length, 100, 'a hundred callouts were made');
    assert.deepEqual(result.debug, [], 'the exception cannot be caught');
  });

  it('gives each callout what is left of the 120 seconds, then refuses the next', () => {
    const realNow = Date.now;
    let clock = realNow();
    Date.now = () => clock;
    try {
      answer = () => {
        clock += 50_000;
        return { statusCode: 200 };
      };
      const result = run(`for (Integer i = 0; i < 4; i++) {
  System.HttpRequest request = new System.HttpRequest();
  request.setMethod('GET');
  request.setEndpoint('callout:Hooks/slow');
  request.setTimeout(120000);
  new System.Http().send(request);
}`);
      assert.deepEqual(
        seen.map((r) => r.timeoutMs),
        [120_000, 70_000, 20_000],
        'each callout is bounded by the time left'
      );
      assert.match(
        result.error ?? '',
        /^System\.CalloutException: Exceeded maximum time allotted for callout \(120000 ms\)/
      );
    } finally {
      Date.now = realNow;
    }
  });
});

// A server in another process: routeCallouts blocks this one while the request is made.
const SERVER = `
const http = require('node:http');
const zlib = require('node:zlib');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
    if (req.url.endsWith('/slow')) {
      setTimeout(() => res.end('late'), 3000);
      return;
    }
    res.writeHead(202, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
    res.end(JSON.stringify({ method: req.method, url: req.url, type: req.headers['content-type'], body: body.toString() }));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

describe('routeCallouts: callout:<Name> to a local HTTP server', () => {
  let root: string;
  let org: LocalOrg;
  let server: ChildProcess;
  let port = 0;

  before(async () => {
    root = project();
    org = LocalOrg.open(root);
    server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise<number>((resolve) => {
      server.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    });
    org.calloutHandler = routeCallouts({ Hooks: `http://127.0.0.1:${port}/base/` });
  });
  after(() => {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the request to the route of its named credential and returns the answer', () => {
    const result = org.runAnonymous(
      `System.HttpRequest request = new System.HttpRequest();
request.setMethod('PUT');
request.setEndpoint('callout:Hooks/items/1');
request.setHeader('Content-Type', 'application/json');
request.setBody('{"n":1}');
request.setCompressed(true);
System.HttpResponse r = new System.Http().send(request);
System.debug(r.getStatusCode() + ' ' + r.getHeader('X-Echo'));
System.debug(r.getBody());`,
      'route.apex'
    );
    assert.equal(result.error, null);
    const [status, body] = result.debug.map((l) => l.replace(/^USER_DEBUG \[\d+\] DEBUG /, ''));
    assert.equal(status, '202 yes');
    assert.deepEqual(JSON.parse(body ?? ''), {
      method: 'PUT',
      url: '/base/items/1',
      type: 'application/json',
      body: '{"n":1}',
    });
  });

  it("fails with Read timed out past the request's timeout", () => {
    const result = org.runAnonymous(
      `System.HttpRequest request = new System.HttpRequest();
request.setMethod('GET');
request.setEndpoint('callout:Hooks/slow');
request.setTimeout(300);
new System.Http().send(request);`,
      'route.apex'
    );
    assert.match(result.error ?? '', /^System\.CalloutException: Read timed out/);
  });

  it('routes the callouts of a local server session from its calloutRoutes', () => {
    const { session } = LocalOrgSession.open({
      root,
      config: {
        users: [
          {
            key: 'admin',
            firstName: 'Ada',
            lastName: 'Admin',
            profile: 'System Administrator',
            permissionSets: [],
            description: 'the administrator',
          },
        ],
        calloutRoutes: { hooks: `http://127.0.0.1:${port}` },
      },
      storeFile: null,
    });
    const result = session.runAnonymous(
      `System.debug(CalloutProbe.send('DELETE', 'callout:Hooks/items/2', null).getBody());`
    );
    assert.equal(result.error, null);
    const body = JSON.parse(result.debug[0]?.replace(/^USER_DEBUG \[\d+\] DEBUG /, '') ?? '');
    assert.equal(body.method, 'DELETE');
    assert.equal(body.url, '/items/2', 'the route matched whatever the case of the name');
  });

  it('fails an endpoint that is not a routed named credential', () => {
    const result = org.runAnonymous(
      `CalloutProbe.send('GET', 'https://example.com/', null);`,
      'route.apex'
    );
    assert.match(
      result.error ?? '',
      /^System\.CalloutException: The local org routes only named credential endpoints/
    );
  });
});
