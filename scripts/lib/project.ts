// Finds the project's files the way the checks need them. Every check takes a root folder so
// the planted-defect tests can point it at a throwaway copy instead of the real project.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

export const PACKAGE_DIR = 'force-app';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', 'artifacts']);

export function walk(root: string, folder: string = root): string[] {
  if (!existsSync(folder)) {
    return [];
  }
  const found: string[] = [];
  for (const entry of readdirSync(folder)) {
    if (SKIPPED_FOLDERS.has(entry)) {
      continue;
    }
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      found.push(...walk(root, path));
    } else {
      found.push(path);
    }
  }
  return found.sort();
}

export function packageFiles(root: string): string[] {
  return walk(root, join(root, PACKAGE_DIR));
}

export function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

export interface ApexSource {
  path: string;
  name: string;
  kind: 'class' | 'trigger';
  text: string;
}

export function apexSources(root: string): ApexSource[] {
  return packageFiles(root)
    .filter((path) => path.endsWith('.cls') || path.endsWith('.trigger'))
    .map((path) => ({
      path,
      name: basename(path).replace(/\.(cls|trigger)$/, ''),
      kind: path.endsWith('.cls') ? ('class' as const) : ('trigger' as const),
      text: read(path),
    }));
}

/** A Lightning web component bundle: the folder under an `lwc` folder. */
export interface LwcBundle {
  name: string;
  folder: string;
  files: string[];
}

export function lwcBundles(root: string): LwcBundle[] {
  const bundles = new Map<string, LwcBundle>();
  for (const path of packageFiles(root)) {
    const parts = rel(root, path).split('/');
    const lwcIndex = parts.lastIndexOf('lwc');
    if (lwcIndex < 0 || lwcIndex + 2 >= parts.length) {
      continue;
    }
    const name = parts[lwcIndex + 1] as string;
    const folder = join(root, ...parts.slice(0, lwcIndex + 2));
    const bundle = bundles.get(folder) ?? { name, folder, files: [] };
    bundle.files.push(path);
    bundles.set(folder, bundle);
  }
  return [...bundles.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Fields and objects that the package's own metadata defines, keyed `Object.Field`. */
export interface PackageSchema {
  objects: Set<string>;
  fields: Map<string, PackageField>;
}

export interface PackageField {
  object: string;
  name: string;
  type: string | undefined;
  referenceTo: string | undefined;
  relationshipName: string | undefined;
}

export function packageSchema(root: string): PackageSchema {
  const objects = new Set<string>();
  const fields = new Map<string, PackageField>();
  for (const path of packageFiles(root)) {
    const parts = rel(root, path).split('/');
    const objectsIndex = parts.lastIndexOf('objects');
    if (objectsIndex < 0) {
      continue;
    }
    const object = parts[objectsIndex + 1];
    if (!object) {
      continue;
    }
    if (path.endsWith('.object-meta.xml')) {
      objects.add(object);
    }
    if (path.endsWith('.field-meta.xml')) {
      const name = basename(path).replace('.field-meta.xml', '');
      const xml = read(path);
      fields.set(`${object}.${name}`, {
        object,
        name,
        type: tag(xml, 'type'),
        referenceTo: tag(xml, 'referenceTo'),
        relationshipName: tag(xml, 'relationshipName'),
      });
    }
  }
  return { objects, fields };
}

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();
}
