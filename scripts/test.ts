// `npm test`: every gate, one after another, each timed. It runs all stages even after a
// failure, so one run shows everything that is wrong, and exits non-zero if any stage failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkApexSemantics } from './checks/apexSemantics';
import { checkApexSyntax } from './checks/apexSyntax';
import { checkApexTestShape } from './checks/apexTestShape';
import { checkCodeAnalyzer } from './checks/codeAnalyzer';
import { checkFieldReferences } from './checks/fieldReferences';
import { checkLwcCompile } from './checks/lwcCompile';
import { checkMetadata } from './checks/metadata';
import { formatFinding, type CheckResult } from './lib/findings';
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

const stages: {
  name: string;
  run: () =>
    Promise<Omit<StageOutcome, 'name' | 'seconds'>> | Omit<StageOutcome, 'name' | 'seconds'>;
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
    name: 'typecheck: components, tests, types, scripts (tsc --noEmit)',
    run: () => {
      const result = command('tsc', ['-p', 'tsconfig.json']);
      return { ok: result.ok, detail: result.ok ? 'no type errors' : tail(result.output) };
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
      const result = command('jest', ['--coverage', '--json', '--outputFile', report]);
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
    name: 'node tests: planted defects, identity vectors, API contract, client',
    run: () => {
      const files = [
        ...walk(ROOT, join(ROOT, 'scripts')),
        ...walk(ROOT, join(ROOT, 'client')),
      ].filter((f) => f.endsWith('.test.ts'));
      const result = command('tsx', ['--test', '--test-reporter=spec', ...files]);
      const passed = Number(/ℹ pass (\d+)/.exec(result.output)?.[1] ?? 0);
      const failed = Number(/ℹ fail (\d+)/.exec(result.output)?.[1] ?? 0);
      const summary = result.output
        .split('\n')
        .filter((l) => /^ℹ (tests|pass|fail|duration_ms)/.test(l));
      return {
        ok: result.ok && passed > 0,
        tests: { passed, failed },
        detail: result.ok ? summary.join('\n') : tail(result.output, 150),
      };
    },
  },
];

async function main(): Promise<void> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const only = process.argv.slice(2);
  const outcomes: StageOutcome[] = [];
  const started = Date.now();
  for (const stage of stages) {
    if (only.length > 0 && !only.some((word) => stage.name.startsWith(word))) {
      continue;
    }
    const begin = Date.now();
    let outcome: Omit<StageOutcome, 'name' | 'seconds'>;
    try {
      outcome = await stage.run();
    } catch (error) {
      outcome = {
        ok: false,
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    const seconds = (Date.now() - begin) / 1000;
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
