// What a test run produces: one line per class on the console, the closing count line, JUnit
// XML and a JSON result under the output folder (named local-runtime-* so they sit beside the
// files `sf apex run test` writes to the same folder), and per-class line coverage with the
// platform's 75% rule (Apex Developer Guide: Code Coverage Best Practices: at least 75% of the
// org's Apex lines covered, and every trigger with some coverage, to deploy to production).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Citation } from './citations';

export type Outcome = 'pass' | 'fail' | 'unsupported';

export interface TestResult {
  className: string;
  methodName: string;
  outcome: Outcome;
  milliseconds: number;
  /** The assertion or exception message. */
  message: string | null;
  /** Apex stack, platform style: `Class.MessageSyncService.plan: line 238, column 1`. */
  stack: string[];
  /** For unsupported: the feature, and where it was met. */
  feature: string | null;
  /** The test's System.debug lines. */
  debug: string[];
}

export interface ClassCoverage {
  name: string;
  kind: 'class' | 'trigger';
  covered: number;
  total: number;
  uncoveredLines: number[];
}

export function summaryLine(results: TestResult[]): string {
  const passed = results.filter((r) => r.outcome === 'pass').length;
  const failed = results.filter((r) => r.outcome === 'fail').length;
  const unsupported = results.filter((r) => r.outcome === 'unsupported').length;
  return `apex tests: ${passed} passed, ${failed} failed, ${unsupported} unsupported of ${results.length}`;
}

export function classLine(className: string, results: TestResult[]): string {
  const passed = results.filter((r) => r.outcome === 'pass').length;
  const failed = results.filter((r) => r.outcome === 'fail').length;
  const unsupported = results.filter((r) => r.outcome === 'unsupported').length;
  const ms = results.reduce((sum, r) => sum + r.milliseconds, 0);
  const status = failed ? 'FAIL' : unsupported ? 'UNSUPPORTED' : 'PASS';
  const parts = [`${passed} passed`];
  if (failed) {
    parts.push(`${failed} failed`);
  }
  if (unsupported) {
    parts.push(`${unsupported} unsupported`);
  }
  return `${status.padEnd(11)} ${className} (${parts.join(', ')}; ${ms.toFixed(0)} ms)`;
}

export function failureDetail(result: TestResult): string {
  const lines = [
    `  ${result.outcome === 'fail' ? '✗' : '?'} ${result.className}.${result.methodName}`,
  ];
  if (result.outcome === 'unsupported') {
    lines.push(`      unsupported: ${result.feature ?? result.message}`);
  } else {
    lines.push(`      ${result.message ?? ''}`);
  }
  for (const frame of result.stack.slice(0, 8)) {
    lines.push(`      ${frame}`);
  }
  return lines.join('\n');
}

function xmlEscape(text: string): string {
  return text
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export function junitXml(results: TestResult[]): string {
  const byClass = new Map<string, TestResult[]>();
  for (const r of results) {
    byClass.set(r.className, [...(byClass.get(r.className) ?? []), r]);
  }
  const suites = [...byClass].map(([className, rs]) => {
    const failures = rs.filter((r) => r.outcome === 'fail').length;
    const errors = rs.filter((r) => r.outcome === 'unsupported').length;
    const time = rs.reduce((s, r) => s + r.milliseconds, 0) / 1000;
    const cases = rs.map((r) => {
      const head = `    <testcase name="${xmlEscape(r.methodName)}" classname="${xmlEscape(className)}" time="${(r.milliseconds / 1000).toFixed(3)}"`;
      if (r.outcome === 'pass') {
        return `${head}/>`;
      }
      const tag = r.outcome === 'fail' ? 'failure' : 'error';
      const message =
        r.outcome === 'fail' ? (r.message ?? '') : `unsupported: ${r.feature ?? r.message ?? ''}`;
      return `${head}>\n      <${tag} message="${xmlEscape(message)}">${xmlEscape(r.stack.join('\n'))}</${tag}>\n    </testcase>`;
    });
    return `  <testsuite name="${xmlEscape(className)}" tests="${rs.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}

export interface CoverageSummary {
  percent: number;
  covered: number;
  total: number;
  meetsRule: boolean;
  triggersWithoutCoverage: string[];
}

export function coverageSummary(coverage: ClassCoverage[]): CoverageSummary {
  const covered = coverage.reduce((s, c) => s + c.covered, 0);
  const total = coverage.reduce((s, c) => s + c.total, 0);
  const percent = total ? (100 * covered) / total : 100;
  const triggersWithoutCoverage = coverage
    .filter((c) => c.kind === 'trigger' && c.total > 0 && c.covered === 0)
    .map((c) => c.name);
  return {
    percent,
    covered,
    total,
    meetsRule: percent >= 75 && triggersWithoutCoverage.length === 0,
    triggersWithoutCoverage,
  };
}

export function writeArtifacts(
  folder: string,
  results: TestResult[],
  coverage: ClassCoverage[],
  seconds: number,
  assumed: Citation[] = []
): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'local-runtime-junit.xml'), junitXml(results));
  const summary = coverageSummary(coverage);
  writeFileSync(
    join(folder, 'local-runtime-results.json'),
    `${JSON.stringify(
      {
        summary: summaryLine(results),
        seconds,
        passed: results.filter((r) => r.outcome === 'pass').length,
        failed: results.filter((r) => r.outcome === 'fail').length,
        unsupported: results.filter((r) => r.outcome === 'unsupported').length,
        assumed,
        tests: results,
      },
      null,
      2
    )}\n`
  );
  writeFileSync(
    join(folder, 'local-runtime-coverage.json'),
    `${JSON.stringify({ summary, classes: coverage }, null, 2)}\n`
  );
}
