// Reads an SFDX project's Apex (classes and triggers) and lowers each file once. Lowered trees
// are cached by the hash of the file's content (and of the lowering code): in memory within a
// process, and on disk between processes (node_modules/.cache/apex-runtime, or
// APEX_RUNTIME_CACHE), so a file that did not change is not parsed again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { ApexDecimal, ApexDouble } from '../interpreter/values';
import type { ClassDecl, TriggerDecl } from './ast';
import { Lowerer } from './lower';

class Problems extends ApexErrorListener {
  readonly found: string[] = [];

  apexSyntaxError(line: number, column: number, message: string): void {
    this.found.push(`line ${line}, column ${column}: ${message}`);
  }
}

export class ApexSyntaxError extends Error {}

const memory = new Map<string, ClassDecl | TriggerDecl>();

/** Changes to the lowering change every key, so a stale tree is never read back. */
const LOWERING_VERSION = createHash('sha256')
  .update(
    ['ast.ts', 'lower.ts', 'parse.ts']
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\0')
  )
  .digest('hex')
  .slice(0, 16);

function cacheFolder(): string {
  const configured = process.env.APEX_RUNTIME_CACHE;
  if (configured) {
    return configured;
  }
  const modules = join(process.cwd(), 'node_modules');
  return existsSync(modules)
    ? join(modules, '.cache', 'apex-runtime')
    : join(tmpdir(), 'apex-runtime-cache');
}

function hashOf(kind: string, file: string, text: string): string {
  return createHash('sha256')
    .update(LOWERING_VERSION)
    .update(kind)
    .update('\0')
    .update(file)
    .update('\0')
    .update(text)
    .digest('hex');
}

// ---- the on-disk form: JSON, with the values JSON lacks tagged, and no back-references ----

function replacer(key: string, value: unknown): unknown {
  if (key === 'owner' || key === 'outer' || key === 'query' || key === 'binds') {
    return undefined;
  }
  if (typeof value === 'bigint') {
    return { $long: value.toString() };
  }
  if (value instanceof ApexDecimal) {
    return { $decimal: [value.value, value.scale] };
  }
  if (value instanceof ApexDouble) {
    return { $double: value.value };
  }
  if (value instanceof Set) {
    return { $set: [...(value as Set<unknown>)] };
  }
  if (value instanceof Map) {
    return { $map: [...(value as Map<unknown, unknown>)] };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('$long' in v) {
      return BigInt(v.$long as string);
    }
    if ('$decimal' in v) {
      const [n, scale] = v.$decimal as [number, number];
      return new ApexDecimal(n, scale);
    }
    if ('$double' in v) {
      return new ApexDouble(v.$double as number);
    }
    if ('$set' in v) {
      return new Set(v.$set as unknown[]);
    }
    if ('$map' in v) {
      return new Map(v.$map as [unknown, unknown][]);
    }
    if (v.k === 'soql') {
      // Re-parsed on first run (lower.ts hydrateSoql).
      v.query = null;
      v.binds = new Map();
    }
  }
  return value;
}

function relink(decl: ClassDecl, outer: ClassDecl | null): void {
  decl.outer = outer;
  for (const m of [...decl.methods, ...decl.ctors]) {
    m.owner = decl;
  }
  for (const inner of decl.inner) {
    relink(inner, decl);
  }
}

function fromDisk<T extends ClassDecl | TriggerDecl>(key: string): T | null {
  const path = join(cacheFolder(), `${key}.json`);
  if (!existsSync(path)) {
    return null;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'), reviver) as T;
  } catch {
    return null;
  }
}

function toDisk(key: string, decl: ClassDecl | TriggerDecl): void {
  try {
    const folder = cacheFolder();
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${key}.json`);
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(decl, replacer));
    renameSync(partial, path);
  } catch {
    // A cache that cannot be written only costs the next process a parse.
  }
}

function parseOrRead<T extends ClassDecl | TriggerDecl>(
  kind: 'class' | 'trigger',
  text: string,
  unit: string,
  file: string
): T {
  const key = hashOf(kind, file, text);
  const cached = memory.get(key) ?? fromDisk<T>(key);
  if (cached) {
    if (kind === 'class') {
      relink(cached as ClassDecl, null);
    }
    memory.set(key, cached);
    return cached as T;
  }
  const problems = new Problems();
  const { parser } = ApexParserFactory.createLexerAndParser(text, problems);
  const lowerer = new Lowerer(unit, file, text);
  let decl: ClassDecl | TriggerDecl;
  if (kind === 'class') {
    const tree = parser.compilationUnit();
    if (problems.found.length) {
      throw new ApexSyntaxError(`${file}: ${problems.found.join('; ')}`);
    }
    const typeDecl = tree.typeDeclaration();
    const inner =
      typeDecl.classDeclaration() ?? typeDecl.interfaceDeclaration() ?? typeDecl.enumDeclaration();
    decl = lowerer.classDecl(inner, lowerer.modifiers(typeDecl.modifier_list()), null);
  } else {
    const tree = parser.triggerUnit();
    if (problems.found.length) {
      throw new ApexSyntaxError(`${file}: ${problems.found.join('; ')}`);
    }
    decl = lowerer.trigger(tree);
  }
  memory.set(key, decl);
  toDisk(key, decl);
  return decl as T;
}

/** Forgets the trees held in memory (the disk cache stays): for tests and the benchmark. */
export function forgetTreesInMemory(): void {
  memory.clear();
}

export function parseClass(text: string, unit: string, file: string): ClassDecl {
  return parseOrRead<ClassDecl>('class', text, unit, file);
}

export function parseTrigger(text: string, unit: string, file: string): TriggerDecl {
  return parseOrRead<TriggerDecl>('trigger', text, unit, file);
}

/** Anonymous Apex (`sf apex run`): its statements become the body of a synthetic class method. */
export function parseAnonymous(text: string, file: string): ClassDecl {
  // The header shares the script's first line, so line numbers are the script's own.
  const wrapped = `public class AnonymousBlock { public static void run() { ${text}\n} }`;
  return parseClass(wrapped, 'AnonymousBlock', file);
}
