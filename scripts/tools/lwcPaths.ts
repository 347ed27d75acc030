// tsconfig `paths` cannot map `c/*` to components spread over feature folders with one
// pattern, so this writes one entry per component into tsconfig.json and tsconfig.lwc.json.
// `npm run build` runs it with --write; `npm test` runs it with --check and fails on drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lwcBundles, rel } from '../lib/project';

const CONFIGS = ['tsconfig.json', 'tsconfig.lwc.json'];

interface TsConfig {
  compilerOptions: { paths?: Record<string, string[]> };
}

export function expectedPaths(root: string): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const bundle of lwcBundles(root)) {
    paths[`c/${bundle.name}`] = [`${rel(root, bundle.folder)}/${bundle.name}.ts`];
  }
  return paths;
}

export function syncLwcPaths(root: string, write: boolean): string[] {
  const expected = expectedPaths(root);
  const stale: string[] = [];
  for (const name of CONFIGS) {
    const file = join(root, name);
    const config = JSON.parse(readFileSync(file, 'utf8')) as TsConfig;
    if (JSON.stringify(config.compilerOptions.paths ?? {}) !== JSON.stringify(expected)) {
      stale.push(name);
      if (write) {
        config.compilerOptions.paths = expected;
        writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
      }
    }
  }
  return stale;
}

if (require.main === module) {
  const root = resolve(__dirname, '..', '..');
  const write = process.argv.includes('--write');
  const stale = syncLwcPaths(root, write);
  if (stale.length > 0 && !write) {
    console.error(`c/* paths are out of date in ${stale.join(', ')}: run npm run build`);
    process.exit(1);
  }
  console.log(
    write && stale.length > 0 ? `updated c/* paths in ${stale.join(', ')}` : 'c/* paths up to date'
  );
}
