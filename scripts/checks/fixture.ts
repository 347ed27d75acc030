// A small, valid project that the planted-defect tests copy and break, one defect at a time.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const META = (type: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>66.0</apiVersion>\n${extra}    <status>Active</status>\n</${type}>\n`;

const FILES: Record<string, string> = {
  'sfdx-project.json': readFileSync(join(PROJECT_ROOT, 'sfdx-project.json'), 'utf8'),
  'scripts/data/standard-fields.json': readFileSync(
    join(PROJECT_ROOT, 'scripts/data/standard-fields.json'),
    'utf8'
  ),
  'force-app/main/demo/objects/Contact/fields/LinkedIn_Key__c.field-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>LinkedIn_Key__c</fullName>
    <externalId>true</externalId>
    <label>LinkedIn Key</label>
    <length>255</length>
    <required>false</required>
    <type>Text</type>
    <unique>false</unique>
</CustomField>
`,
  'force-app/main/demo/classes/ContactKeySelector.cls': `public with sharing class ContactKeySelector {
    public List<Schema.Contact> selectByKeys(Set<String> keys) {
        return [SELECT Id, LastName, LinkedIn_Key__c FROM Contact WHERE LinkedIn_Key__c IN :keys WITH USER_MODE ORDER BY LastName];
    }

    public Schema.Contact withKey(String key) {
        Schema.Contact record = new Schema.Contact(LastName = 'Doe', LinkedIn_Key__c = key);
        record.Title = 'Buyer';
        return record;
    }
}
`,
  'force-app/main/demo/classes/ContactKeySelector.cls-meta.xml': META('ApexClass'),
  'force-app/tests/demo/classes/ContactKeySelector_Tests.cls': `@IsTest
private class ContactKeySelector_Tests {
    @IsTest
    static void itShouldBuildAContactWithTheKey() {
        System.runAs(new Schema.User(Id = System.UserInfo.getUserId())) {
            Schema.Contact record = new ContactKeySelector().withKey('jane-doe');
            System.Assert.areEqual('jane-doe', record.LinkedIn_Key__c, 'the key is set');
        }
    }
}
`,
  'force-app/tests/demo/classes/ContactKeySelector_Tests.cls-meta.xml': META('ApexClass'),
  'force-app/main/demo/permissionsets/Demo.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <classAccesses>
        <apexClass>ContactKeySelector</apexClass>
        <enabled>true</enabled>
    </classAccesses>
    <fieldPermissions>
        <editable>false</editable>
        <field>Contact.LinkedIn_Key__c</field>
        <readable>true</readable>
    </fieldPermissions>
    <hasActivationRequired>false</hasActivationRequired>
    <label>Demo</label>
</PermissionSet>
`,
  'force-app/main/demo/lwc/demoCard/demoCard.js': `import { LightningElement, api } from 'lwc';

export default class DemoCard extends LightningElement {
    @api title = 'Demo';
}
`,
  'force-app/main/demo/lwc/demoCard/demoCard.ts': `import { LightningElement, api } from 'lwc';

export default class DemoCard extends LightningElement {
    @api title = 'Demo';
}
`,
  'force-app/main/demo/lwc/demoCard/demoCard.html': `<template>
    <p>{title}</p>
</template>
`,
  'force-app/main/demo/lwc/demoCard/demoCard.js-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`,
};

export function makeFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'kondo-fixture-'));
  for (const [path, text] of Object.entries(FILES)) {
    copyInto(root, path, text);
  }
  return root;
}

export function plant(root: string, path: string, edit: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

export function copyInto(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
