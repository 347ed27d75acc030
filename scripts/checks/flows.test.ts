// The Flow templates the package ships (force-app/main/events/flows) and the part of the
// metadata check that reads Flows (flows.ts): the real templates pass, and each rule fails on a
// defect planted in a copy of one, so a rule that silently stops checking is caught.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { packageSchema } from '../lib/project';
import { SchemaIndex, loadStandardFields } from './fieldReferences';
import { checkFlow } from './flows';

const ROOT = resolve(__dirname, '..', '..');
const FLOWS = 'force-app/main/events/flows';
const REPLY = join(ROOT, FLOWS, 'Kondo_Reply_Sets_Lead_Status.flow-meta.xml');
const LABEL = join(ROOT, FLOWS, 'Kondo_Label_Sets_Lead_Status.flow-meta.xml');
const index = new SchemaIndex(loadStandardFields(ROOT), packageSchema(ROOT));
const folder = mkdtempSync(join(tmpdir(), 'kondo-flows-'));

after(() => rmSync(folder, { recursive: true, force: true }));

/** The rules a copy of `file`, edited, breaks. */
function rulesOf(file: string, edit: (text: string) => string): string[] {
  const copy = join(folder, 'Planted.flow-meta.xml');
  const original = readFileSync(file, 'utf8');
  const planted = edit(original);
  assert.notEqual(planted, original, 'the defect was planted');
  writeFileSync(copy, planted);
  return checkFlow(ROOT, copy, index).map((finding) => finding.rule);
}

describe('the packaged Flow templates', () => {
  for (const file of [REPLY, LABEL]) {
    it(`${file.slice(ROOT.length + 1)} names only what exists`, () => {
      assert.deepEqual(checkFlow(ROOT, file, index), []);
    });
  }

  it('subscribe to the conversation event and read its reply and label fields', () => {
    const reply = readFileSync(REPLY, 'utf8');
    assert.match(
      reply,
      /<object>Kondo_Conversation_Event__e<\/object>\s*<triggerType>PlatformEvent/
    );
    assert.match(reply, /\$Record\.Is_New_Inbound_Reply__c/);
    assert.match(readFileSync(LABEL, 'utf8'), /\$Record\.Labels_Added__c/);
  });
});

describe('the flow rules of the metadata check', () => {
  it('fails on a $Record field the event does not have', () => {
    const rules = rulesOf(REPLY, (t) => t.replace('$Record.Object__c', '$Record.Record_Type__c'));
    assert.deepEqual(rules, ['flow-unknown-field']);
  });

  it('fails on a field the updated object does not have', () => {
    const rules = rulesOf(REPLY, (t) =>
      t.replace('<field>IsConverted</field>', '<field>Converted__c</field>')
    );
    assert.deepEqual(rules, ['flow-unknown-field']);
  });

  it('fails on an event the package does not define', () => {
    const rules = rulesOf(LABEL, (t) =>
      t.replace(
        '<object>Kondo_Conversation_Event__e</object>',
        '<object>Kondo_Label_Event__e</object>'
      )
    );
    assert.ok(rules.includes('flow-unknown-object'), rules.join(', '));
  });

  it('fails on a connector to an element the flow does not have', () => {
    const rules = rulesOf(REPLY, (t) =>
      t.replace(
        '<targetReference>Set_Working_Status</targetReference>',
        '<targetReference>Set_Status</targetReference>'
      )
    );
    assert.deepEqual(rules, ['flow-missing-element']);
  });

  it('fails on a template shipped active', () => {
    const rules = rulesOf(LABEL, (t) =>
      t.replace('<status>Draft</status>', '<status>Active</status>')
    );
    assert.deepEqual(rules, ['flow-not-inactive-template']);
  });
});
