// Tests of SOQL lowering and evaluation (SOQL and SOSL Reference: "SOQL SELECT Syntax",
// "Comparison Operators", "Date Formats and Date Literals", "Aggregate Functions", "GROUP BY",
// "ORDER BY", "Relationship Queries", "Semi-Join and Anti-Join"; Apex Developer Guide: "Set an
// Access Mode for Database Operations", "Using Apex Variables in SOQL and SOSL Queries").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolve } from 'node:path';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexList,
  SObjectValue,
  type ApexValue,
} from '../src/interpreter/values';
import { UnsupportedError } from '../src/interpreter/errors';
import { loadSchema } from '../src/schema/index';
import { Database, NO_TRIGGERS, bootstrapOrg, type DmlOptions } from '../src/database/index';
import { QueryError, parseSoql, type QueryOptions } from '../src/soql/index';

const schema = loadSchema(resolve(import.meta.dirname, '../../..'));
const NOW = Date.UTC(2025, 5, 15, 18, 0, 0); // 11:00 in Los Angeles

function rec(type: string, fields: Record<string, ApexValue>): SObjectValue {
  const r = new SObjectValue(type);
  for (const [k, v] of Object.entries(fields)) {
    r.set(k, v);
  }
  return r;
}

function setup() {
  const db = new Database(schema, { now: () => NOW });
  const org = bootstrapOrg(db);
  const admin = org.adminUserId;
  const dml: DmlOptions = {
    allOrNone: true,
    access: { mode: 'system', userId: admin, enforceSharing: false },
    triggers: NO_TRIGGERS,
  };
  const acme = rec('Account', { Name: 'Acme' });
  db.insert([acme], dml);
  const people: [SObjectValue, SObjectValue, SObjectValue] = [
    rec('Contact', { FirstName: 'Jane', LastName: 'Doe', AccountId: acme.get('Id'), Title: 'CEO' }),
    rec('Contact', { FirstName: 'john', LastName: 'Smith', AccountId: acme.get('Id') }),
    rec('Contact', { FirstName: 'Ann', LastName: 'Zed', kondo__LinkedIn_Key__c: 'ann-zed' }),
  ];
  db.insert(people, dml);
  const conv = rec('kondo__Kondo_Conversation__c', {
    Name: 'thread',
    kondo__Contact__c: people[0].get('Id'),
    kondo__Conversation_Id__c: 'c1',
  });
  db.insert([conv], dml);
  const messages = [0, 1, 2].map((i) =>
    rec('kondo__Kondo_Message__c', {
      kondo__Conversation__c: conv.get('Id'),
      kondo__Message_Id__c: `m${i}`,
      kondo__Direction__c: i === 1 ? 'outbound' : 'inbound',
      kondo__Sent_At__c: i === 2 ? null : new ApexDatetime(NOW - (i + 1) * 86_400_000),
    })
  );
  db.insert(messages, dml);
  const task = rec('Task', { WhoId: people[0].get('Id'), Subject: 'hello', Status: 'Completed' });
  db.insert([task], dml);
  const ctx = (
    binds: Record<string, ApexValue> = {},
    mode: 'user' | 'system' = 'system',
    userId = admin
  ): QueryOptions => ({
    resolveBind: (ref) => {
      const key = String(ref);
      const value = binds[key];
      if (value === undefined) {
        throw new Error(`no bind ${key}`);
      }
      return value;
    },
    access: { mode, userId, enforceSharing: mode === 'user' },
    userTimeZone: 'America/Los_Angeles',
  });
  return { db, admin, acme, people, conv, messages, task, ctx, dml };
}

function records(db: Database, text: string, options: QueryOptions): SObjectValue[] {
  const r = db.query(text, options);
  assert.equal(r.kind, 'records');
  return r.kind === 'records' ? r.records : [];
}

describe('lowering', () => {
  it('caches the lowered query by text and reads clauses', () => {
    const q = parseSoql(
      'SELECT Id, Owner.Name FROM Contact WHERE LastName = :n WITH USER_MODE ORDER BY Name DESC LIMIT 5'
    );
    assert.equal(
      parseSoql(
        'SELECT Id, Owner.Name FROM Contact WHERE LastName = :n WITH USER_MODE ORDER BY Name DESC LIMIT 5'
      ),
      q
    );
    assert.equal(q.withMode, 'USER_MODE');
    assert.deepEqual(q.orderBy[0], {
      expr: { k: 'field', path: ['Name'] },
      desc: true,
      nullsFirst: false,
    });
    assert.ok(!q.countOnly && !q.aggregate);
  });

  it('takes inline queries as the parser QueryContext with the caller bind refs', () => {
    const { db, people, ctx } = setup();
    const cst = ApexParserFactory.createParser(
      'SELECT LastName FROM Contact WHERE Id = :contactId'
    ).query();
    const result = db.query(cst, {
      ...ctx(),
      bindOf: () => 'REF',
      resolveBind: (ref) => (ref === 'REF' ? people[1].get('Id') : null),
    });
    assert.equal(result.kind === 'records' && result.records[0]?.get('LastName'), 'Smith');
  });

  it('refuses what it does not evaluate, loudly', () => {
    assert.throws(
      () => parseSoql('SELECT TYPEOF What WHEN Account THEN Name END FROM Task'),
      UnsupportedError
    );
    assert.throws(() => parseSoql('SELECT FIELDS(ALL) FROM Contact LIMIT 1'), UnsupportedError);
    assert.throws(
      () => parseSoql('SELECT LeadSource, COUNT(Id) FROM Lead GROUP BY ROLLUP(LeadSource)'),
      UnsupportedError
    );
  });
});

describe('filters', () => {
  it('compares strings case-insensitively, LIKE, IN, null, AND/OR/NOT', () => {
    const { db, ctx } = setup();
    const names = (where: string, binds: Record<string, ApexValue> = {}) =>
      records(db, `SELECT LastName FROM Contact WHERE ${where} ORDER BY LastName`, ctx(binds)).map(
        (r) => r.get('LastName')
      );
    assert.deepEqual(names("FirstName = 'JOHN'"), ['Smith']);
    assert.deepEqual(names("LastName LIKE 'd%'"), ['Doe']);
    assert.deepEqual(names("LastName LIKE '_e_'"), ['Zed']);
    assert.deepEqual(names("LastName LIKE 'x%'"), []);
    assert.deepEqual(
      names('LastName IN :names', {
        names: new ApexList({ name: 'String', args: [] }, ['doe', 'ZED']),
      }),
      ['Doe', 'Zed']
    );
    assert.deepEqual(names("LastName NOT IN ('Doe')"), ['Smith', 'Zed']);
    assert.deepEqual(names('Title = null'), ['Smith', 'Zed']);
    assert.deepEqual(names('Title != null'), ['Doe']);
    assert.deepEqual(names("(LastName = 'Doe' OR LastName = 'Zed') AND (NOT FirstName = 'Ann')"), [
      'Doe',
    ]);
    assert.deepEqual(
      names("LinkedIn_Key__c = 'ann-zed'"),
      ['Zed'],
      'un-namespaced field names resolve'
    );
    assert.deepEqual(names("LastName > 'E'"), ['Smith', 'Zed']);
  });

  it('compares Ids in 15 or 18 characters and binds SObject lists as their Ids', () => {
    const { db, people, ctx } = setup();
    const id18 = people[2].get('Id') as string;
    assert.equal(
      records(db, `SELECT Id FROM Contact WHERE Id = '${id18.slice(0, 15)}'`, ctx()).length,
      1
    );
    const contacts = new ApexList({ name: 'Contact', args: [] }, [people[0], people[1]]);
    assert.equal(
      records(db, 'SELECT Id FROM Contact WHERE Id IN :contacts', ctx({ contacts })).length,
      2
    );
    assert.equal(
      records(db, 'SELECT Id FROM Contact WHERE Id = :contacts', ctx({ contacts })).length,
      2,
      '= with a list acts as IN'
    );
    assert.throws(
      () => db.query("SELECT Id FROM Contact WHERE Id = 'nope'", ctx()),
      /invalid ID field: nope/
    );
  });

  it('evaluates date literals in the user time zone and datetime binds', () => {
    const { db, ctx } = setup();
    const count = (where: string, binds: Record<string, ApexValue> = {}) => {
      const r = db.query(`SELECT COUNT() FROM Kondo_Message__c WHERE ${where}`, ctx(binds));
      return r.kind === 'count' ? r.count : -1;
    };
    assert.equal(count('Sent_At__c = LAST_N_DAYS:1'), 1);
    assert.equal(count('Sent_At__c = LAST_N_DAYS:7'), 2);
    assert.equal(count('Sent_At__c < TODAY'), 2);
    assert.equal(count('Sent_At__c = TODAY'), 0);
    assert.equal(count('CreatedDate = TODAY'), 3);
    assert.equal(
      count('Sent_At__c >= :since', { since: new ApexDatetime(NOW - 1.5 * 86_400_000) }),
      1
    );
    assert.equal(count('Sent_At__c > 2025-06-14T00:00:00Z'), 1);
    assert.equal(count('Sent_At__c > 2025-06-13T20:00:00-07:00'), 1);
  });

  it('supports semi-joins', () => {
    const { db, ctx } = setup();
    const rows = records(
      db,
      'SELECT LastName FROM Contact WHERE Id IN (SELECT WhoId FROM Task)',
      ctx()
    );
    assert.deepEqual(
      rows.map((r) => r.get('LastName')),
      ['Doe']
    );
  });
});

describe('results', () => {
  it('returns Id and selected fields only, marked as queried, as copies', () => {
    const { db, ctx } = setup();
    const [r] = records(db, "SELECT LastName FROM Contact WHERE LastName = 'Doe'", ctx());
    assert.ok(r);
    assert.equal(r.type, 'Contact');
    assert.ok(r.queried!.has('id') && r.queried!.has('lastname') && !r.queried!.has('title'));
    assert.equal(r.has('Title'), false);
    r.set('LastName', 'changed');
    assert.equal(
      records(db, "SELECT LastName FROM Contact WHERE LastName = 'Doe'", ctx()).length,
      1
    );
  });

  it('follows parent paths, polymorphic Who, and child sub-queries', () => {
    const { db, ctx } = setup();
    const [c] = records(
      db,
      "SELECT Account.Name, Owner.Name, (SELECT Subject FROM Tasks) FROM Contact WHERE LastName = 'Doe'",
      ctx()
    );
    assert.ok(c);
    assert.equal((c.get('Account') as SObjectValue).get('Name'), 'Acme');
    assert.equal((c.get('Owner') as SObjectValue).get('Name'), 'Runtime Admin');
    const tasks = c.get('Tasks') as ApexList;
    assert.equal(tasks.values.length, 1);
    const [z] = records(db, "SELECT Account.Name FROM Contact WHERE LastName = 'Zed'", ctx());
    assert.equal(z?.get('Account'), null);
    const [t] = records(db, 'SELECT Who.Name, Who.Type FROM Task', ctx());
    assert.ok(t);
    const who = t.get('Who') as SObjectValue;
    assert.equal(who.type, 'Contact');
    assert.equal(who.get('Name'), 'Jane Doe');
    const [conv] = records(
      db,
      'SELECT Name, (SELECT Message_Id__c FROM Messages__r ORDER BY Message_Id__c DESC LIMIT 2) FROM Kondo_Conversation__c',
      ctx()
    );
    assert.ok(conv);
    const msgs = conv.get('kondo__Messages__r') as ApexList;
    assert.deepEqual(
      msgs.values.map((m) => (m as SObjectValue).get('kondo__Message_Id__c')),
      ['m2', 'm1']
    );
    const [m] = records(
      db,
      "SELECT Conversation__r.Name FROM Kondo_Message__c WHERE Message_Id__c = 'm0'",
      ctx()
    );
    assert.ok(m);
    assert.equal((m.get('kondo__Conversation__r') as SObjectValue).get('Name'), 'thread');
  });

  it('orders with NULLS FIRST/LAST defaults, several keys, OFFSET and bound LIMIT', () => {
    const { db, ctx } = setup();
    const ids = (order: string) =>
      records(db, `SELECT Message_Id__c FROM Kondo_Message__c ORDER BY ${order}`, ctx()).map((r) =>
        r.get('kondo__Message_Id__c')
      );
    assert.deepEqual(ids('Sent_At__c ASC'), ['m2', 'm1', 'm0']);
    assert.deepEqual(ids('Sent_At__c DESC'), ['m0', 'm1', 'm2']);
    assert.deepEqual(ids('Sent_At__c DESC NULLS FIRST'), ['m2', 'm0', 'm1']);
    assert.deepEqual(ids('Direction__c, Message_Id__c DESC'), ['m2', 'm0', 'm1']);
    const page = records(
      db,
      'SELECT Id FROM Kondo_Message__c ORDER BY Message_Id__c LIMIT :n OFFSET 1',
      ctx({ n: 1 })
    );
    assert.equal(page.length, 1);
  });

  it('counts and aggregates with aliases, GROUP BY date functions and HAVING', () => {
    const { db, ctx } = setup();
    const count = db.query('SELECT COUNT() FROM Contact', ctx());
    assert.deepEqual(count.kind === 'count' && count.count, 3);
    const agg = db.query(
      'SELECT Direction__c, COUNT(Id) n, COUNT(Sent_At__c) FROM Kondo_Message__c GROUP BY Direction__c ORDER BY Direction__c',
      ctx()
    );
    assert.equal(agg.kind, 'aggregate');
    if (agg.kind === 'aggregate') {
      assert.equal(agg.rows[0]?.type, 'AggregateResult');
      assert.deepEqual(
        agg.rows.map((r) => [r.get('kondo__Direction__c'), r.get('n'), r.get('expr0')]),
        [
          ['inbound', 2, 1],
          ['outbound', 1, 1],
        ]
      );
    }
    const days = db.query(
      'SELECT DAY_ONLY(convertTimezone(Sent_At__c)) d, COUNT(Id) c FROM Kondo_Message__c WHERE Sent_At__c != null GROUP BY DAY_ONLY(convertTimezone(Sent_At__c)) HAVING COUNT(Id) > 0 ORDER BY DAY_ONLY(convertTimezone(Sent_At__c))',
      ctx()
    );
    if (days.kind === 'aggregate') {
      assert.deepEqual(
        days.rows.map((r) => String((r.get('d') as ApexDate).day)),
        ['13', '14']
      );
    }
    const logs = [1, 2].map((i) => rec('kondo__Kondo_Sync_Log__c', { kondo__Created_Count__c: i }));
    db.insert(logs, {
      allOrNone: true,
      access: { mode: 'system', userId: ctx().access.userId, enforceSharing: false },
      triggers: NO_TRIGGERS,
    });
    const sum = db.query(
      'SELECT SUM(Created_Count__c) total, MAX(Created_Count__c) FROM Kondo_Sync_Log__c',
      ctx()
    );
    if (sum.kind === 'aggregate') {
      const [row] = sum.rows;
      assert.ok(row);
      assert.equal((row.get('total') as ApexDecimal).value, 3);
      assert.equal((row.get('expr0') as ApexDecimal).value, 2);
    }
  });

  it('includes deleted rows with ALL ROWS only', () => {
    const { db, ctx, people, dml } = setup();
    db.delete([people[2]], dml);
    assert.equal(records(db, 'SELECT Id FROM Contact', ctx()).length, 2);
    assert.equal(records(db, 'SELECT Id, IsDeleted FROM Contact ALL ROWS', ctx()).length, 3);
  });

  it('reports unknown fields and objects as QueryException', () => {
    const { db, ctx } = setup();
    assert.throws(
      () => db.query('SELECT Nope__c FROM Contact', ctx()),
      /No such column 'Nope__c' on entity 'Contact'/
    );
    assert.throws(
      () => db.query('SELECT Id FROM Nothing__c', ctx()),
      /sObject type 'Nothing__c' is not supported/
    );
    assert.throws(
      () => db.query("SELECT Id FROM Kondo_Message__c WHERE Body__c = 'x'", ctx()),
      /can not be filtered/
    );
  });
});

describe('user mode', () => {
  function userOf(db: Database, admin: string, profile: string, sets: string[]): string {
    const profileId = db
      .rows('Profile')
      .find((p) => p.get('Name') === profile)!
      .get('Id');
    const u = rec('User', {
      LastName: 'Rep',
      Alias: 'rep',
      Email: 'rep@example.com',
      Username: 'rep@example.com.invalid',
      CommunityNickname: 'rep',
      TimeZoneSidKey: 'America/Los_Angeles',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: profileId,
    });
    const dml: DmlOptions = {
      allOrNone: true,
      access: { mode: 'system', userId: admin, enforceSharing: false },
      triggers: NO_TRIGGERS,
    };
    db.insert([u], dml);
    for (const s of sets) {
      const ps = db.rows('PermissionSet').find((p) => p.get('Name') === s)!;
      db.insert(
        [
          rec('PermissionSetAssignment', {
            AssigneeId: u.get('Id'),
            PermissionSetId: ps.get('Id'),
          }),
        ],
        dml
      );
    }
    return u.get('Id') as string;
  }

  it('refuses unreadable objects and reports inaccessible fields', () => {
    const { db, admin, ctx } = setup();
    const plain = userOf(db, admin, 'Standard User', []);
    assert.throws(
      () => db.query('SELECT Id FROM Kondo_Conversation__c', ctx({}, 'user', plain)),
      /sObject type 'kondo__Kondo_Conversation__c' is not supported/
    );
    try {
      db.query(
        'SELECT LastName, LinkedIn_Key__c FROM Contact WHERE Kondo_Labels__c != null',
        ctx({}, 'user', plain)
      );
      assert.fail('expected a QueryException');
    } catch (e) {
      assert.ok(e instanceof QueryError);
      assert.deepEqual([...(e.inaccessibleFields.get('Contact') ?? [])].sort(), [
        'kondo__Kondo_Labels__c',
        'kondo__LinkedIn_Key__c',
      ]);
    }
  });

  it('hides records the user cannot see (WITH USER_MODE in the text overrides system access)', () => {
    const { db, admin, ctx } = setup();
    const rep = userOf(db, admin, 'Standard User', ['Kondo_User']);
    const visible = records(
      db,
      'SELECT LastName FROM Contact WITH USER_MODE ORDER BY LastName',
      ctx({}, 'system', rep)
    );
    assert.deepEqual(
      visible.map((r) => r.get('LastName')),
      ['Doe', 'Smith'],
      'Zed has no Account: private to its owner'
    );
    const convs = db.query(
      'SELECT COUNT() FROM Kondo_Conversation__c WITH USER_MODE',
      ctx({}, 'system', rep)
    );
    assert.equal(
      convs.kind === 'count' && convs.count,
      0,
      'Private conversation owned by the admin'
    );
    const userNoSharing = {
      ...ctx({}, 'user', rep),
      access: { mode: 'user' as const, userId: rep, enforceSharing: false },
    };
    const sys = db.query(
      'SELECT COUNT() FROM Kondo_Conversation__c WITH SYSTEM_MODE',
      userNoSharing
    );
    assert.equal(sys.kind === 'count' && sys.count, 1);
  });
});

describe('performance', () => {
  it('runs a few hundred queries over a few thousand rows quickly', () => {
    const { db, ctx, dml } = setup();
    db.insert(
      Array.from({ length: 3000 }, (_, i) =>
        rec('Contact', { LastName: `P${i}`, kondo__LinkedIn_Key__c: `k${i % 100}` })
      ),
      dml
    );
    const start = performance.now();
    for (let i = 0; i < 200; i++) {
      db.query(
        'SELECT Id, LastName FROM Contact WHERE LinkedIn_Key__c IN :keys ORDER BY LastModifiedDate DESC, Id ASC',
        ctx({ keys: new ApexList({ name: 'String', args: [] }, [`k${i % 100}`]) })
      );
    }
    assert.ok(performance.now() - start < 5000, `took ${performance.now() - start} ms`);
  });
});
