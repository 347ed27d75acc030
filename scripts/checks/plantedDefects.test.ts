// Each check from 4 to 10 must fail on a defect planted in a throwaway copy of a small valid
// project, and pass on the clean copy, so a check that silently stops checking is caught.
import assert from 'node:assert/strict';
import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkApexSemantics } from './apexSemantics';
import { checkApexSyntax } from './apexSyntax';
import { checkApexTestShape } from './apexTestShape';
import { checkCodeAnalyzer } from './codeAnalyzer';
import { checkFieldReferences } from './fieldReferences';
import { checkLwcCompile } from './lwcCompile';
import { checkMetadata } from './metadata';
import { copyInto, makeFixture, plant } from './fixture';
import { syncLabelTypes } from '../tools/labelTypes';
import type { CheckResult } from '../lib/findings';

const created: string[] = [];
const TOOL_ROOT = join(__dirname, '..', '..');

function fixture(): string {
  const root = makeFixture();
  created.push(root);
  return root;
}

function rules(result: CheckResult): string[] {
  return result.findings.map((f) => f.rule);
}

after(() => {
  for (const root of created) {
    rmSync(root, { recursive: true, force: true });
  }
});

const SELECTOR = 'force-app/main/demo/classes/ContactKeySelector.cls';
const BUNDLE = 'force-app/main/demo/lwc/demoCard';

describe('check 4: component bundles go through @lwc/compiler', () => {
  it('passes the clean fixture', () => {
    assert.deepEqual(rules(checkLwcCompile(fixture())), []);
  });
  it('fails on a template the compiler rejects', () => {
    const root = fixture();
    plant(
      root,
      `${BUNDLE}/demoCard.html`,
      () => '<template><p onclick={handle()}>{title}</p></template>\n'
    );
    assert.ok(rules(checkLwcCompile(root)).includes('lwc-compile'));
  });
  it('fails on JavaScript the compiler rejects', () => {
    const root = fixture();
    plant(root, `${BUNDLE}/demoCard.js`, (text) =>
      text.replace("@api title = 'Demo';", "@api @track title = 'Demo';")
    );
    assert.ok(rules(checkLwcCompile(root)).includes('lwc-compile'));
  });
  it('fails when the .ts was never compiled to the deployed .js', () => {
    const root = fixture();
    unlinkSync(join(root, `${BUNDLE}/demoCard.js`));
    assert.ok(rules(checkLwcCompile(root)).includes('lwc-not-built'));
  });
});

describe('check 5: Apex syntax', () => {
  it('passes the clean fixture', () => {
    assert.deepEqual(rules(checkApexSyntax(fixture())), []);
  });
  it('fails on a missing brace', () => {
    const root = fixture();
    plant(root, SELECTOR, (text) => text.replace('withKey(String key) {', 'withKey(String key) '));
    assert.ok(rules(checkApexSyntax(root)).includes('apex-syntax'));
  });
  it('fails on a SOQL clause out of order', () => {
    const root = fixture();
    plant(root, SELECTOR, (text) =>
      text.replace(
        'WHERE LinkedIn_Key__c IN :keys WITH USER_MODE',
        'WITH USER_MODE WHERE LinkedIn_Key__c IN :keys'
      )
    );
    assert.ok(rules(checkApexSyntax(root)).includes('apex-syntax'));
  });
});

describe('check 6: Apex semantics through apex-ls', () => {
  it('passes the clean fixture', () => {
    assert.deepEqual(rules(checkApexSemantics(fixture(), TOOL_ROOT)), []);
  });
  it('fails on an unknown method', () => {
    const root = fixture();
    plant(root, SELECTOR, (text) =>
      text.replace("record.Title = 'Buyer';", "record.Title = 'Buyer'.toUpperCaseX();")
    );
    assert.ok(
      rules(checkApexSemantics(root, TOOL_ROOT)).some((rule) => rule.startsWith('apex-ls:'))
    );
  });
  it('fails on a type mismatch in a return', () => {
    const root = fixture();
    plant(root, SELECTOR, (text) => text.replace('return record;', 'return 42;'));
    assert.ok(
      rules(checkApexSemantics(root, TOOL_ROOT)).some((rule) => rule.startsWith('apex-ls:'))
    );
  });
});

describe('check 7: Code Analyzer (PMD 7)', () => {
  it('passes the clean fixture', async () => {
    assert.deepEqual(rules(await checkCodeAnalyzer(fixture())), []);
  });
  it('fails on a query without an access mode and DML in a loop', async () => {
    const root = fixture();
    plant(root, SELECTOR, (text) =>
      text.replace(
        '    public Schema.Contact withKey',
        `    public void touch(List<Schema.Contact> contacts) {
        for (Schema.Contact c : contacts) {
            update c;
        }
    }

    public Schema.Contact withKey`
      )
    );
    const found = rules(await checkCodeAnalyzer(root));
    assert.ok(found.includes('pmd:OperationWithLimitsInLoop'), found.join(', '));
    assert.ok(found.includes('pmd:ApexCRUDViolation'), found.join(', '));
  });
  it('fails on a test class without assertions', async () => {
    const root = fixture();
    plant(root, 'force-app/tests/demo/classes/ContactKeySelector_Tests.cls', (text) =>
      text.replace(/System\.Assert\.areEqual\([^;]*;/, "new ContactKeySelector().withKey('x');")
    );
    assert.ok(
      rules(await checkCodeAnalyzer(root)).includes('pmd:ApexUnitTestClassShouldHaveAsserts')
    );
  });
  it('fails on a file the engine cannot parse instead of skipping it', async () => {
    const root = fixture();
    plant(root, SELECTOR, (text) =>
      text.replace(
        'public Schema.Contact withKey(String key) {',
        'public Schema.Contact withKey(String key {'
      )
    );
    assert.ok(rules(await checkCodeAnalyzer(root)).includes('engine-error'));
  });
});

describe('check 8: field references apex-ls cannot see', () => {
  it('passes the clean fixture', () => {
    assert.deepEqual(rules(checkFieldReferences(fixture())), []);
  });
  for (const [where, from, to] of [
    ['a SOQL select list', 'SELECT Id, LastName,', 'SELECT Id, LastNme,'],
    ['a SOQL WHERE clause', 'WHERE LinkedIn_Key__c IN', 'WHERE LinkedIn_Kee__c IN'],
    ['a SOQL ORDER BY clause', 'ORDER BY LastName', 'ORDER BY Surname'],
    ['an SObject constructor on Contact', "LastName = 'Doe'", "LastNam = 'Doe'"],
    ['a field set on a Contact variable', "record.Title = 'Buyer'", "record.Titel = 'Buyer'"],
    ['a relationship path', 'SELECT Id, LastName,', 'SELECT Id, Account.Nmae,'],
  ] as const) {
    it(`fails on a misspelt field in ${where}`, () => {
      const root = fixture();
      plant(root, SELECTOR, (text) => text.replace(from, to));
      assert.ok(rules(checkFieldReferences(root)).includes('unknown-field'), `${where}`);
    });
  }
  it('fails on an object that exists nowhere', () => {
    const root = fixture();
    plant(root, SELECTOR, (text) => text.replace('FROM Contact', 'FROM Contactt'));
    assert.ok(rules(checkFieldReferences(root)).includes('unknown-object'));
  });
  it('fails on a misspelt field in dynamic SOQL held in a string', () => {
    const root = fixture();
    copyInto(
      root,
      'force-app/main/demo/classes/Dynamic.cls',
      "public with sharing class Dynamic {\n    public static final String QUERY = 'SELECT Id, Emial FROM Lead';\n}\n"
    );
    assert.ok(rules(checkFieldReferences(root)).includes('unknown-field'));
  });
});

describe('check 9: metadata that would not deploy', () => {
  const fast = { convert: false };
  it('passes the clean fixture, conversion included', () => {
    const result = checkMetadata(fixture());
    assert.deepEqual(rules(result), []);
    assert.match(result.summary, /conversion: [1-9]\d* components/);
  });
  it('fails on truncated XML', () => {
    const root = fixture();
    plant(
      root,
      'force-app/main/demo/objects/Contact/fields/LinkedIn_Key__c.field-meta.xml',
      (text) => text.slice(0, text.length - 20)
    );
    assert.ok(rules(checkMetadata(root, fast)).includes('malformed-xml'));
  });
  it('fails on mismatched tags', () => {
    const root = fixture();
    plant(root, 'force-app/main/demo/permissionsets/Demo.permissionset-meta.xml', (text) =>
      text.replace('<label>Demo</label>', '<label>Demo</labl>')
    );
    assert.ok(rules(checkMetadata(root, fast)).includes('malformed-xml'));
  });
  it('fails on a class without its -meta.xml', () => {
    const root = fixture();
    unlinkSync(join(root, `${SELECTOR}-meta.xml`));
    assert.ok(rules(checkMetadata(root, fast)).includes('missing-meta-xml'));
  });
  it('fails on a component bundle without js-meta.xml', () => {
    const root = fixture();
    unlinkSync(join(root, `${BUNDLE}/demoCard.js-meta.xml`));
    assert.ok(rules(checkMetadata(root, fast)).includes('lwc-missing-meta'));
  });
  it('fails on a permission set naming a field that does not exist', () => {
    const root = fixture();
    plant(root, 'force-app/main/demo/permissionsets/Demo.permissionset-meta.xml', (text) =>
      text.replace('Contact.LinkedIn_Key__c', 'Contact.LinkedIn_Kye__c')
    );
    assert.ok(rules(checkMetadata(root, fast)).includes('permset-unknown-field'));
  });
  it('fails on a permission set naming a class that does not exist', () => {
    const root = fixture();
    plant(root, 'force-app/main/demo/permissionsets/Demo.permissionset-meta.xml', (text) =>
      text.replace('<apexClass>ContactKeySelector', '<apexClass>ContactKeySelectr')
    );
    assert.ok(rules(checkMetadata(root, fast)).includes('permset-unknown-class'));
  });
  it('fails on a layout naming a field that does not exist', () => {
    const root = fixture();
    copyInto(
      root,
      'force-app/main/demo/layouts/Contact-Kondo Contact Layout.layout-meta.xml',
      `<?xml version="1.0" encoding="UTF-8"?>
<Layout xmlns="http://soap.sforce.com/2006/04/metadata">
    <layoutSections><layoutColumns><layoutItems><behavior>Edit</behavior><field>LinkedIn_Kay__c</field></layoutItems></layoutColumns><style>OneColumn</style></layoutSections>
</Layout>
`
    );
    assert.ok(rules(checkMetadata(root, fast)).includes('layout-unknown-field'));
  });
  describe('custom labels', () => {
    const LABELS = 'force-app/main/demo/labels/CustomLabels.labels-meta.xml';
    const labelsFile = (...names: string[]): string =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n${names
        .map(
          (name) =>
            `    <labels>\n        <fullName>${name}</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>${name}</shortDescription>\n        <value>Demo text</value>\n    </labels>\n`
        )
        .join('')}</CustomLabels>\n`;
    /** The fixture with one label, named by its component and its class, and its declarations. */
    function withLabel(): string {
      const root = fixture();
      copyInto(root, LABELS, labelsFile('Demo_Title'));
      plant(root, `${BUNDLE}/demoCard.ts`, (text) =>
        text
          .replace(
            "from 'lwc';",
            "from 'lwc';\nimport TITLE from '@salesforce/label/c.Demo_Title';"
          )
          .replace("@api title = 'Demo';", '@api title = TITLE;')
      );
      plant(root, SELECTOR, (text) =>
        text.replace(
          "record.Title = 'Buyer';",
          'record.Title = System.Label.Demo_Title; // Label.Demo_Gone is only a comment'
        )
      );
      syncLabelTypes(root, true);
      return root;
    }
    it('passes labels that exist, named by a component and by Apex', () => {
      assert.deepEqual(rules(checkMetadata(withLabel(), fast)), []);
    });
    it('fails on a component importing a label no labels file defines', () => {
      const root = withLabel();
      plant(root, `${BUNDLE}/demoCard.ts`, (text) => text.replace('c.Demo_Title', 'c.Demo_Titel'));
      assert.deepEqual(rules(checkMetadata(root, fast)), ['label-unknown']);
    });
    it('fails on Apex naming a label no labels file defines, in any case of System.Label', () => {
      const root = withLabel();
      plant(root, SELECTOR, (text) =>
        text.replace('System.Label.Demo_Title', 'system.label.Demo_Missing')
      );
      const findings = checkMetadata(root, fast).findings;
      assert.deepEqual(
        findings.map((f) => [f.rule, f.file, f.line]),
        [['label-unknown', SELECTOR, 8]]
      );
    });
    it('fails on a label defined in two features', () => {
      const root = withLabel();
      copyInto(
        root,
        'force-app/main/other/labels/CustomLabels.labels-meta.xml',
        labelsFile('Demo_Title')
      );
      assert.ok(rules(checkMetadata(root, fast)).includes('label-duplicate'));
    });
    it('fails when the label declarations are stale', () => {
      const root = withLabel();
      copyInto(root, LABELS, labelsFile('Demo_Title', 'Demo_Subtitle'));
      assert.deepEqual(rules(checkMetadata(root, fast)), ['label-types-stale']);
    });
  });
  it('fails when the source conversion fails', () => {
    const root = fixture();
    // A field file outside any object folder: the converter cannot tell what it is.
    copyInto(
      root,
      'force-app/main/demo/fields/Stray__c.field-meta.xml',
      '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Stray__c</fullName><type>Text</type></CustomField>\n'
    );
    assert.ok(rules(checkMetadata(root)).includes('convert-failed'));
  });
});

describe('check 10: Apex test shape', () => {
  it('passes the clean fixture', () => {
    assert.deepEqual(rules(checkApexTestShape(fixture())), []);
  });
  it('fails on a production class without a test class', () => {
    const root = fixture();
    unlinkSync(join(root, 'force-app/tests/demo/classes/ContactKeySelector_Tests.cls'));
    assert.ok(rules(checkApexTestShape(root)).includes('missing-test-class'));
  });
  it('fails on a test class that never exercises its class', () => {
    const root = fixture();
    plant(root, 'force-app/tests/demo/classes/ContactKeySelector_Tests.cls', (text) =>
      text.replace(
        "new ContactKeySelector().withKey('jane-doe')",
        "new Schema.Contact(LinkedIn_Key__c = 'jane-doe')"
      )
    );
    assert.ok(rules(checkApexTestShape(root)).includes('test-does-not-exercise'));
  });
});
