// Runs node:test files through tsx and reads the spec reporter's totals: npm test's node stage
// and the browser tests read the same lines, so they are read in one place.
import { join } from 'node:path';
import { exec } from './exec';

export interface NodeTestOutcome {
  ok: boolean;
  passed: number;
  failed: number;
  /** The reporter's totals when every test passed, else the end of its output. */
  detail: string;
}

/** The counts of a spec reporter's summary (`ℹ pass 12`, `ℹ fail 0`); 0 when a line is missing. */
export function nodeTestCounts(output: string): { passed: number; failed: number } {
  const count = (name: string): number =>
    Number(new RegExp(`^ℹ ${name} (\\d+)`, 'm').exec(output)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') };
}

export function runNodeTests(
  root: string,
  files: string[],
  extraArgs: string[] = []
): NodeTestOutcome {
  const result = exec(
    join(root, 'node_modules', '.bin', 'tsx'),
    ['--test', '--test-reporter=spec', ...extraArgs, ...files],
    { cwd: root, env: { FORCE_COLOR: '0' } }
  );
  const output = `${result.stdout}${result.stderr}`;
  const { passed, failed } = nodeTestCounts(output);
  // A run that found no test at all is not a pass.
  const ok = result.status === 0 && passed > 0 && failed === 0;
  const summary = output
    .split('\n')
    .filter((line) => /^ℹ (tests|pass|fail|duration_ms)/.test(line));
  return {
    ok,
    passed,
    failed,
    detail: ok ? summary.join('\n') : output.trim().split('\n').slice(-150).join('\n'),
  };
}
