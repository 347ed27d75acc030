// Check 4: every component bundle's deployed files (the .js that tsc emits beside each .ts,
// the templates and the styles) go through @lwc/compiler, which rejects what the platform would.
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { transformSync } from '@lwc/compiler';
import type { CheckResult, Finding } from '../lib/findings';
import { lwcBundles, read, rel } from '../lib/project';

const DEPLOYED = new Set(['.js', '.html', '.css']);

export function checkLwcCompile(root: string): CheckResult {
  const findings: Finding[] = [];
  const bundles = lwcBundles(root);
  let compiled = 0;
  for (const bundle of bundles) {
    const deployed = bundle.files.filter(
      (f) => DEPLOYED.has(extname(f)) && !f.includes('/__tests__/') && !f.includes('/__mocks__/')
    );
    for (const source of bundle.files.filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('/__tests__/')
    )) {
      const emitted = source.replace(/\.ts$/, '.js');
      if (!existsSync(emitted)) {
        findings.push({
          file: rel(root, source),
          rule: 'lwc-not-built',
          message: `no ${basename(emitted)} beside it: run npm run build (tsc -p tsconfig.lwc.json)`,
        });
      }
    }
    for (const file of deployed) {
      try {
        transformSync(read(file), basename(file), {
          name: bundle.name,
          namespace: 'c',
          outputConfig: { sourcemap: false },
        });
        compiled++;
      } catch (error) {
        const problem = error as { message?: string; location?: { line?: number } };
        findings.push({
          file: rel(root, file),
          line: problem.location?.line,
          rule: 'lwc-compile',
          message: (problem.message ?? String(error)).split('\n')[0] ?? 'compile error',
        });
      }
    }
  }
  return { findings, summary: `${bundles.length} bundles, ${compiled} files compiled` };
}
