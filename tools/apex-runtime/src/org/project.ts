// Reads an SFDX project: its package directories (sfdx-project.json), every Apex class and
// trigger in them, parsed and lowered, and the names of its named credentials (callout
// endpoints). Other metadata (objects, permission sets ...) is read by the schema loader.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { ClassDecl, TriggerDecl } from '../parse/ast';
import { parseClass, parseTrigger } from '../parse/parse';
import {
  NAMED_CREDENTIAL_SUFFIX,
  readNamedCredential,
  type NamedCredentialInfo,
} from './namedCredentials';

export interface ApexProject {
  root: string;
  namespace: string;
  packageDirectories: string[];
  classes: ClassDecl[];
  triggers: TriggerDecl[];
  /** `namedCredentials/<Name>.namedCredential-meta.xml`, by name: what `callout:<Name>` may use. */
  namedCredentials: Map<string, NamedCredentialInfo>;
}

function walk(folder: string, out: string[] = []): string[] {
  if (!existsSync(folder)) {
    return out;
  }
  for (const entry of readdirSync(folder).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) {
      continue;
    }
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      walk(path, out);
    } else {
      out.push(path);
    }
  }
  return out;
}

export function readProjectConfig(root: string): {
  namespace: string;
  packageDirectories: string[];
} {
  const config = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
    namespace?: string;
    packageDirectories: { path: string }[];
  };
  return {
    namespace: config.namespace ?? '',
    packageDirectories: config.packageDirectories.map((d) => d.path),
  };
}

/** Loads the project at `root`; `extraDirs` (absolute) add Apex from outside its package directories. */
export function loadProject(root: string, extraDirs: string[] = []): ApexProject {
  const { namespace, packageDirectories } = readProjectConfig(root);
  const classes: ClassDecl[] = [];
  const triggers: TriggerDecl[] = [];
  const namedCredentials = new Map<string, NamedCredentialInfo>();
  const dirs = [...packageDirectories.map((d) => join(root, d)), ...extraDirs];
  for (const dir of dirs) {
    for (const file of walk(dir)) {
      const rel = relative(root, file);
      if (file.endsWith('.cls')) {
        classes.push(parseClass(readFileSync(file, 'utf8'), basename(file, '.cls'), rel));
      } else if (file.endsWith('.trigger')) {
        triggers.push(parseTrigger(readFileSync(file, 'utf8'), basename(file, '.trigger'), rel));
      } else if (file.endsWith(NAMED_CREDENTIAL_SUFFIX)) {
        const credential = readNamedCredential(file);
        namedCredentials.set(credential.name, credential);
      }
    }
  }
  return { root, namespace, packageDirectories, classes, triggers, namedCredentials };
}
