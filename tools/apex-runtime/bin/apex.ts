// The runtime's command line, for any SFDX project:
//   apex test [--project DIR] [--class X]... [--method y] [--out DIR] [--include DIR]... [--debug]
//       runs the project's Apex tests (like `sf apex run test`), one line per class, and ends
//       with `apex tests: P passed, F failed, U unsupported of T`; exits 1 unless all pass.
//       --debug prints the System.debug lines of each test that did not pass.
//   apex run FILE [--project DIR] [--data PLAN]
//       runs anonymous Apex against a fresh local org (like `sf apex run`), printing its
//       System.debug lines; with --data, the records of an `sf data import tree` plan first.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalOrg } from '../src/org/localOrg';
import {
  classLine,
  coverageSummary,
  failureDetail,
  summaryLine,
  writeArtifacts,
} from '../src/runner/report';
import { citationsOf, type Citation } from '../src/runner/citations';
import { plan, runTests } from '../src/runner/testRunner';

function main(): number {
  const { values, positionals: words } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      project: { type: 'string', default: process.cwd() },
      class: { type: 'string', multiple: true },
      method: { type: 'string' },
      out: { type: 'string' },
      include: { type: 'string', multiple: true },
      data: { type: 'string' },
      debug: { type: 'boolean', default: false },
    },
  });
  // Options may come before the command (`apex --data plan.json run script.apex`).
  const [command, ...positionals] = words;
  const root = resolve(values.project ?? process.cwd());
  const include = (values.include ?? []).map((d) => resolve(root, d));
  if (command === 'test') {
    const started = performance.now();
    const org = LocalOrg.open(root, { include });
    const loaded = performance.now();
    const classes = values.class ?? [];
    const plans = classes.length
      ? classes.flatMap((className) => plan(org, { className, methodName: values.method }))
      : plan(org, { methodName: values.method });
    if (plans.length === 0) {
      console.error('apex: no test method matches');
      return 1;
    }
    const outcome = runTests(org, plans, (name, results) => {
      console.log(classLine(name, results));
      for (const r of results) {
        if (r.outcome !== 'pass') {
          console.log(failureDetail(r));
          if (values.debug) {
            console.log(r.debug.map((line) => `      | ${line}`).join('\n'));
          }
        }
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const summary = coverageSummary(outcome.coverage);
    const out = resolve(root, values.out ?? 'artifacts/apex-tests');
    // Expectations the tests mark `// assumed:` (no document states them), listed in every run.
    const assumed = plans.flatMap((p) => {
      const citations = citationsOf(p.rc.decl, readFileSync(resolve(root, p.rc.decl.file), 'utf8'));
      return p.tests
        .map((m) => citations.get(m.name.toLowerCase()))
        .filter((c) => c?.assumed) as Citation[];
    });
    writeArtifacts(out, outcome.results, outcome.coverage, seconds, assumed);
    if (assumed.length) {
      console.log(
        `assumed: ${assumed.length} of ${outcome.results.length} expectations rest on no document (each with its reason in local-runtime-results.json)`
      );
    }
    console.log(
      `coverage: ${summary.percent.toFixed(1)}% of ${summary.total} lines (${summary.meetsRule ? 'meets' : 'below'} the platform's 75% rule` +
        `${summary.triggersWithoutCoverage.length ? `; triggers without coverage: ${summary.triggersWithoutCoverage.join(', ')}` : ''})`
    );
    console.log(
      `load ${((loaded - started) / 1000).toFixed(1)} s, run ${((performance.now() - loaded) / 1000).toFixed(1)} s; results in ${out}`
    );
    const line = summaryLine(outcome.results);
    console.log(line);
    const allPassed = outcome.results.every((r) => r.outcome === 'pass');
    return allPassed ? 0 : 1;
  }
  if (command === 'run') {
    const file = positionals[0];
    if (!file) {
      console.error('usage: apex run FILE.apex [--project DIR] [--data PLAN.json]');
      return 2;
    }
    const org = LocalOrg.open(root, { include });
    if (values.data) {
      org.importPlan(resolve(root, values.data));
    }
    const result = org.runAnonymous(readFileSync(resolve(file), 'utf8'), file);
    for (const line of result.debug) {
      console.log(line);
    }
    if (result.error) {
      console.error(result.error);
      return 1;
    }
    return 0;
  }
  console.error('usage: apex test [--class X] [--method y] | apex run FILE.apex');
  return 2;
}

process.exitCode = main();
