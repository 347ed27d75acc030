// Check 10: Apex tests cannot run here, so their shape is checked instead. Every production
// class has a `<Class>_Tests` class in the mirrored tests tree that names it; every trigger's
// handler is exercised by some test class; every test class is @IsTest and has test methods.
import { parseApex, findRules } from '../lib/apex';
import type { CheckResult, Finding } from '../lib/findings';
import { apexSources, rel, type ApexSource } from '../lib/project';

const IS_TEST = /@IsTest\b/i;
const TEST_METHOD = /@IsTest\b[^{;]*?\b(?:static\s+)?void\s+\w+\s*\(|\btestMethod\b/gi;

function isTestClass(source: ApexSource): boolean {
  const header = source.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  return /@IsTest\b[^{]*\bclass\b/i.test(header.slice(0, header.search(/\{/) + 1) || header);
}

function mentions(text: string, identifier: string): boolean {
  return new RegExp(`\\b${identifier}\\b`).test(text);
}

function expectedTestPath(root: string, source: ApexSource): string {
  return rel(root, source.path)
    .replace('/main/', '/tests/')
    .replace(/[^/]+\.cls$/, `${source.name}_Tests.cls`);
}

export function checkApexTestShape(root: string): CheckResult {
  const findings: Finding[] = [];
  const sources = apexSources(root);
  const tests = sources.filter((s) => s.kind === 'class' && isTestClass(s));
  const testsByName = new Map(tests.map((t) => [t.name.toLowerCase(), t]));
  const production = sources.filter((s) => s.kind === 'class' && !isTestClass(s));

  // A test exercises a class it reaches by name, directly or through the classes it calls (a
  // resource test drives the service and the writers behind it).
  const helpers = sources.filter((s) => rel(root, s.path).includes('/tests/common/'));
  // Everything a test reaches by name, following names through helpers and production classes.
  const reach = new Map<ApexSource, Set<ApexSource>>();
  const reachable = (test: ApexSource): Set<ApexSource> => {
    const known = reach.get(test);
    if (known) return known;
    const seen = new Set<ApexSource>();
    const queue = [test];
    while (queue.length > 0) {
      const current = queue.pop() as ApexSource;
      for (const next of [...helpers, ...production]) {
        if (!seen.has(next) && mentions(current.text, next.name)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    reach.set(test, seen);
    return seen;
  };
  const exercises = (test: ApexSource, target: ApexSource): boolean => reachable(test).has(target);

  for (const source of production) {
    const test = testsByName.get(`${source.name}_tests`.toLowerCase());
    const file = rel(root, source.path);
    if (!test) {
      // Small collaborators (DTOs, selectors behind a service) may be exercised through the
      // test of the class that uses them; a class no test reaches at all is a failure.
      if (!tests.some((t) => exercises(t, source))) {
        findings.push({
          file,
          rule: 'missing-test-class',
          message: `no ${source.name}_Tests class (expected at ${expectedTestPath(root, source)}) and no other test class exercises it`,
        });
      }
      continue;
    }
    if (rel(root, test.path) !== expectedTestPath(root, source)) {
      findings.push({
        file: rel(root, test.path),
        rule: 'test-tree-mirror',
        message: `expected at ${expectedTestPath(root, source)} to mirror ${file}`,
      });
    }
    if (!exercises(test, source)) {
      findings.push({
        file: rel(root, test.path),
        rule: 'test-does-not-exercise',
        message: `never refers to ${source.name}`,
      });
    }
  }

  for (const trigger of sources.filter((s) => s.kind === 'trigger')) {
    const parsed = parseApex(trigger.text, 'trigger');
    const handlers = findRules(parsed.tree, 'CreatedName').map((n) => n.getText());
    const exercised = handlers.some((handler) => tests.some((t) => mentions(t.text, handler)));
    if (!exercised) {
      findings.push({
        file: rel(root, trigger.path),
        rule: 'trigger-untested',
        message: `no test class refers to its handler (${handlers.join(', ') || 'none found'})`,
      });
    }
  }

  for (const test of tests) {
    // Shared builders live in tests/common: @IsTest so they cost no coverage, no test methods.
    if (rel(root, test.path).includes('/tests/common/')) {
      continue;
    }
    const methods = test.text.match(TEST_METHOD) ?? [];
    if (!IS_TEST.test(test.text) || methods.length === 0) {
      findings.push({
        file: rel(root, test.path),
        rule: 'test-without-methods',
        message: 'an @IsTest class with no test methods',
      });
    }
    if (!test.name.endsWith('_Tests')) {
      findings.push({
        file: rel(root, test.path),
        rule: 'test-naming',
        message: 'test classes are named <Class>_Tests',
      });
    }
  }
  return {
    findings,
    summary: `${production.length} production classes, ${tests.length} test classes, ${sources.filter((s) => s.kind === 'trigger').length} triggers`,
  };
}
