// Runs the browser tests: builds the workbench (development mode, LWC's checks on), then runs
// workbench/tests/*.test.ts with node:test. Used by `npm test` (stage "browser") and
// `npm run test:browser`. Without Chromium it fails and says how to install it; it never skips.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbench, ROOT } from '../lib/build';
import { runNodeTests, type NodeTestOutcome } from '../../scripts/lib/nodeTests';
import { chromiumAvailable, MISSING_CHROMIUM } from '../lib/browser';

export async function runBrowserTests(): Promise<NodeTestOutcome> {
  if (!chromiumAvailable()) {
    return { ok: false, passed: 0, failed: 0, detail: MISSING_CHROMIUM };
  }
  const built = await buildWorkbench({ mode: 'development' });
  const testsDir = join(ROOT, 'workbench', 'tests');
  const files = readdirSync(testsDir)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(testsDir, file));
  // Two files at once: each mostly waits on its own Chromium, and node:test would otherwise run
  // one file at a time on a 2-core machine (measured: 79 s serial, 65 s with two).
  const result = runNodeTests(ROOT, files, ['--test-concurrency=2']);
  return {
    ...result,
    detail: `workbench built in ${built.seconds.toFixed(1)} s; screenshots in artifacts/screenshots\n${result.detail}`,
  };
}

if (require.main === module) {
  runBrowserTests().then(
    (outcome) => {
      console.log(outcome.detail);
      // The last line is read by npm test, which runs this file alongside its other stages.
      console.log(`browser tests: ${outcome.passed} passed, ${outcome.failed} failed`);
      process.exitCode = outcome.ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  );
}
