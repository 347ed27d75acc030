// Planted logic defects in the product Apex: each is written into a copy of the package and the
// Apex tests that cover it must fail on the local runtime (a failing assertion, not an
// unsupported feature). Each plant first checks that its text is still in the source, so a
// refactor cannot silently turn the test into one that proves nothing.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { exec } from '../lib/exec';

const ROOT = resolve(__dirname, '..', '..');
const copies: string[] = [];

after(() => {
  for (const copy of copies) {
    rmSync(copy, { recursive: true, force: true });
  }
});

/** A copy of the project's package with one replacement made in one class. */
function plantedCopy(file: string, from: string, to: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'kondo-planted-apex-'));
  copies.push(copy);
  cpSync(join(ROOT, 'sfdx-project.json'), join(copy, 'sfdx-project.json'));
  cpSync(join(ROOT, 'force-app'), join(copy, 'force-app'), { recursive: true });
  const path = join(copy, file);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `the planted text is still in ${file}: ${from}`);
  writeFileSync(path, text.replace(from, to));
  return copy;
}

/**
 * The outcomes of the named test classes on a project, from the runtime's command line (the
 * runtime is a tool of its own: it type-checks and runs on its own terms).
 */
function outcomes(
  root: string,
  classNames: string[]
): { passed: string[]; failed: string[]; unsupported: string[] } {
  const out = mkdtempSync(join(tmpdir(), 'kondo-planted-apex-out-'));
  copies.push(out);
  exec(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      join(ROOT, 'tools', 'apex-runtime', 'bin', 'apex.ts'),
      'test',
      '--project',
      root,
      '--out',
      out,
      ...classNames.flatMap((c) => ['--class', c]),
    ],
    { cwd: ROOT, env: {} }
  );
  const report = JSON.parse(readFileSync(join(out, 'local-runtime-results.json'), 'utf8')) as {
    tests: { className: string; methodName: string; outcome: string }[];
  };
  const classesRun = new Set(report.tests.map((t) => t.className));
  assert.deepEqual([...classesRun].sort(), [...classNames].sort(), 'every class ran');
  const named = (o: string): string[] =>
    report.tests.filter((r) => r.outcome === o).map((r) => `${r.className}.${r.methodName}`);
  return { passed: named('pass'), failed: named('fail'), unsupported: named('unsupported') };
}

interface Plant {
  name: string;
  file: string;
  from: string;
  to: string;
  classes: string[];
}

const PLANTS: Plant[] = [
  {
    name: 'a reversed comparison: text that fits is cut',
    file: 'force-app/main/core/classes/KondoText.cls',
    from: 'if (text == null || text.length() <= maxLength) {\n      return text;\n    }\n    Integer cutAt',
    to: 'if (text == null || text.length() > maxLength) {\n      return text;\n    }\n    Integer cutAt',
    classes: ['KondoText_Tests'],
  },
  {
    name: 'a dropped permission check: the setup page without Kondo Admin',
    file: 'force-app/main/setup/classes/SetupController.cls',
    from: 'if (!KondoPermissions.canManageSettings()) {',
    to: 'if (false && !KondoPermissions.canManageSettings()) {',
    classes: ['SetupController_Tests'],
  },
  {
    name: 'system mode in place of user mode: matching ignores the caller’s field access',
    file: 'force-app/main/identity/classes/PersonMatchSelector.cls',
    from: 'System.AccessLevel.USER_MODE',
    to: 'System.AccessLevel.SYSTEM_MODE',
    classes: ['PersonMatchSelector_Tests'],
  },
  {
    name: 'matching by URL before the member URN',
    file: 'force-app/main/identity/classes/RecordMatcher.cls',
    from: 'return byUrn != null ? byUrn : firstMatch(reference.urlKey, MATCHED_BY_URL);',
    to: 'Match byUrl = firstMatch(reference.urlKey, MATCHED_BY_URL);\n    return byUrl != null ? byUrl : byUrn;',
    classes: ['RecordMatcher_Tests', 'ConversationSyncService_Tests'],
  },
  {
    name: 'the REST API without its Kondo Sync API permission check',
    file: 'force-app/main/core/classes/KondoRestErrors.cls',
    from: 'if (!KondoPermissions.canCallSyncApi()) {',
    to: 'if (false && !KondoPermissions.canCallSyncApi()) {',
    classes: ['KondoRestErrors_Tests'],
  },
];

describe('planted defects in the product Apex fail its Apex tests on the local runtime', () => {
  it('the unchanged package passes the classes the plants are checked with', () => {
    const result = outcomes(ROOT, [...new Set(PLANTS.flatMap((p) => p.classes))]);
    assert.deepEqual(result.failed, [], 'no failure before any defect is planted');
    assert.deepEqual(result.unsupported, [], 'nothing unsupported either');
    assert.ok(result.passed.length > 0, 'the classes ran');
  });

  for (const p of PLANTS) {
    it(p.name, () => {
      const result = outcomes(plantedCopy(p.file, p.from, p.to), p.classes);
      assert.deepEqual(
        result.unsupported,
        [],
        'the defect is caught by an assertion, not by an unsupported feature'
      );
      assert.ok(result.failed.length > 0, `a test of ${p.classes.join(', ')} fails on the defect`);
    });
  }
});
