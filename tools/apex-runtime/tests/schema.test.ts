// Tests of the schema loaded from this repository's own SFDX project: namespacing as an
// installed package reports it (ISVforce Guide: "Namespace Prefix"), custom field describe
// (Metadata API Developer Guide: "CustomField", "CustomObject"), Activity fields on Task and
// Event (Metadata API: "Activity"), permission sets ("PermissionSet"), static resources
// ("StaticResource"), the standard object catalog (Object Reference for the Salesforce Platform).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolve } from 'node:path';
import { loadSchema } from '../src/schema/index';

const schema = loadSchema(resolve(import.meta.dirname, '../../..'));

describe('project objects', () => {
  it('reads the namespace and reports package names with it, accepting both spellings', () => {
    assert.equal(schema.namespace, 'kondo');
    const byLocal = schema.object('Kondo_Message__c');
    const byQualified = schema.object('KONDO__kondo_message__c');
    assert.ok(byLocal && byLocal === byQualified);
    assert.equal(byLocal.name, 'kondo__Kondo_Message__c');
    assert.equal(byLocal.localName, 'Kondo_Message__c');
    assert.equal(schema.field('Contact', 'LinkedIn_Key__c')?.name, 'kondo__LinkedIn_Key__c');
    assert.equal(schema.field('Contact', 'kondo__linkedin_key__c')?.localName, 'LinkedIn_Key__c');
  });

  it('describes a master-detail child and its parent relationship names', () => {
    const msg = schema.object('Kondo_Message__c')!;
    const conv = schema.field(msg, 'Conversation__c')!;
    assert.equal(conv.type, 'reference');
    assert.deepEqual(conv.referenceTo, ['kondo__Kondo_Conversation__c']);
    assert.equal(conv.relationshipName, 'kondo__Conversation__r');
    assert.equal(conv.cascadeDelete, true);
    assert.equal(conv.nillable, false);
    assert.equal(msg.sharingModel, 'ControlledByParent');
    assert.equal(msg.hasOwner, false);
    assert.equal(schema.relationship(msg, 'Conversation__r'), conv);
    const child = schema.childRelationship('Kondo_Conversation__c', 'Messages__r')!;
    assert.equal(child.childSObject, 'kondo__Kondo_Message__c');
    assert.equal(child.relationshipName, 'kondo__Messages__r');
    assert.ok(
      schema.childRelationship('Contact', 'Kondo_Conversations__r'),
      'lookups on standard objects too'
    );
  });

  it('describes field types: long text, picklists, unique case-sensitive ids, numbers, checkboxes', () => {
    const body = schema.field('Kondo_Message__c', 'Body__c')!;
    assert.equal(body.type, 'textarea');
    assert.equal(body.length, 131072);
    assert.equal(body.filterable, false);
    const direction = schema.field('Kondo_Message__c', 'Direction__c')!;
    assert.equal(direction.type, 'picklist');
    assert.equal(direction.restrictedPicklist, true);
    assert.deepEqual(
      direction.picklistValues.map((p) => p.value),
      ['inbound', 'outbound']
    );
    const convId = schema.field('Kondo_Conversation__c', 'Conversation_Id__c')!;
    assert.ok(convId.unique && convId.caseSensitive && convId.externalId);
    const key = schema.field('Contact', 'LinkedIn_Key__c')!;
    assert.ok(key.externalId && !key.unique);
    assert.equal(key.length, 255);
    const days = schema.field('Kondo_Settings__c', 'Task_Window_Days__c')!;
    assert.equal(days.type, 'double');
    assert.equal(days.precision, 5);
    assert.equal(days.scale, 0);
    const sync = schema.field('Kondo_Settings__c', 'Sync_Messages__c')!;
    assert.equal(sync.type, 'boolean');
    assert.equal(sync.defaultValue, true);
    assert.equal(sync.nillable, false);
  });

  it('describes a hierarchy custom setting and an auto-number name', () => {
    const settings = schema.object('Kondo_Settings__c')!;
    assert.equal(settings.customSettingType, 'Hierarchy');
    assert.equal(settings.visibility, 'Protected');
    assert.ok(schema.field(settings, 'SetupOwnerId'));
    assert.equal(settings.fields.has('ownerid'), false);
    const log = schema.object('Kondo_Sync_Log__c')!;
    const name = schema.field(log, 'Name')!;
    assert.ok(name.autoNumber && !name.createable);
    assert.equal(name.displayFormat, 'SL-{00000000}');
    assert.equal(log.sharingModel, 'Private');
    assert.match(log.keyPrefix, /^a[0-9A-Za-z]{2}$/);
    assert.equal(schema.objectByKeyPrefix(log.keyPrefix), log);
  });

  it('puts Activity fields on Task and Event', () => {
    assert.equal(schema.field('Task', 'Kondo_Message_Id__c')?.name, 'kondo__Kondo_Message_Id__c');
    assert.equal(schema.field('Event', 'Kondo_Message_Id__c')?.name, 'kondo__Kondo_Message_Id__c');
  });
});

describe('standard catalog', () => {
  it('has key prefixes, required fields, lengths and read-only computed fields', () => {
    assert.equal(schema.object('Contact')!.keyPrefix, '003');
    assert.equal(schema.object('Lead')!.keyPrefix, '00Q');
    assert.equal(schema.object('User')!.keyPrefix, '005');
    assert.equal(schema.objectByKeyPrefix('00T')?.name, 'Task');
    const last = schema.field('Contact', 'LastName')!;
    assert.ok(last.required && last.length === 80);
    const name = schema.field('Contact', 'Name')!;
    assert.ok(name.nameField && !name.createable && !name.updateable);
    assert.equal(schema.field('Task', 'Subject')!.length, 255);
    assert.equal(schema.field('Task', 'Description')!.length, 32000);
    assert.equal(schema.field('Task', 'IsClosed')!.createable, false);
    assert.deepEqual(schema.field('Task', 'WhoId')!.referenceTo, ['Contact', 'Lead']);
    assert.equal(schema.field('User', 'Alias')!.length, 8);
    assert.ok(schema.field('User', 'Username')!.unique);
    assert.equal(schema.field('Lead', 'ConvertedContactId')!.relationshipName, 'ConvertedContact');
    assert.ok(schema.field('Contact', 'CreatedDate')!.system);
    assert.equal(schema.field('Contact', 'Title')!.apexType, 'String');
  });

  it('lists queryable objects in globalDescribe, not the Name object', () => {
    const names = schema.globalDescribe().map((o) => o.name);
    assert.ok(names.includes('Contact') && names.includes('kondo__Kondo_Conversation__c'));
    assert.ok(!names.includes('Name'));
  });
});

describe('permissions, labels, resources', () => {
  it('reads permission sets with schema-spelled object and field keys', () => {
    const integration = schema.permissionSets.get('kondo_integration')!;
    assert.equal(integration.kind, 'permissionSet');
    assert.ok(integration.objects.get('kondo__kondo_conversation__c')?.create);
    assert.ok(integration.fields.get('task.kondo__kondo_message_id__c')?.editable);
    assert.ok(integration.customPermissions.has('kondo_sync_api'));
    assert.ok(integration.userPermissions.has('edittask'));
    assert.ok(integration.classAccesses.has('conversationsresource'));
    const user = schema.permissionSets.get('kondo_user')!;
    assert.equal(user.fields.get('contact.kondo__linkedin_key__c')?.editable, false);
  });

  it('offers the documented stand-in profiles', () => {
    assert.ok(schema.profiles.get('system administrator')!.modifyAllData);
    assert.ok(schema.profiles.get('standard user')!.allStandardObjects);
    assert.ok(!schema.profiles.get('minimum access - salesforce')!.allStandardObjects);
  });

  it('reads custom permissions and static resources with their bodies', () => {
    assert.equal(schema.customPermissions.get('kondo_sync_api')?.label, 'Kondo Sync API');
    const vectors = schema.staticResources.get('linkedinurlvectors')!;
    assert.equal(vectors.contentType, 'application/json');
    assert.ok(vectors.body.length > 0);
    assert.doesNotThrow(() => JSON.parse(new TextDecoder().decode(vectors.body)));
    assert.ok(schema.apexClassNames.includes('LinkedInKeyBackfillBatch'));
  });
});
