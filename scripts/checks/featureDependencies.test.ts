// The feature diagram holds on the real tree, and each rule fails on a defect planted in a copy
// of it: a core class that names an ingest class, a component that imports another feature's
// component, an arrow nothing uses, a cycle, a feature the diagram leaves out.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { copyInto, plant } from './fixture';
import {
  ARCHITECTURE,
  checkFeatureDependencies,
  declaredEdges,
  featureOf,
  findCycle,
} from './featureDependencies';

const ROOT = resolve(__dirname, '..', '..');
const created: string[] = [];

after(() => {
  for (const root of created) {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A throwaway root holding the real package main tree and the real ARCHITECTURE.md. */
function copyOfTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'kondo-features-'));
  created.push(root);
  cpSync(join(ROOT, 'force-app', 'main'), join(root, 'force-app', 'main'), { recursive: true });
  cpSync(join(ROOT, ARCHITECTURE), join(root, ARCHITECTURE));
  return root;
}

function rulesOf(root: string): string[] {
  return checkFeatureDependencies(root).findings.map((finding) => finding.rule);
}

describe('feature dependencies', () => {
  it('finds every reference of the real tree drawn, and every arrow used', () => {
    const result = checkFeatureDependencies(ROOT);

    assert.deepEqual(result.findings, [], result.findings.map((f) => f.message).join('\n'));
    const features = readdirSync(join(ROOT, 'force-app/main')).length;
    assert.match(
      result.summary,
      new RegExp(`^${features} features, \\d+ arrows, \\d+ cross-feature references$`),
      'every folder under force-app/main counts as a feature'
    );
  });

  it('reads the arrows of the mermaid block under its heading only', () => {
    const markdown = [
      '## Other',
      '```mermaid',
      'flowchart TD',
      '  setup --> ingest',
      '```',
      '## Feature dependencies',
      '```mermaid',
      'flowchart TD',
      '  ingest --> messages',
      '  messages --> core',
      '```',
    ].join('\n');

    assert.deepEqual(declaredEdges(markdown), [
      { from: 'ingest', to: 'messages' },
      { from: 'messages', to: 'core' },
    ]);
  });

  it('names the feature of a package path, and none outside force-app/main', () => {
    assert.equal(featureOf('force-app/main/ingest/classes/KondoRecordWriter.cls'), 'ingest');
    assert.equal(featureOf('force-app/tests/ingest/classes/KondoRecordWriter_Tests.cls'), null);
    assert.equal(featureOf('scripts/checks/metadata.ts'), null);
  });

  it('fails when core names a class of ingest, citing the file and the class', () => {
    const root = copyOfTree();
    plant(root, 'force-app/main/core/classes/KondoText.cls', (text) =>
      text.replace(
        'public inherited sharing class KondoText {',
        'public inherited sharing class KondoText {\n  private static final String STATUS = ConversationResult.STATUS_FAILED;'
      )
    );

    const findings = checkFeatureDependencies(root).findings;

    assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
    assert.equal(findings[0]?.rule, 'undeclared-dependency');
    assert.equal(findings[0]?.file, 'force-app/main/core/classes/KondoText.cls');
    assert.match(findings[0]?.message ?? '', /core uses ConversationResult of ingest/);
  });

  it('ignores a class named only in a comment or a string', () => {
    const root = copyOfTree();
    plant(root, 'force-app/main/core/classes/KondoText.cls', (text) =>
      text.replace(
        'public inherited sharing class KondoText {',
        "// Used by ConversationResult.\npublic inherited sharing class KondoText {\n  private static final String NAME = 'ConversationResult';"
      )
    );

    assert.deepEqual(rulesOf(root), []);
  });

  it('fails when a component imports a component or a controller of a feature it may not use', () => {
    const root = copyOfTree();
    const history =
      'force-app/main/history/lwc/kondoConversationHistory/kondoConversationHistory.ts';
    plant(
      root,
      history,
      (text) =>
        `import getSetup from '@salesforce/apex/SetupController.getSetup';\nimport 'c/kondoSyncHealth';\n${text}\nvoid getSetup;\n`
    );

    const findings = checkFeatureDependencies(root).findings;

    assert.deepEqual(
      findings.map((f) => [f.rule, f.file, f.line]),
      [
        ['undeclared-dependency', history, 1],
        ['undeclared-dependency', history, 2],
      ]
    );
    assert.match(findings[0]?.message ?? '', /history uses SetupController of setup/);
    assert.match(findings[1]?.message ?? '', /history uses kondoSyncHealth of setup/);
  });

  it('fails on an arrow that nothing uses', () => {
    const root = copyOfTree();
    plant(root, ARCHITECTURE, (text) =>
      text.replace('  settings --> core\n', '  settings --> core\n  history --> synclog\n')
    );

    assert.deepEqual(rulesOf(root), ['unused-arrow']);
  });

  it('fails on a cycle, naming the features along it', () => {
    assert.deepEqual(
      findCycle([
        { from: 'ingest', to: 'messages' },
        { from: 'messages', to: 'privacy' },
        { from: 'privacy', to: 'messages' },
      ]),
      ['messages', 'privacy', 'messages']
    );
    assert.equal(findCycle([{ from: 'ingest', to: 'messages' }]), null);

    const root = copyOfTree();
    plant(root, 'force-app/main/privacy/classes/ConversationPrivacy.cls', (text) =>
      text.replace(
        'public inherited sharing class ConversationPrivacy {',
        'public inherited sharing class ConversationPrivacy {\n  private static final Integer COPIES = MessageBudget.MESSAGE_COPIES;'
      )
    );
    plant(root, ARCHITECTURE, (text) =>
      text.replace('  privacy --> settings\n', '  privacy --> settings\n  privacy --> messages\n')
    );

    const findings = checkFeatureDependencies(root).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['dependency-cycle']
    );
    assert.match(findings[0]?.message ?? '', /messages --> privacy --> messages/);
  });

  it('fails when a feature folder is missing from the diagram, or the diagram is', () => {
    const root = copyOfTree();
    copyInto(
      root,
      'force-app/main/undrawn/classes/UndrawnFeature.cls',
      'public inherited sharing class UndrawnFeature {\n}\n'
    );
    assert.deepEqual(rulesOf(root), ['feature-not-drawn']);

    plant(root, ARCHITECTURE, (text) => text.replace('## Feature dependencies', '## Features'));
    assert.deepEqual(rulesOf(root), ['diagram-missing']);
  });
});
