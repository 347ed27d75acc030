// `npm test`: every gate, one after another, each timed. It runs all stages even after a
// failure, so one run shows everything that is wrong, and exits non-zero if any stage failed.
// The browser stage spends most of its time waiting on Chromium, so it runs in a child process
// alongside the others and is reported in its place.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkApexSemantics } from './checks/apexSemantics';
import { checkApexSyntax } from './checks/apexSyntax';
import { checkApexTestShape } from './checks/apexTestShape';
import { checkCodeAnalyzer } from './checks/codeAnalyzer';
import { checkFeatureDependencies } from './checks/featureDependencies';
import { checkFieldReferences } from './checks/fieldReferences';
import { checkLwcCompile } from './checks/lwcCompile';
import { checkMetadata } from './checks/metadata';
import { formatFinding, type CheckResult } from './lib/findings';
import { runNodeTests } from './lib/nodeTests';
import { walk } from './lib/project';
import { syncLwcPaths } from './tools/lwcPaths';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const ARTIFACTS = join(ROOT, 'artifacts');

interface StageOutcome {
  name: string;
  ok: boolean;
  seconds: number;
  detail: string;
  tests?: { passed: number; failed: number };
}

function command(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv = {}
): { ok: boolean; output: string } {
  const result = spawnSync(join(BIN, bin), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
  };
}

function fromCheck(result: CheckResult): { ok: boolean; detail: string } {
  const lines = result.findings.map(formatFinding);
  return { ok: result.findings.length === 0, detail: [result.summary, ...lines].join('\n') };
}

function tail(text: string, lines = 60): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

type StageResult = Omit<StageOutcome, 'name' | 'seconds'>;

/**
 * Runs a stage script in a child process whose output goes to a file (a pipe would fill while
 * the other stages block this process), and reads its last line for the test counts.
 */
function runInBackground(
  script: string,
  logName: string
): Promise<StageResult & { seconds: number }> {
  const begin = Date.now();
  const logFile = join(ARTIFACTS, logName);
  const log = openSync(logFile, 'w');
  const child = spawn(join(BIN, 'tsx'), [script], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', log, log],
  });
  return new Promise((resolvePromise) => {
    const finish = (code: number | null, error?: Error): void => {
      closeSync(log);
      const output = readFileSync(logFile, 'utf8') + (error ? String(error) : '');
      const counts = /(\d+) passed, (\d+) failed\s*$/.exec(output.trim());
      const passed = Number(counts?.[1] ?? 0);
      const failed = Number(counts?.[2] ?? 0);
      resolvePromise({
        ok: code === 0 && passed > 0 && failed === 0,
        tests: { passed, failed },
        detail: code === 0 ? tail(output, 8) : tail(output, 150),
        seconds: (Date.now() - begin) / 1000,
      });
    };
    child.on('error', (error) => finish(null, error));
    child.on('exit', (code) => finish(code));
  });
}

const stages: {
  name: string;
  /** Started before the first stage and awaited in its place. */
  background?: boolean;
  run: () => Promise<StageResult> | StageResult;
}[] = [
  {
    name: 'build: component JavaScript (tsc -p tsconfig.lwc.json)',
    run: () => {
      const stale = syncLwcPaths(ROOT, false);
      if (stale.length > 0) {
        return {
          ok: false,
          detail: `c/* paths out of date in ${stale.join(', ')}: run npm run build`,
        };
      }
      const result = command('tsc', ['-p', 'tsconfig.lwc.json']);
      return { ok: result.ok, detail: result.ok ? 'compiled' : tail(result.output) };
    },
  },
  {
    name: 'typecheck: components, tests, types, scripts, client, apex runtime (tsc --noEmit)',
    run: () => {
      // The client workspace and the local Apex runtime type-check on their own tsconfig: they
      // take nothing from the project.
      const project = command('tsc', ['-p', 'tsconfig.json']);
      const client = command('tsc', ['-p', join('client', 'tsconfig.json')]);
      const runtime = command('tsc', ['-p', join('tools', 'apex-runtime', 'tsconfig.json')]);
      const ok = project.ok && client.ok && runtime.ok;
      return {
        ok,
        detail: ok
          ? 'no type errors (project, client and apex runtime)'
          : tail(project.output + client.output + runtime.output),
      };
    },
  },
  {
    name: 'lint: ESLint at zero warnings',
    run: () => {
      const result = command('eslint', ['--max-warnings', '0', '.']);
      return { ok: result.ok, detail: result.ok ? 'no findings' : tail(result.output, 80) };
    },
  },
  {
    name: 'format: Prettier (Apex included)',
    run: () => {
      const result = command('prettier', ['--check', '.']);
      return { ok: result.ok, detail: result.ok ? 'all files formatted' : tail(result.output) };
    },
  },
  { name: 'apex syntax (apex-parser)', run: () => fromCheck(checkApexSyntax(ROOT)) },
  {
    name: 'feature dependencies (the diagram in ARCHITECTURE.md; apex-parser, tsc)',
    run: () => fromCheck(checkFeatureDependencies(ROOT)),
  },
  {
    name: 'apex semantics (apex-ls)',
    run: () => {
      const result = checkApexSemantics(ROOT);
      const outcome = fromCheck(result);
      return {
        ...outcome,
        detail: `${outcome.detail}${result.unused.length ? `\n(unused, informational: ${result.unused.length})` : ''}`,
      };
    },
  },
  {
    name: 'field references (SOQL and standard objects)',
    run: () => fromCheck(checkFieldReferences(ROOT)),
  },
  {
    name: 'metadata (XML, pairs, references, source conversion)',
    run: () => fromCheck(checkMetadata(ROOT)),
  },
  { name: 'apex test shape', run: () => fromCheck(checkApexTestShape(ROOT)) },
  { name: 'component bundles (@lwc/compiler)', run: () => fromCheck(checkLwcCompile(ROOT)) },
  { name: 'code analyzer (PMD 7)', run: async () => fromCheck(await checkCodeAnalyzer(ROOT)) },
  {
    name: 'jest: components with coverage thresholds',
    run: () => {
      const report = join(ARTIFACTS, 'jest-results.json');
      // --no-cache: @lwc/jest-transformer's cache key ignores coverage instrumentation, so after
      // a run without --coverage a cached, uninstrumented component silently leaves the report.
      const result = command('jest', [
        '--coverage',
        '--no-cache',
        '--json',
        '--outputFile',
        report,
      ]);
      const parsed = existsSync(report)
        ? (JSON.parse(readFileSync(report, 'utf8')) as {
            numPassedTests: number;
            numFailedTests: number;
          })
        : undefined;
      const tests = parsed
        ? { passed: parsed.numPassedTests, failed: parsed.numFailedTests }
        : undefined;
      const summary = result.output
        .split('\n')
        .filter((l) =>
          /^(Tests:|Test Suites:|Statements|Branches|Functions|Lines|Jest: )/.test(l.trim())
        );
      return {
        ok: result.ok,
        tests,
        detail: result.ok ? summary.join('\n') : tail(result.output, 120),
      };
    },
  },
  {
    name: 'apex tests: the package and the conformance suite on the local Apex runtime',
    run: () => {
      const runs = [
        { label: 'package', args: ['test'] },
        {
          label: 'conformance',
          args: [
            'test',
            '--project',
            join('tools', 'apex-runtime', 'conformance'),
            '--out',
            join('artifacts', 'apex-conformance'),
          ],
        },
      ].map((r) => ({
        ...r,
        result: command('tsx', [join('tools', 'apex-runtime', 'bin', 'apex.ts'), ...r.args]),
      }));
      let passed = 0;
      let failed = 0;
      const lines: string[] = [];
      for (const r of runs) {
        const summary =
          /^apex tests: (\d+) passed, (\d+) failed, (\d+) unsupported of (\d+)$/m.exec(
            r.result.output
          );
        passed += Number(summary?.[1] ?? 0);
        // Unsupported is never a pass: it counts as a failure here.
        failed += Number(summary?.[2] ?? 0) + Number(summary?.[3] ?? 0);
        const coverage = /^coverage: .*$/m.exec(r.result.output)?.[0];
        lines.push(
          `${r.label}: ${summary?.[0] ?? 'no summary line'}${r.label === 'package' && coverage ? `\n  ${coverage}` : ''}`
        );
      }
      const ok = runs.every((r) => r.result.ok) && passed > 0;
      return {
        ok,
        tests: { passed, failed },
        detail: ok
          ? lines.join('\n')
          : [
              ...lines,
              ...runs.filter((r) => !r.result.ok).map((r) => tail(r.result.output, 80)),
            ].join('\n'),
      };
    },
  },
  {
    name: 'node tests: planted defects, API contract, client, apex runtime',
    run: () => {
      const files = [
        ...walk(ROOT, join(ROOT, 'scripts')),
        ...walk(ROOT, join(ROOT, 'client')),
        ...walk(ROOT, join(ROOT, 'tools', 'apex-runtime', 'tests')),
      ].filter((f) => f.endsWith('.test.ts'));
      const result = runNodeTests(ROOT, files);
      return {
        ok: result.ok,
        tests: { passed: result.passed, failed: result.failed },
        detail: result.detail,
      };
    },
  },
  {
    name: 'browser: workbench components in Chromium (playwright-core, axe-core; alongside)',
    background: true,
    run: () => runInBackground(join(ROOT, 'workbench', 'tests', 'run.ts'), 'browser.log'),
  },
];

async function main(): Promise<void> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const only = process.argv.slice(2);
  const outcomes: StageOutcome[] = [];
  const started = Date.now();
  const selected = stages.filter(
    (stage) => only.length === 0 || only.some((word) => stage.name.startsWith(word))
  );
  const running = new Map(
    selected
      .filter((stage) => stage.background)
      .map((stage) => [stage.name, Promise.resolve(stage.run())] as const)
  );
  for (const stage of selected) {
    const begin = Date.now();
    let outcome: StageResult;
    let seconds: number;
    try {
      outcome = await (running.get(stage.name) ?? stage.run());
      // A background stage reports its own wall time, not the wait at its place.
      seconds = 'seconds' in outcome ? Number(outcome.seconds) : (Date.now() - begin) / 1000;
    } catch (error) {
      outcome = {
        ok: false,
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      seconds = (Date.now() - begin) / 1000;
    }
    outcomes.push({ name: stage.name, seconds, ...outcome });
    console.log(`\n${outcome.ok ? 'PASS' : 'FAIL'}  ${stage.name}  (${seconds.toFixed(1)} s)`);
    console.log(outcome.detail.replace(/^/gm, '      '));
  }
  const total = (Date.now() - started) / 1000;
  console.log('\nStage times');
  for (const outcome of outcomes) {
    console.log(
      `  ${outcome.ok ? 'ok  ' : 'FAIL'}  ${outcome.seconds.toFixed(1).padStart(6)} s  ${outcome.name}`
    );
  }
  console.log(`  total ${total.toFixed(1)} s`);
  const failedStages = outcomes.filter((o) => !o.ok).length;
  const passedTests = outcomes.reduce((sum, o) => sum + (o.tests?.passed ?? 0), 0);
  const failedTests = outcomes.reduce((sum, o) => sum + (o.tests?.failed ?? 0), 0);
  console.log(`\nstages: ${outcomes.length - failedStages} passed, ${failedStages} failed`);
  console.log(`tests: ${passedTests} passed, ${failedTests} failed`);
  process.exitCode = failedStages > 0 ? 1 : 0;
}

void main();
