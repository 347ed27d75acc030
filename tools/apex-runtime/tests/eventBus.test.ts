// Platform events (src/schema/platformEvents.ts, src/org/eventBus.ts, src/library/EventBus.ts):
// the describe of an `__e` object read from its metadata, what the runtime refuses loudly, and
// delivery outside tests, where the local server commits: a Publish After Commit message reaches
// its trigger only when the request committed, a Publish Immediately one whatever happened, each
// batch in a transaction of the Automated Process user. Behaviour inside Apex tests is the
// conformance suite's (PlatformEvents_Conformance); these tests run a small project written here.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalOrg } from '../src/org/localOrg';
import { plan, runTests } from '../src/runner/testRunner';
import { LocalOrgSession, type LocalOrgConfig } from '../src/server/session';

const CLASS_META =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>\n';
const TRIGGER_META =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ApexTrigger xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexTrigger>\n';

function eventObject(label: string, behavior: string | null): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <eventType>HighVolume</eventType>
    <label>${label}</label>
    <pluralLabel>${label}s</pluralLabel>
    ${behavior ? `<publishBehavior>${behavior}</publishBehavior>` : ''}
</CustomObject>
`;
}

const TEXT_FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Note__c</fullName>
    <label>Note</label>
    <length>80</length>
    <required>false</required>
    <type>Text</type>
</CustomField>
`;

const CUSTOM_OBJECT = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <label>Widget</label>
    <pluralLabel>Widgets</pluralLabel>
    <nameField><label>Widget Name</label><type>Text</type></nameField>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;

// A REST resource that publishes one message of each event, then fails when asked to.
const RESOURCE = `@RestResource(urlMapping='/publish/*')
global with sharing class PublishResource {
  @HttpPost
  global static void publishBoth() {
    EventBus.publish(new List<SObject>{
      new Later_Event__e(Note__c = 'later'),
      new Now_Event__e(Note__c = 'now')
    });
    insert new Schema.Account(Name = 'Publisher');
    if (RestContext.request.requestURI.endsWith('/fail')) {
      throw new System.IllegalArgumentException('the request fails after publishing');
    }
  }
}
`;

// Each subscriber records the message, the running user and whether it sees the publisher's
// Account, i.e. whether the publishing transaction had committed when it ran.
function subscriber(name: string, event: string): string {
  return `trigger ${name} on ${event} (after insert) {
  List<Schema.Account> seen = new List<Schema.Account>();
  for (${event} message : Trigger.new) {
    seen.add(new Schema.Account(
      Name = 'seen ' + message.Note__c,
      Description = System.UserInfo.getName() + '|' + [SELECT COUNT() FROM Account WHERE Name = 'Publisher']
    ));
  }
  insert seen;
}
`;
}

const BEFORE_TRIGGER = `trigger BadSubscriber on Bad_Event__e (before insert) {
  System.debug('never');
}
`;

const PROBE = `@IsTest
private class BadProbe {
  @IsTest
  static void publishToABeforeTrigger() {
    Test.startTest();
    EventBus.publish(new Bad_Event__e());
    Test.stopTest();
    System.Assert.isTrue(true, 'not reached: the runtime refuses the trigger');
  }
}
`;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function project(namespace: string | null): string {
  const root = mkdtempSync(join(tmpdir(), 'apex-events-'));
  write(
    root,
    'sfdx-project.json',
    JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      ...(namespace ? { namespace } : {}),
      sourceApiVersion: '66.0',
    })
  );
  const main = 'force-app/main/default';
  write(
    root,
    `${main}/objects/Later_Event__e/Later_Event__e.object-meta.xml`,
    eventObject('Later Event', 'PublishAfterCommit')
  );
  write(root, `${main}/objects/Later_Event__e/fields/Note__c.field-meta.xml`, TEXT_FIELD);
  write(
    root,
    `${main}/objects/Now_Event__e/Now_Event__e.object-meta.xml`,
    eventObject('Now Event', null)
  );
  write(root, `${main}/objects/Now_Event__e/fields/Note__c.field-meta.xml`, TEXT_FIELD);
  write(root, `${main}/objects/Widget__c/Widget__c.object-meta.xml`, CUSTOM_OBJECT);
  write(root, `${main}/classes/PublishResource.cls`, RESOURCE);
  write(root, `${main}/classes/PublishResource.cls-meta.xml`, CLASS_META);
  write(
    root,
    `${main}/triggers/LaterSubscriber.trigger`,
    subscriber('LaterSubscriber', 'Later_Event__e')
  );
  write(root, `${main}/triggers/LaterSubscriber.trigger-meta.xml`, TRIGGER_META);
  write(
    root,
    `${main}/triggers/NowSubscriber.trigger`,
    subscriber('NowSubscriber', 'Now_Event__e')
  );
  write(root, `${main}/triggers/NowSubscriber.trigger-meta.xml`, TRIGGER_META);
  return root;
}

const roots: string[] = [];
after(() => {
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

describe('a platform event in the schema', () => {
  let org: LocalOrg;
  before(() => {
    const root = project('probe');
    roots.push(root);
    org = LocalOrg.open(root);
  });

  it('reads the publish behaviour from the metadata, Publish Immediately when it is absent', () => {
    assert.deepEqual(org.schema.object('Later_Event__e')?.platformEvent, {
      eventType: 'HighVolume',
      publishBehavior: 'PublishAfterCommit',
    });
    assert.equal(
      org.schema.object('Now_Event__e')?.platformEvent?.publishBehavior,
      'PublishImmediately'
    );
  });

  it('names it with the namespace and gives it an e-prefix of its own', () => {
    const later = org.schema.object('Later_Event__e');
    assert.equal(later?.name, 'probe__Later_Event__e');
    assert.equal(later?.keyPrefix, 'e00');
    assert.equal(org.schema.object('Now_Event__e')?.keyPrefix, 'e01');
    assert.equal(org.schema.object('Widget__c')?.keyPrefix, 'a00', 'custom objects keep theirs');
  });

  it('describes the standard fields of an event and none of a record', () => {
    const fields = [...(org.schema.object('Later_Event__e')?.fields.values() ?? [])].map(
      (f) => f.name
    );
    for (const name of ['ReplayId', 'EventUuid', 'CreatedDate', 'CreatedById', 'probe__Note__c']) {
      assert.ok(fields.includes(name), `${name} is described`);
    }
    for (const name of ['Name', 'OwnerId', 'LastModifiedDate', 'IsDeleted']) {
      assert.ok(!fields.includes(name), `${name} is not`);
    }
  });

  it('lists it in the global describe but answers no query on it', () => {
    const later = org.schema.object('Later_Event__e');
    assert.equal(later?.queryable, false);
    assert.equal(later?.updateable, false);
    assert.ok(org.schema.globalDescribe().includes(later!), 'Schema.getGlobalDescribe has it');
  });

  it('seeds the Automated Process user every org has', () => {
    const users = org.db.rows('User').filter((u) => u.get('UserType') === 'AutomatedProcess');
    assert.equal(users.length, 1);
    assert.equal(users[0]?.get('Name'), 'Automated Process');
  });
});

describe('a trigger the platform would refuse', () => {
  it('is reported unsupported, naming the rule, when a message reaches it', () => {
    const root = project(null);
    roots.push(root);
    write(
      root,
      'force-app/main/default/objects/Bad_Event__e/Bad_Event__e.object-meta.xml',
      eventObject('Bad Event', 'PublishAfterCommit')
    );
    write(root, 'force-app/main/default/triggers/BadSubscriber.trigger', BEFORE_TRIGGER);
    write(root, 'force-app/main/default/triggers/BadSubscriber.trigger-meta.xml', TRIGGER_META);
    write(root, 'force-app/main/default/classes/BadProbe.cls', PROBE);
    write(root, 'force-app/main/default/classes/BadProbe.cls-meta.xml', CLASS_META);
    const org = LocalOrg.open(root);
    const [result] = runTests(org, plan(org, { className: 'BadProbe' })).results;
    assert.equal(result?.outcome, 'unsupported');
    assert.match(result?.feature ?? '', /platform event triggers support only after insert/);
    assert.match(result?.feature ?? '', /BadSubscriber/);
  });
});

describe('delivery by the local server', () => {
  const config: LocalOrgConfig = {
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
  };
  let session: LocalOrgSession;

  before(() => {
    const root = project('probe');
    roots.push(root);
    session = LocalOrgSession.open({ root, config, storeFile: null }).session;
  });

  function post(path: string): number {
    return session.rest(
      {
        method: 'POST',
        path,
        query: [],
        headers: [],
        body: Buffer.from('{}'),
        remoteAddress: '127.0.0.1',
      },
      session.user('admin').token
    ).status;
  }

  function seen(): { Name: string; Description: string }[] {
    return session.queryAs<{ Name: string; Description: string }>(
      'admin',
      "SELECT Name, Description FROM Account WHERE Name LIKE 'seen %' ORDER BY Name"
    );
  }

  it('runs each subscriber after the commit, as the Automated Process user', () => {
    assert.equal(post('/probe/publish/ok'), 200);
    assert.deepEqual(
      seen().map((a) => [a.Name, a.Description]),
      [
        // The after-commit subscriber finds the publisher's Account: the request had committed.
        ['seen later', 'Automated Process|1'],
        ['seen now', 'Automated Process|1'],
      ]
    );
  });

  it('drops the after-commit message of a request that failed, and delivers the immediate one', () => {
    const before = seen().length;
    assert.equal(post('/probe/publish/fail'), 500);
    const now = seen();
    assert.equal(now.length, before + 1, 'one more message was delivered');
    assert.deepEqual(
      now.filter((a) => a.Name === 'seen now').map((a) => a.Description),
      ['Automated Process|1', 'Automated Process|1'],
      "the immediate one, which finds only the first request's Account: the second was undone"
    );
  });
});
