// Tests of the in-memory database: Ids (Apex Reference: "Id Class"), DML rules and messages
// (Apex Developer Guide: "DML Exceptions and Error Handling", "Triggers and Order of
// Execution"; SOAP API: "StatusCode"), savepoints and snapshots ("Transaction Control"),
// permissions and sharing (Salesforce Help: "Object Permissions", "Field-Level Security",
// "Sharing Default Access Settings"), lead conversion (Apex Reference: "LeadConvert Class").
// The schema is the project's own (/work/main), loaded once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolve } from 'node:path';
import { ApexDate, ApexDatetime, ApexDecimal, SObjectValue } from '../src/interpreter/values';
import { loadSchema } from '../src/schema/index';
import {
  Database,
  DmlError,
  NO_TRIGGERS,
  addRecordError,
  bootstrapOrg,
  checksumOf,
  isValidId,
  to18,
  type AccessContext,
  type DmlOptions,
  type TriggerHost,
} from '../src/database/index';

const schema = loadSchema(resolve(import.meta.dirname, '../../..'));
let clock = Date.UTC(2025, 5, 1, 12, 0, 0);

function fresh(): { db: Database; admin: string } {
  const db = new Database(schema, { now: () => clock });
  const org = bootstrapOrg(db);
  return { db, admin: org.adminUserId };
}

function rec(type: string, fields: Record<string, unknown>): SObjectValue {
  const r = new SObjectValue(type);
  for (const [k, v] of Object.entries(fields)) {
    r.set(k, v as never);
  }
  return r;
}

function sys(userId: string, extra: Partial<DmlOptions> = {}): DmlOptions {
  return {
    allOrNone: true,
    access: { mode: 'system', userId, enforceSharing: false },
    triggers: NO_TRIGGERS,
    ...extra,
  };
}

function asUser(userId: string, extra: Partial<DmlOptions> = {}): DmlOptions {
  const access: AccessContext = { mode: 'user', userId, enforceSharing: true };
  return { allOrNone: true, access, triggers: NO_TRIGGERS, ...extra };
}

function makeUser(
  db: Database,
  admin: string,
  profile: string,
  permissionSets: string[] = []
): string {
  const profileId = db
    .rows('Profile')
    .find((p) => p.get('Name') === profile)!
    .get('Id') as string;
  const n = db.rows('User').length;
  const user = rec('User', {
    LastName: `User ${n}`,
    Alias: `u${n}`,
    Email: `u${n}@example.com`,
    Username: `u${n}@example.com.invalid`,
    CommunityNickname: `u${n}`,
    TimeZoneSidKey: 'America/Los_Angeles',
    LocaleSidKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US',
    ProfileId: profileId,
  });
  db.insert([user], sys(admin));
  for (const name of permissionSets) {
    const ps = db.rows('PermissionSet').find((p) => p.get('Name') === name)!;
    db.insert(
      [
        rec('PermissionSetAssignment', {
          AssigneeId: user.get('Id'),
          PermissionSetId: ps.get('Id'),
        }),
      ],
      sys(admin)
    );
  }
  return user.get('Id') as string;
}

describe('ids', () => {
  it('computes the case-safe suffix as the platform does', () => {
    // Each chunk's uppercase positions as bits: 'AAAAA' -> 31 -> '5', 'aaaaa' -> 0 -> 'A'.
    assert.equal(checksumOf('AAAAAaaaaaAaaaa'), '5AB');
    assert.equal(to18('001000000000001'), '001000000000001AAA');
    assert.ok(isValidId('001000000000001'));
    assert.ok(isValidId('001000000000001AAA'));
    assert.ok(!isValidId('001000000000001AAB'), 'a wrong suffix is refused');
    assert.ok(!isValidId('001-00000000001'));
    assert.throws(() => to18('nope'), /Invalid id: nope/);
  });

  it('generates Ids with the object key prefix, valid and increasing', () => {
    const { db } = fresh();
    const a = db.newId('Contact');
    const b = db.newId('Contact');
    assert.equal(a.slice(0, 3), '003');
    assert.ok(isValidId(a) && a.length === 18);
    assert.ok(a < b);
    assert.equal(
      db.newId('kondo__Kondo_Message__c').slice(0, 3),
      schema.object('Kondo_Message__c')!.keyPrefix
    );
  });
});

describe('bootstrap', () => {
  it('seeds the org, profiles, admin, permission sets and picklist rows', () => {
    const { db, admin } = fresh();
    assert.equal(db.rows('Organization').length, 1);
    assert.deepEqual(
      db
        .rows('Profile')
        .map((p) => p.get('Name'))
        .sort(),
      ['Minimum Access - Salesforce', 'Standard User', 'System Administrator']
    );
    const ps = db.rows('PermissionSet').filter((p) => p.get('IsOwnedByProfile') === false);
    assert.deepEqual(ps.map((p) => p.get('Name')).sort(), [
      'Kondo_Admin',
      'Kondo_Integration',
      'Kondo_User',
    ]);
    assert.ok(ps.every((p) => p.get('NamespacePrefix') === 'kondo'));
    assert.equal(db.rows('LeadStatus').filter((s) => s.get('IsConverted') === true).length, 1);
    assert.equal(
      db
        .rows('TaskStatus')
        .find((s) => s.get('IsDefault') === true)!
        .get('ApiName'),
      'Not Started'
    );
    assert.equal(db.rows('StaticResource')[0]?.get('Name'), 'LinkedInUrlVectors');
    assert.ok(db.security.objectAccess(admin, 'kondo__Kondo_Conversation__c').modifyAll);
  });
});

describe('insert', () => {
  it('assigns Ids, audit fields, defaults and computed Name; copies in and out', () => {
    const { db, admin } = fresh();
    const c = rec('Contact', { FirstName: 'Jane', LastName: 'Doe', Email: '' });
    const [result] = db.insert([c], sys(admin));
    assert.ok(result?.success);
    assert.equal(c.get('Id'), result.id);
    assert.equal(c.get('Name'), null, 'the caller record only gets its Id');
    const stored = db.getRow(result.id!)!;
    assert.notEqual(stored, c);
    assert.equal(stored.get('Name'), 'Jane Doe');
    assert.equal(stored.get('Email'), null, 'empty strings are saved as null');
    assert.equal(stored.get('OwnerId'), admin);
    assert.equal(stored.get('CreatedById'), admin);
    assert.equal((stored.get('CreatedDate') as ApexDatetime).millis, clock);
    assert.equal(stored.get('DoNotCall'), false, 'checkboxes default to false');
    c.set('LastName', 'Changed');
    assert.equal(db.getRow(result.id!)!.get('LastName'), 'Doe', 'no aliasing');
  });

  it('applies project defaults and namespaced names (Sync_Messages__c defaults to true)', () => {
    const { db, admin } = fresh();
    const s = rec('kondo__Kondo_Settings__c', {});
    db.insert([s], sys(admin));
    const row = db.getRow(s.get('Id') as string)!;
    assert.equal(row.get('kondo__Sync_Messages__c'), true);
    assert.equal(
      row.get('SetupOwnerId'),
      db.rows('Organization')[0]?.get('Id'),
      'hierarchy settings default to the org'
    );
  });

  it('fails REQUIRED_FIELD_MISSING with the platform message, saving nothing', () => {
    const { db, admin } = fresh();
    const ok = rec('Contact', { LastName: 'Fine' });
    const bad = rec('Contact', { FirstName: 'NoLast' });
    assert.throws(
      () => db.insert([ok, bad], sys(admin)),
      (e: unknown) =>
        e instanceof DmlError &&
        e.message ===
          'Insert failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]' &&
        e.dmlErrors[0]?.index === 1 &&
        e.rowsProcessed === 2
    );
    assert.equal(db.rows('Contact').length, 0, 'all or none');
  });

  it('returns per-row results with allOrNone false', () => {
    const { db, admin } = fresh();
    const results = db.insert(
      [rec('Contact', { LastName: 'A' }), rec('Contact', {})],
      sys(admin, { allOrNone: false })
    );
    assert.equal(results[0]?.success, true);
    assert.equal(results[1]?.success, false);
    assert.equal(results[1]?.errors[0]?.statusCode, 'REQUIRED_FIELD_MISSING');
    assert.equal(db.rows('Contact').length, 1);
  });

  it('refuses an Id on insert, long text, bad emails, restricted picklist values', () => {
    const { db, admin } = fresh();
    const opts = sys(admin, { allOrNone: false });
    const withId = rec('Contact', { LastName: 'X', Id: db.newId('Contact') });
    const long = rec('Contact', { LastName: 'x'.repeat(81) });
    const email = rec('Contact', { LastName: 'E', Email: 'not-an-email' });
    const r = db.insert([withId, long, email], opts);
    assert.deepEqual(
      r.map((x) => x.errors[0]?.statusCode),
      ['INVALID_FIELD_FOR_INSERT_UPDATE', 'STRING_TOO_LONG', 'INVALID_EMAIL_ADDRESS']
    );
    const tooLong = r[1]?.errors[0];
    assert.ok(tooLong);
    assert.match(tooLong.message, /max length=80/);
    const conv = rec('kondo__Kondo_Conversation__c', {
      Name: 'c',
      kondo__Conversation_Id__c: 'k1',
    });
    db.insert([conv], sys(admin));
    const msg = rec('kondo__Kondo_Message__c', {
      kondo__Conversation__c: conv.get('Id'),
      kondo__Direction__c: 'sideways',
      kondo__Message_Id__c: 'm',
    });
    const [m] = db.insert([msg], opts);
    assert.equal(m?.errors[0]?.statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });

  it('enforces unique fields case-insensitively unless case-sensitive', () => {
    const { db, admin } = fresh();
    const opts = sys(admin, { allOrNone: false });
    db.insert(
      [rec('Contact', { LastName: 'A', kondo__LinkedIn_Member_URN__c: 'urn:li:member:1' })],
      sys(admin)
    );
    const field = schema.field('Contact', 'LinkedIn_Member_URN__c')!;
    const dup = db.insert(
      [rec('Contact', { LastName: 'B', kondo__LinkedIn_Member_URN__c: 'URN:LI:MEMBER:1' })],
      opts
    );
    if (field.unique && !field.caseSensitive) {
      assert.equal(dup[0]?.errors[0]?.statusCode, 'DUPLICATE_VALUE');
    }
    const conv = rec('kondo__Kondo_Conversation__c', { kondo__Conversation_Id__c: 'abc' });
    db.insert([conv], sys(admin));
    const caseDiff = db.insert(
      [rec('kondo__Kondo_Conversation__c', { kondo__Conversation_Id__c: 'ABC' })],
      opts
    );
    assert.equal(caseDiff[0]?.success, true, 'Conversation_Id__c is case-sensitive');
    const same = db.insert(
      [rec('kondo__Kondo_Conversation__c', { kondo__Conversation_Id__c: 'abc' })],
      opts
    );
    const duplicate = same[0]?.errors[0];
    assert.ok(duplicate);
    assert.match(
      duplicate.message,
      /^duplicate value found: kondo__Conversation_Id__c duplicates value on record with id: /
    );
  });

  it('checks references: wrong type, missing record', () => {
    const { db, admin } = fresh();
    const opts = sys(admin, { allOrNone: false });
    const acc = rec('Account', { Name: 'Acme' });
    db.insert([acc], sys(admin));
    const wrongType = db.insert([rec('Contact', { LastName: 'W', AccountId: admin })], opts);
    assert.equal(wrongType[0]?.errors[0]?.statusCode, 'FIELD_INTEGRITY_EXCEPTION');
    const missing = db.insert(
      [rec('Contact', { LastName: 'M', AccountId: db.newId('Account') })],
      opts
    );
    assert.equal(missing[0]?.errors[0]?.statusCode, 'INVALID_CROSS_REFERENCE_KEY');
  });

  it('derives Task.IsClosed from TaskStatus and defaults Status and Priority', () => {
    const { db, admin } = fresh();
    const c = rec('Contact', { LastName: 'T' });
    db.insert([c], sys(admin));
    const open = rec('Task', { WhoId: c.get('Id'), Subject: 'a' });
    const done = rec('Task', { WhoId: c.get('Id'), Subject: 'b', Status: 'Completed' });
    db.insert([open, done], sys(admin));
    assert.equal(db.getRow(open.get('Id') as string)!.get('Status'), 'Not Started');
    assert.equal(db.getRow(open.get('Id') as string)!.get('Priority'), 'Normal');
    assert.equal(db.getRow(open.get('Id') as string)!.get('IsClosed'), false);
    assert.equal(db.getRow(done.get('Id') as string)!.get('IsClosed'), true);
  });

  it('numbers auto-number Name fields', () => {
    const { db, admin } = fresh();
    const a = rec('kondo__Kondo_Sync_Log__c', {});
    const b = rec('kondo__Kondo_Sync_Log__c', {});
    db.insert([a, b], sys(admin));
    assert.equal(db.getRow(a.get('Id') as string)!.get('Name'), 'SL-00000001');
    assert.equal(db.getRow(b.get('Id') as string)!.get('Name'), 'SL-00000002');
  });
});

describe('triggers', () => {
  it('fires before and after in order; before changes are saved and reach the caller', () => {
    const { db, admin } = fresh();
    const calls: string[] = [];
    const host: TriggerHost = {
      fire(obj, timing, op, news) {
        calls.push(`${obj}:${timing}:${op}:${news?.length}`);
        if (timing === 'before' && news) {
          for (const r of news) {
            r.set('Title', 'Set by trigger');
          }
        }
        if (timing === 'after' && news) {
          assert.ok(
            news.every((r) => typeof r.get('Id') === 'string'),
            'after triggers see Ids'
          );
        }
      },
    };
    const c = rec('Contact', { LastName: 'Trig' });
    db.insert([c], sys(admin, { triggers: host }));
    assert.deepEqual(calls, ['Contact:before:insert:1', 'Contact:after:insert:1']);
    assert.equal(db.getRow(c.get('Id') as string)!.get('Title'), 'Set by trigger');
    assert.equal(c.get('Title'), 'Set by trigger');
  });

  it('chunks triggers by 200 and honours addError', () => {
    const { db, admin } = fresh();
    const sizes: number[] = [];
    const host: TriggerHost = {
      fire(_obj, timing, _op, news) {
        if (timing === 'before' && news) {
          sizes.push(news.length);
          const first = news[0];
          if (first?.get('LastName') === 'L0') {
            addRecordError(first, 'no L0 please');
          }
        }
      },
    };
    const records = Array.from({ length: 450 }, (_, i) => rec('Contact', { LastName: `L${i}` }));
    const results = db.insert(records, sys(admin, { triggers: host, allOrNone: false }));
    assert.deepEqual(sizes, [200, 200, 50]);
    assert.equal(results[0]?.success, false);
    assert.equal(results[0]?.errors[0]?.statusCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.equal(results[0]?.errors[0]?.message, 'no L0 please');
    assert.equal(db.rows('Contact').length, 449);
  });

  it('rolls back what triggers did when the call fails with allOrNone', () => {
    const { db, admin } = fresh();
    const host: TriggerHost = {
      fire(obj, timing) {
        if (obj === 'Contact' && timing === 'before') {
          db.insert([rec('Account', { Name: 'side effect' })], sys(admin));
        }
      },
    };
    assert.throws(() => db.insert([rec('Contact', {})], sys(admin, { triggers: host })), DmlError);
    assert.equal(db.rows('Account').length, 0);
  });
});

describe('update, upsert, delete, undelete', () => {
  it('updates without aliasing, refuses a missing Id, stamps LastModifiedDate', () => {
    const { db, admin } = fresh();
    const c = rec('Contact', { LastName: 'Before' });
    db.insert([c], sys(admin));
    clock += 60_000;
    db.update(
      [rec('Contact', { Id: c.get('Id'), LastName: 'After', Name: 'ignored' })],
      sys(admin)
    );
    const row = db.getRow(c.get('Id') as string)!;
    assert.equal(row.get('LastName'), 'After');
    assert.equal(row.get('Name'), 'After', 'Name is computed, not written');
    assert.equal((row.get('LastModifiedDate') as ApexDatetime).millis, clock);
    assert.throws(
      () => db.update([rec('Contact', { LastName: 'x' })], sys(admin)),
      /Update failed\. First exception on row 0; first error: MISSING_ARGUMENT, Id not specified in an update call: \[\]/
    );
    assert.throws(() => db.update([c, c], sys(admin)), /Duplicate id in list/);
  });

  it('upserts on an external id: created flag, update of the match, duplicates refused', () => {
    const { db, admin } = fresh();
    const opts = sys(admin, { externalIdField: 'Conversation_Id__c' });
    const [first] = db.upsert(
      [rec('kondo__Kondo_Conversation__c', { kondo__Conversation_Id__c: 'k', Name: 'one' })],
      opts
    );
    assert.ok(first);
    assert.equal(first.created, true);
    const second = rec('kondo__Kondo_Conversation__c', {
      kondo__Conversation_Id__c: 'k',
      Name: 'two',
    });
    const [again] = db.upsert([second], opts);
    assert.equal(again?.created, false);
    assert.equal(again?.id, first.id);
    assert.equal(second.get('Id'), first.id);
    assert.equal(db.rows('kondo__Kondo_Conversation__c').length, 1);
    assert.equal(db.getRow(first.id!)!.get('Name'), 'two');
    // Contacts with a non-unique external id: two matches.
    db.insert(
      [
        rec('Contact', { LastName: 'A', kondo__LinkedIn_Key__c: 'dup' }),
        rec('Contact', { LastName: 'B', kondo__LinkedIn_Key__c: 'dup' }),
      ],
      sys(admin)
    );
    const dup = db.upsert(
      [rec('Contact', { LastName: 'C', kondo__LinkedIn_Key__c: 'dup' })],
      sys(admin, { externalIdField: 'kondo__LinkedIn_Key__c', allOrNone: false })
    );
    assert.equal(dup[0]?.errors[0]?.statusCode, 'DUPLICATE_EXTERNAL_ID');
  });

  it('deletes into the recycle bin, cascading master-detail children; undeletes them', () => {
    const { db, admin } = fresh();
    const log = rec('kondo__Kondo_Sync_Log__c', {});
    db.insert([log], sys(admin));
    const entry = rec('kondo__Kondo_Sync_Log_Entry__c', { kondo__Sync_Log__c: log.get('Id') });
    db.insert([entry], sys(admin));
    db.delete([log], sys(admin));
    assert.equal(db.rows('kondo__Kondo_Sync_Log_Entry__c').length, 0);
    assert.equal(
      db.rows('kondo__Kondo_Sync_Log_Entry__c', true).length,
      1,
      'ALL ROWS still sees it'
    );
    const [undeleted] = db.undelete([log.get('Id') as string], sys(admin));
    assert.ok(undeleted?.success);
    assert.equal(db.rows('kondo__Kondo_Sync_Log_Entry__c').length, 1);
  });

  it('clears SetNull lookups when the parent is deleted', () => {
    const { db, admin } = fresh();
    const c = rec('Contact', { LastName: 'P' });
    db.insert([c], sys(admin));
    const conv = rec('kondo__Kondo_Conversation__c', { kondo__Contact__c: c.get('Id') });
    db.insert([conv], sys(admin));
    db.delete([c], sys(admin));
    assert.equal(db.getRow(conv.get('Id') as string)!.get('kondo__Contact__c'), null);
  });
});

describe('savepoints and snapshots', () => {
  it('rolls back to a savepoint and restores a snapshot with counters', () => {
    const { db, admin } = fresh();
    const snap = db.snapshot();
    db.insert([rec('Account', { Name: 'kept' })], sys(admin));
    const sp = db.setSavepoint();
    db.insert([rec('Account', { Name: 'dropped' })], sys(admin));
    db.rollback(sp);
    assert.deepEqual(
      db.rows('Account').map((a) => a.get('Name')),
      ['kept']
    );
    const idBefore = db.newId('Account');
    db.restore(snap);
    assert.equal(db.rows('Account').length, 0);
    db.insert([rec('Account', { Name: 'again' })], sys(admin));
    assert.notEqual(db.rows('Account')[0]?.get('Id'), idBefore);
    db.restore(snap);
    db.insert([rec('Account', { Name: 'again' })], sys(admin));
    const [account] = db.rows('Account');
    assert.ok(account);
    const a = account.get('Id');
    db.restore(snap);
    db.insert([rec('Account', { Name: 'again' })], sys(admin));
    assert.equal(db.rows('Account')[0]?.get('Id'), a, 'Ids are deterministic per test');
  });

  it('is cheap enough to snapshot and restore many times', () => {
    const { db, admin } = fresh();
    db.insert(
      Array.from({ length: 500 }, (_, i) => rec('Contact', { LastName: `C${i}` })),
      sys(admin)
    );
    const start = performance.now();
    for (let i = 0; i < 300; i++) {
      const s = db.snapshot();
      db.insert([rec('Account', { Name: `A${i}` })], sys(admin));
      db.restore(s);
    }
    assert.ok(performance.now() - start < 2000);
    assert.equal(db.rows('Account').length, 0);
  });
});

describe('permissions and sharing', () => {
  it('gives Standard User the standard objects but no custom object or field', () => {
    const { db, admin } = fresh();
    const u = makeUser(db, admin, 'Standard User');
    assert.ok(db.security.objectAccess(u, 'Contact').create);
    assert.ok(!db.security.objectAccess(u, 'kondo__Kondo_Conversation__c').read);
    assert.ok(db.security.fieldAccess(u, 'Contact', 'Title').readable);
    assert.ok(!db.security.fieldAccess(u, 'Contact', 'LinkedIn_Key__c').readable);
    const withSet = makeUser(db, admin, 'Standard User', ['Kondo_User']);
    assert.ok(db.security.fieldAccess(withSet, 'Contact', 'kondo__LinkedIn_Key__c').readable);
    assert.ok(!db.security.fieldAccess(withSet, 'Contact', 'kondo__LinkedIn_Key__c').editable);
    assert.ok(db.security.objectAccess(withSet, 'Kondo_Conversation__c').read);
  });

  it('gives Minimum Access only what permission sets grant (no Title, but LastName)', () => {
    const { db, admin } = fresh();
    const u = makeUser(db, admin, 'Minimum Access - Salesforce', ['Kondo_Integration']);
    assert.ok(db.security.objectAccess(u, 'Contact').create);
    assert.ok(!db.security.fieldAccess(u, 'Contact', 'Title').readable);
    assert.ok(db.security.fieldAccess(u, 'Contact', 'LastName').editable);
    assert.ok(db.security.hasCustomPermission(u, 'Kondo_Sync_API'));
    assert.ok(
      !db.security.hasCustomPermission(admin, 'Kondo_Sync_API'),
      'custom permissions need a grant'
    );
    assert.ok(db.security.objectAccess(u, 'Task').create, 'Edit Tasks');
  });

  it('refuses user-mode DML without object or field access', () => {
    const { db, admin } = fresh();
    const reader = makeUser(db, admin, 'Standard User', ['Kondo_User']);
    const r1 = db.insert(
      [rec('kondo__Kondo_Conversation__c', {})],
      asUser(reader, { allOrNone: false })
    );
    const denied = r1[0]?.errors[0];
    assert.ok(denied);
    assert.equal(denied.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.match(denied.message, /Access to entity 'kondo__Kondo_Conversation__c' denied/);
    const r2 = db.insert(
      [rec('Contact', { LastName: 'x', kondo__LinkedIn_Key__c: 'k' })],
      asUser(reader, { allOrNone: false })
    );
    assert.deepEqual(r2[0]?.errors[0]?.fields, ['kondo__LinkedIn_Key__c']);
  });

  it('applies sharing: private Contacts without Account, Private custom objects', () => {
    const { db, admin } = fresh();
    // A rep: no View All anywhere (the integration set has View All on Contact).
    const rep = makeUser(db, admin, 'Standard User', ['Kondo_User']);
    const u = makeUser(db, admin, 'Standard User', ['Kondo_Integration']);
    const hidden = rec('Contact', { LastName: 'Hidden' });
    db.insert([hidden], sys(admin));
    const row = db.getRow(hidden.get('Id') as string)!;
    assert.ok(!db.security.canSee(rep, row), 'a Contact without Account is private to its owner');
    assert.ok(db.security.canSee(u, row), 'View All on Contact sees it');
    const acc = rec('Account', { Name: 'Shared' });
    db.insert([acc], sys(admin));
    const visible = rec('Contact', { LastName: 'Visible', AccountId: acc.get('Id') });
    db.insert([visible], sys(admin));
    assert.ok(db.security.canSee(rep, db.getRow(visible.get('Id') as string)!));
    // A Private custom object: the rep (read and create, no View All) sees only its own rows;
    // the integration set's Modify All on conversations sees and edits every one.
    const conv = rec('kondo__Kondo_Conversation__c', {});
    db.insert([conv], sys(admin));
    const convRow = db.getRow(conv.get('Id') as string)!;
    assert.ok(!db.security.canSee(rep, convRow), "a Private object row is its owner's");
    assert.ok(db.security.canSee(u, convRow), 'Modify All sees every row');
    const upd = db.update(
      [rec('kondo__Kondo_Conversation__c', { Id: conv.get('Id'), Name: 'x' })],
      asUser(rep, { allOrNone: false })
    );
    assert.equal(upd[0]?.errors[0]?.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    const byIntegration = db.update(
      [rec('kondo__Kondo_Conversation__c', { Id: conv.get('Id'), Name: 'y' })],
      asUser(u, { allOrNone: false })
    );
    assert.equal(byIntegration[0]?.success, true, "Modify All edits another user's row");
  });
});

describe('convertLead', () => {
  it('converts to a new Account and Contact, moving tasks and firing Lead update triggers', () => {
    const { db, admin } = fresh();
    const fired: string[] = [];
    const host: TriggerHost = {
      fire: (obj, timing, op) => void fired.push(`${obj}.${timing}.${op}`),
    };
    const lead = rec('Lead', {
      FirstName: 'Lee',
      LastName: 'Lead',
      Company: 'Acme',
      Email: 'lee@example.com',
    });
    db.insert([lead], sys(admin));
    const task = rec('Task', { WhoId: lead.get('Id'), Subject: 'call' });
    db.insert([task], sys(admin));
    const [out] = db.convertLead(
      [
        {
          leadId: lead.get('Id') as string,
          convertedStatus: 'Closed - Converted',
          doNotCreateOpportunity: true,
        },
      ],
      sys(admin, { triggers: host }),
      new ApexDate(2025, 6, 1)
    );
    assert.ok(out?.success);
    const stored = db.getRow(lead.get('Id') as string)!;
    assert.equal(stored.get('IsConverted'), true);
    assert.equal(stored.get('ConvertedContactId'), out.contactId);
    assert.equal(stored.get('ConvertedAccountId'), out.accountId);
    assert.equal((stored.get('ConvertedDate') as ApexDate).day, 1);
    const contact = db.getRow(out.contactId!)!;
    assert.equal(contact.get('Email'), 'lee@example.com');
    assert.equal(db.getRow(out.accountId!)!.get('Name'), 'Acme');
    assert.equal(db.getRow(task.get('Id') as string)!.get('WhoId'), out.contactId);
    assert.ok(fired.includes('Lead.before.update') && fired.includes('Lead.after.update'));
    assert.equal(db.rows('Opportunity').length, 0);
    assert.throws(
      () =>
        db.convertLead(
          [{ leadId: lead.get('Id') as string, convertedStatus: 'Closed - Converted' }],
          sys(admin),
          new ApexDate(2025, 6, 1)
        ),
      /CANNOT_UPDATE_CONVERTED_LEAD/
    );
  });

  it('refuses a status that is not a converted status', () => {
    const { db, admin } = fresh();
    const lead = rec('Lead', { LastName: 'L', Company: 'C' });
    db.insert([lead], sys(admin));
    const [out] = db.convertLead(
      [{ leadId: lead.get('Id') as string, convertedStatus: 'Open - Not Contacted' }],
      sys(admin, { allOrNone: false }),
      new ApexDate(2025, 6, 1)
    );
    assert.equal(out?.success, false);
    assert.equal(out?.errors[0]?.statusCode, 'INVALID_STATUS');
  });
});

describe('merge', () => {
  it('fires before delete, deletes and reparents, after delete with MasterRecordId, then the master update', () => {
    const { db, admin } = fresh();
    const events: string[] = [];
    const host: TriggerHost = {
      fire(obj, timing, op, news, olds) {
        const records = (news ?? olds ?? []).map((r) =>
          [r.get('LastName'), r.get('MasterRecordId') ?? '-'].join('/')
        );
        const task = db.rows('Task')[0];
        const whoIsMaster = task?.get('WhoId') === master.get('Id');
        events.push(`${obj}.${timing}.${op} ${records.join(',')} task->master:${whoIsMaster}`);
      },
    };
    const master = rec('Contact', { LastName: 'Master', Title: 'Stored' });
    const loser = rec('Contact', { LastName: 'Loser', Email: 'loser@example.com' });
    db.insert([master, loser], sys(admin));
    const task = rec('Task', { WhoId: loser.get('Id'), Subject: 'call' });
    db.insert([task], sys(admin));
    const masterId = master.get('Id') as string;
    const loserId = loser.get('Id') as string;

    const outcome = db.merge(
      rec('Contact', { Id: masterId, Title: 'Set on the master' }),
      [loserId],
      sys(admin, { triggers: host })
    );

    assert.deepEqual(events, [
      'Contact.before.delete Loser/- task->master:false',
      `Contact.after.delete Loser/${masterId} task->master:true`,
      'Contact.before.update Master/- task->master:true',
      'Contact.after.update Master/- task->master:true',
    ]);
    assert.equal(outcome.success, true);
    assert.deepEqual(outcome.mergedRecordIds, [loserId]);
    assert.deepEqual(outcome.updatedRelatedIds, [task.get('Id')]);
    const deleted = db.getRow(loserId)!;
    assert.equal(deleted.get('IsDeleted'), true);
    assert.equal(deleted.get('MasterRecordId'), masterId);
    assert.equal(db.getRow(masterId)!.get('Title'), 'Set on the master');
    assert.equal(db.getRow(task.get('Id') as string)!.get('IsDeleted'), false, 'not cascaded');
  });

  it('refuses a duplicate of another object, and undoes everything when the master update fails', () => {
    const { db, admin } = fresh();
    const contact = rec('Contact', { LastName: 'C' });
    const lead = rec('Lead', { LastName: 'L', Company: 'Co' });
    const other = rec('Contact', { LastName: 'D' });
    db.insert([contact, other], sys(admin));
    db.insert([lead], sys(admin));
    const contactId = contact.get('Id') as string;
    const refused = db.merge(
      rec('Contact', { Id: contactId }),
      [lead.get('Id') as string],
      sys(admin, { allOrNone: false })
    );
    assert.equal(refused.success, false);
    assert.equal(refused.errors[0]?.statusCode, 'INVALID_CROSS_REFERENCE_KEY');
    assert.throws(
      () =>
        db.merge(
          rec('Contact', { Id: contactId, LastName: null }),
          [other.get('Id') as string],
          sys(admin)
        ),
      /Merge failed\. First exception on row 0 with id \w+; first error: REQUIRED_FIELD_MISSING/
    );
    assert.equal(db.getRow(other.get('Id') as string)!.get('IsDeleted'), false, 'undone');
  });
});

describe('number fields', () => {
  it('stores numbers as Decimals with the field scale', () => {
    const { db, admin } = fresh();
    const log = rec('kondo__Kondo_Sync_Log__c', { kondo__Created_Count__c: 3 });
    db.insert([log], sys(admin));
    const v = db.getRow(log.get('Id') as string)!.get('kondo__Created_Count__c');
    assert.ok(v instanceof ApexDecimal);
    assert.equal((v as ApexDecimal).value, 3);
  });
});
