// Runs a project's Apex tests the way the platform does (Apex Developer Guide: Understanding
// Testing in Apex, Using the @TestSetup Annotation, Isolation of Test Data from Organization
// Data): each test method in its own transaction, on a fresh copy of the org's data with the
// class's @TestSetup records, with static variables reset, as the org's administrator unless the
// test says System.runAs. Data the org already had (SeeAllData=false) is not visible beyond the
// setup objects every org has (users, profiles, permission sets, statuses).
import { annotationOf, type ClassDecl, type MethodDecl } from '../parse/ast';
import { ApexError, UnsupportedError } from '../interpreter/errors';
import type { RuntimeClass } from '../interpreter/types';
import type { LocalOrg } from '../org/localOrg';
import { executableLines, triggerLines } from './coverage';
import type { ClassCoverage, TestResult } from './report';

export interface TestFilter {
  className?: string;
  methodName?: string;
}

export interface TestClassPlan {
  rc: RuntimeClass;
  setup: MethodDecl[];
  tests: MethodDecl[];
}

function annotated(m: MethodDecl, name: string): boolean {
  return annotationOf(m.modifiers, name) !== undefined;
}

export function isTestMethod(m: MethodDecl): boolean {
  return annotated(m, 'istest') || m.modifiers.keywords.has('testmethod');
}

export function plan(org: LocalOrg, filter: TestFilter = {}): TestClassPlan[] {
  const plans: TestClassPlan[] = [];
  for (const decl of org.project.classes) {
    const rc = org.interp.classes.get(decl.fullName.toLowerCase()) as RuntimeClass;
    if (!rc.isTest) {
      continue;
    }
    if (filter.className && decl.name.toLowerCase() !== filter.className.toLowerCase()) {
      continue;
    }
    const tests = decl.methods.filter(
      (m) =>
        isTestMethod(m) &&
        m.isStatic &&
        (!filter.methodName || m.name.toLowerCase() === filter.methodName.toLowerCase())
    );
    if (tests.length === 0) {
      continue;
    }
    plans.push({ rc, setup: decl.methods.filter((m) => annotated(m, 'testsetup')), tests });
  }
  return plans;
}

function describeError(e: unknown): Pick<TestResult, 'outcome' | 'message' | 'stack' | 'feature'> {
  if (e instanceof UnsupportedError) {
    const where = e.position
      ? ` (${e.position.unit}: line ${e.position.line}, column ${e.position.column})`
      : '';
    return {
      outcome: 'unsupported',
      message: e.feature,
      stack: [],
      feature: `${e.feature}${where}`,
    };
  }
  if (e instanceof ApexError) {
    const message =
      e.exceptionType === 'System.AssertException'
        ? `System.AssertException: ${e.message}`
        : `${e.exceptionType}: ${e.message}`;
    return { outcome: 'fail', message, stack: e.apexStack, feature: null };
  }
  // A defect of the runtime itself: never a pass, and not the test's failure either.
  const error = e as Error;
  const frame = (error.stack ?? '')
    .split('\n')
    .slice(1, 3)
    .map((l) => l.trim())
    .join(' < ');
  return {
    outcome: 'unsupported',
    message: `runtime error: ${error.message}`,
    stack: [],
    feature: `runtime error: ${error.message} at ${frame}`,
  };
}

export interface RunOutcome {
  results: TestResult[];
  coverage: ClassCoverage[];
}

export function runTests(
  org: LocalOrg,
  plans: TestClassPlan[],
  onClass?: (name: string, results: TestResult[]) => void
): RunOutcome {
  const results: TestResult[] = [];
  const covered = new Map<string, Set<number>>();
  const base = org.db.snapshot();
  for (const p of plans) {
    const classResults: TestResult[] = [];
    org.db.restore(base);
    let setupFailure: ReturnType<typeof describeError> | null = null;
    if (p.setup.length) {
      const host = org.transaction({ inTest: true });
      try {
        for (const m of p.setup) {
          org.interp.runStatic(p.rc, m.name, []);
        }
      } catch (e) {
        setupFailure = describeError(e);
      }
      merge(covered, host.coverage);
    }
    const afterSetup = org.db.snapshot();
    for (const m of p.tests) {
      const started = performance.now();
      let outcome: ReturnType<typeof describeError> = {
        outcome: 'pass',
        message: null,
        stack: [],
        feature: null,
      };
      let debug: string[] = [];
      if (setupFailure) {
        outcome = { ...setupFailure, message: `@TestSetup failed: ${setupFailure.message ?? ''}` };
      } else {
        org.db.restore(afterSetup);
        const host = org.transaction({ inTest: true });
        try {
          org.interp.runStatic(p.rc, m.name, []);
        } catch (e) {
          outcome = describeError(e);
        }
        debug = host.debugLog;
        merge(covered, host.coverage);
      }
      const result: TestResult = {
        className: p.rc.decl.name,
        methodName: m.name,
        milliseconds: performance.now() - started,
        ...outcome,
        debug,
      };
      classResults.push(result);
      results.push(result);
    }
    onClass?.(p.rc.decl.name, classResults);
  }
  org.db.restore(base);
  return { results, coverage: coverageOf(org, covered) };
}

function merge(into: Map<string, Set<number>>, from: Map<string, Set<number>>): void {
  for (const [unit, lines] of from) {
    let target = into.get(unit);
    if (!target) {
      target = new Set();
      into.set(unit, target);
    }
    for (const l of lines) {
      target.add(l);
    }
  }
}

function coverageOf(org: LocalOrg, covered: Map<string, Set<number>>): ClassCoverage[] {
  const out: ClassCoverage[] = [];
  const entry = (name: string, kind: 'class' | 'trigger', lines: Set<number>): ClassCoverage => {
    const hit = covered.get(name) ?? new Set<number>();
    const uncoveredLines = [...lines].filter((l) => !hit.has(l)).sort((a, b) => a - b);
    return {
      name,
      kind,
      covered: lines.size - uncoveredLines.length,
      total: lines.size,
      uncoveredLines,
    };
  };
  for (const decl of org.project.classes as ClassDecl[]) {
    const rc = org.interp.classes.get(decl.fullName.toLowerCase()) as RuntimeClass;
    if (rc.isTest || !org.isPackageSource(decl.file)) {
      continue;
    }
    out.push(entry(decl.name, 'class', executableLines(decl)));
  }
  for (const t of org.project.triggers) {
    out.push(entry(t.name, 'trigger', triggerLines(t)));
  }
  return out;
}
