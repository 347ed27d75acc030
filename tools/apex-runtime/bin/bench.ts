// Benchmark of the local runtime on a project's Apex tests (a benchmark, not a timed test):
//   apex bench [--project DIR] [--runs N]
// Prints the time to open the org (parse and lower every class, load the schema), then each
// test class's time per run, median of N runs, beside the floor measured in the same process:
// an empty test method, which costs only the runtime's per-test work (a fresh copy of the
// org's data, fresh statics, a transaction).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalOrg } from '../src/org/localOrg';
import { forgetTreesInMemory } from '../src/parse/parse';
import { plan, runTests } from '../src/runner/testRunner';

const FLOOR_CLASS = 'RuntimeFloor_Bench';

function median(values: number[]): number {
  if (!values.length) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  // Not empty: mid, and mid - 1 when the length is even, are indices of sorted.
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      project: { type: 'string', default: process.cwd() },
      runs: { type: 'string', default: '3' },
    },
  });
  const root = resolve(values.project ?? process.cwd());
  const runs = Math.max(1, Number(values.runs));
  const floorDir = mkdtempSync(join(tmpdir(), 'apex-bench-'));
  writeFileSync(
    join(floorDir, `${FLOOR_CLASS}.cls`),
    `@IsTest\nprivate class ${FLOOR_CLASS} {\n  @IsTest\n  static void itShouldDoNothing() {\n    System.Assert.isTrue(true, 'the floor does no work');\n  }\n}\n`
  );
  try {
    // Opening the org three ways: nothing cached (an empty cache folder), trees from the disk
    // cache (a new process's case), trees already in memory.
    const timeOpen = (): { org: LocalOrg; seconds: number } => {
      const started = performance.now();
      const opened = LocalOrg.open(root, { include: [floorDir] });
      return { org: opened, seconds: (performance.now() - started) / 1000 };
    };
    const previousCache = process.env.APEX_RUNTIME_CACHE;
    process.env.APEX_RUNTIME_CACHE = join(floorDir, 'cache');
    forgetTreesInMemory();
    const cold = timeOpen();
    forgetTreesInMemory();
    const fromDisk = timeOpen();
    const inMemory = timeOpen();
    if (previousCache === undefined) {
      delete process.env.APEX_RUNTIME_CACHE;
    } else {
      process.env.APEX_RUNTIME_CACHE = previousCache;
    }
    const org = inMemory.org;

    const plans = plan(org);
    const perClass = new Map<string, { methods: number; ms: number[] }>();
    const totals: number[] = [];
    let outcome = '';
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const result = runTests(org, plans, (name, results) => {
        const entry = perClass.get(name) ?? { methods: results.length, ms: [] };
        entry.ms.push(results.reduce((sum, r) => sum + r.milliseconds, 0));
        perClass.set(name, entry);
      });
      totals.push(performance.now() - started);
      const failed = result.results.filter((r) => r.outcome !== 'pass').length;
      outcome = `${result.results.length - failed} of ${result.results.length} passed`;
    }
    const floor = perClass.get(FLOOR_CLASS);
    const floorMs = floor ? median(floor.ms) : NaN;
    const rows = [...perClass]
      .filter(([name]) => name !== FLOOR_CLASS)
      .map(([name, e]) => ({ name, methods: e.methods, ms: median(e.ms) }))
      .sort((a, b) => b.ms - a.ms);

    console.log(`apex runtime benchmark: ${root}`);
    console.log(
      `open the org (parse and lower, schema, bootstrap): ${cold.seconds.toFixed(2)} s with nothing cached, ` +
        `${fromDisk.seconds.toFixed(2)} s with trees from the disk cache, ${inMemory.seconds.toFixed(2)} s with trees in memory`
    );
    console.log(
      `runs: ${runs}; last run: ${outcome}; all tests ${(median(totals) / 1000).toFixed(2)} s (median)`
    );
    console.log(`floor: an empty test method, ${floorMs.toFixed(2)} ms`);
    console.log('');
    console.log('| class | methods | ms (median) | ms per method | per method / floor |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const perMethod = r.ms / r.methods;
      console.log(
        `| ${r.name} | ${r.methods} | ${r.ms.toFixed(0)} | ${perMethod.toFixed(1)} | ${(perMethod / floorMs).toFixed(1)}x |`
      );
    }
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
}

main();
