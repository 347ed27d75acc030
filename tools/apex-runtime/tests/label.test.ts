// Custom labels in Apex (Apex Reference Guide: Label Class): `System.Label.<name>` and
// `Label.get` read the project's CustomLabels metadata, in a namespaced project as in one
// without; a label the metadata does not define is reported unsupported with its line, never
// read as an empty text. Each test runs the Apex tests of a small project written here.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalOrg } from '../src/org/localOrg';
import type { TestResult } from '../src/runner/report';
import { plan, runTests } from '../src/runner/testRunner';

const LABELS = `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>Probe_Saved</fullName>
        <language>en_US</language>
        <protected>true</protected>
        <shortDescription>Saved</shortDescription>
        <value>Saved &amp; done</value>
    </labels>
</CustomLabels>
`;

// A second labels file in another folder of the package: both are the project's labels.
const MORE_LABELS = LABELS.replace('Probe_Saved', 'Probe_Count').replace(
  'Saved &amp; done',
  '{0} rows'
);

const PROBE = `@IsTest
private class LabelProbe {
  @IsTest
  static void byName() {
    System.debug(System.Label.Probe_Saved + '|' + Label.probe_saved + '|' + Label.Probe_Count);
  }
  @IsTest
  static void byGet() {
    System.debug(Label.get('lbl', 'Probe_Saved') + '|' + Label.get(null, 'Probe_Count', 'de'));
  }
  @IsTest
  static void unknownName() {
    System.debug(Label.Probe_Missing);
  }
  @IsTest
  static void unknownNamespace() {
    System.debug(Label.get('other', 'Probe_Saved'));
  }
}
`;

const META =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>\n';

let root = '';
let results = new Map<string, TestResult>();

before(() => {
  root = mkdtempSync(join(tmpdir(), 'apex-labels-'));
  const main = join(root, 'force-app', 'main');
  mkdirSync(join(main, 'default', 'classes'), { recursive: true });
  mkdirSync(join(main, 'default', 'labels'), { recursive: true });
  mkdirSync(join(main, 'other', 'labels'), { recursive: true });
  writeFileSync(
    join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], namespace: 'lbl' })
  );
  writeFileSync(join(main, 'default', 'labels', 'CustomLabels.labels-meta.xml'), LABELS);
  writeFileSync(join(main, 'other', 'labels', 'CustomLabels.labels-meta.xml'), MORE_LABELS);
  writeFileSync(join(main, 'default', 'classes', 'LabelProbe.cls'), PROBE);
  writeFileSync(join(main, 'default', 'classes', 'LabelProbe.cls-meta.xml'), META);
  const org = LocalOrg.open(root);
  const outcome = runTests(org, plan(org));
  results = new Map(outcome.results.map((r) => [r.methodName, r]));
});

after(() => rmSync(root, { recursive: true, force: true }));

function debugLine(method: string): string {
  const result = results.get(method);
  assert.equal(result?.outcome, 'pass', `${method}: ${result?.message ?? 'did not run'}`);
  return (result?.debug[0] ?? '').replace(/^USER_DEBUG \[\d+\] DEBUG /, '');
}

describe('System.Label', () => {
  it('reads a label by name, with or without System and in any case, from every labels folder', () => {
    assert.equal(debugLine('byName'), 'Saved & done|Saved & done|{0} rows');
  });

  it('gets a label of the project by its namespace or none, in any language as its master value', () => {
    assert.equal(debugLine('byGet'), 'Saved & done|{0} rows');
  });

  it('reports a label the metadata does not define as unsupported, naming it and its line', () => {
    const result = results.get('unknownName');
    assert.equal(result?.outcome, 'unsupported');
    assert.match(result?.message ?? '', /System\.Label\.Probe_Missing: no custom label/);
    assert.match(result?.feature ?? '', /LabelProbe: line 13\b/);
  });

  it('finds no label of a namespace the org has no package of', () => {
    const result = results.get('unknownNamespace');
    assert.equal(result?.outcome, 'unsupported');
    assert.match(result?.message ?? '', /System\.Label\.get\('other', 'Probe_Saved'\)/);
  });
});
