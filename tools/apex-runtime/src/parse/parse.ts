// Reads an SFDX project's Apex (classes and triggers) and lowers each file once. Trees are
// cached in memory by the file's content hash, so a file that did not change is not parsed
// again within one process (the runner, the local org and the benchmark share the cache).
import { createHash } from 'node:crypto';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type { ClassDecl, TriggerDecl } from './ast';
import { Lowerer } from './lower';

class Problems extends ApexErrorListener {
  readonly found: string[] = [];

  apexSyntaxError(line: number, column: number, message: string): void {
    this.found.push(`line ${line}, column ${column}: ${message}`);
  }
}

export class ApexSyntaxError extends Error {}

const cache = new Map<string, ClassDecl | TriggerDecl>();

function hashOf(kind: string, file: string, text: string): string {
  return createHash('sha256')
    .update(kind)
    .update('\0')
    .update(file)
    .update('\0')
    .update(text)
    .digest('hex');
}

export function parseClass(text: string, unit: string, file: string): ClassDecl {
  const key = hashOf('class', file, text);
  const cached = cache.get(key);
  if (cached) {
    return cached as ClassDecl;
  }
  const problems = new Problems();
  const { parser } = ApexParserFactory.createLexerAndParser(text, problems);
  const tree = parser.compilationUnit();
  if (problems.found.length) {
    throw new ApexSyntaxError(`${file}: ${problems.found.join('; ')}`);
  }
  const lowerer = new Lowerer(unit, file);
  const typeDecl = tree.typeDeclaration();
  const inner =
    typeDecl.classDeclaration() ?? typeDecl.interfaceDeclaration() ?? typeDecl.enumDeclaration();
  const decl = lowerer.classDecl(inner, lowerer.modifiers(typeDecl.modifier_list()), null);
  cache.set(key, decl);
  return decl;
}

export function parseTrigger(text: string, unit: string, file: string): TriggerDecl {
  const key = hashOf('trigger', file, text);
  const cached = cache.get(key);
  if (cached) {
    return cached as TriggerDecl;
  }
  const problems = new Problems();
  const { parser } = ApexParserFactory.createLexerAndParser(text, problems);
  const tree = parser.triggerUnit();
  if (problems.found.length) {
    throw new ApexSyntaxError(`${file}: ${problems.found.join('; ')}`);
  }
  const decl = new Lowerer(unit, file).trigger(tree);
  cache.set(key, decl);
  return decl;
}

/** Anonymous Apex (`sf apex run`): its statements become the body of a synthetic class method. */
export function parseAnonymous(text: string, file: string): ClassDecl {
  // The header shares the script's first line, so line numbers are the script's own.
  const wrapped = `public class AnonymousBlock { public static void run() { ${text}\n} }`;
  const decl = parseClass(wrapped, 'AnonymousBlock', file);
  return decl;
}
