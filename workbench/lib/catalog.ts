// What the workbench shows: every component bundle under force-app/**/lwc that has a template, and
// the entries in workbench/components/<bundle>.ts. Used by the build and by the browser tests.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lwcBundles, rel } from '../../scripts/lib/project';

export interface CatalogBundle {
  name: string;
  /** Custom element name: c-kondo-conversation-history for kondoConversationHistory. */
  tag: string;
  /** Bundle folder relative to the repository root. */
  folder: string;
  /** workbench/components/<name>.ts, if it exists. */
  entryFile: string | undefined;
}

export interface Catalog {
  bundles: CatalogBundle[];
  /** Entry files that name no bundle with a template (renamed or deleted components). */
  orphanEntries: string[];
}

export const ENTRIES_DIR = join('workbench', 'components');

export function tagOf(name: string): string {
  return `c-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export function readCatalog(root: string): Catalog {
  const entriesDir = join(root, ENTRIES_DIR);
  const entryNames = existsSync(entriesDir)
    ? readdirSync(entriesDir)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
        .map((file) => file.replace(/\.ts$/, ''))
    : [];
  const bundles = lwcBundles(root)
    .filter((bundle) => existsSync(join(bundle.folder, `${bundle.name}.html`)))
    .map((bundle) => ({
      name: bundle.name,
      tag: tagOf(bundle.name),
      folder: rel(root, bundle.folder),
      entryFile: entryNames.includes(bundle.name)
        ? join(entriesDir, `${bundle.name}.ts`)
        : undefined,
    }));
  const names = new Set(bundles.map((bundle) => bundle.name));
  return {
    bundles,
    orphanEntries: entryNames.filter((name) => !names.has(name)).map((name) => `${name}.ts`),
  };
}
