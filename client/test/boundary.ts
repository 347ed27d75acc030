// The client is a workspace of its own: every module specifier in a file under client/ must
// stay inside client/, be a Node built-in, or name a package that client/package.json
// declares. Read with the TypeScript parser, so comments, strings and template text that
// merely look like imports are not mistaken for them, and every import form is seen.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ModuleReference {
  /** The specifier as written, or undefined when it is not a string literal. */
  specifier: string | undefined;
  line: number;
  kind: string;
}

export interface BoundaryViolation {
  file: string;
  line: number;
  kind: string;
  specifier: string;
  reason: string;
}

const SOURCE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage']);
const BUILTINS = new Set(builtinModules);

function scriptKind(fileName: string): ts.ScriptKind {
  const extension = extname(fileName);
  if (extension === '.tsx') return ts.ScriptKind.TSX;
  return ['.js', '.mjs', '.cjs'].includes(extension) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** `require.resolve.paths` for that callee, undefined for anything but a dotted name. */
function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const object = calleeName(callee.expression);
  return object === undefined ? undefined : `${object}.${callee.name.text}`;
}

/** The calls that load or locate a module by name. */
const REQUIRES = new Set(['require', 'require.resolve', 'require.resolve.paths']);

/**
 * Every place a source names another module: import and export declarations, `import x =
 * require()`, `import()` calls and types, `require()`, `require.resolve()` and
 * `require.resolve.paths()` calls, and triple-slash path references.
 */
export function moduleReferences(fileName: string, text: string): ModuleReference[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    scriptKind(fileName)
  );
  const found: ModuleReference[] = [];
  const add = (node: ts.Node, kind: string, expression: ts.Node | undefined): void => {
    found.push({
      specifier: expression && ts.isStringLiteralLike(expression) ? expression.text : undefined,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      kind,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, 'import', node.moduleSpecifier);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, 'export from', node.moduleSpecifier);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node, 'import = require', node.moduleReference.expression);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, 'import()', node.arguments[0]);
    } else if (ts.isCallExpression(node) && REQUIRES.has(calleeName(node.expression) ?? '')) {
      add(node, `${calleeName(node.expression)}()`, node.arguments[0]);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      add(node, 'import type()', ts.isLiteralTypeNode(argument) ? argument.literal : undefined);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const reference of source.referencedFiles) {
    found.push({
      specifier: reference.fileName,
      line: source.getLineAndCharacterOfPosition(reference.pos).line + 1,
      kind: '/// <reference path>',
    });
  }
  return found;
}

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function inside(folder: string, path: string): boolean {
  const offset = relative(folder, path);
  return offset !== '..' && !offset.startsWith(`..${sep}`) && !isAbsolute(offset);
}

/** Why a reference leaves the client, or undefined when it stays inside. */
export function whyOutside(
  clientDir: string,
  file: string,
  reference: ModuleReference,
  declared: ReadonlySet<string>
): string | undefined {
  const { specifier } = reference;
  if (specifier === undefined) {
    return 'the module is computed, so where it comes from cannot be checked';
  }
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    return inside(clientDir, resolve(dirname(file), specifier))
      ? undefined
      : 'the path leaves client/';
  }
  if (specifier.startsWith('node:') || BUILTINS.has(specifier)) {
    return undefined;
  }
  return declared.has(packageName(specifier))
    ? undefined
    : `package ${packageName(specifier)} is not declared in client/package.json`;
}

/** The packages client/package.json declares, of any kind. */
export function declaredPackages(clientDir: string): Set<string> {
  const manifest = JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  return new Set(
    ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap(
      (field) => Object.keys(manifest[field] ?? {})
    )
  );
}

export function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((entry) => !SKIPPED_FOLDERS.has(entry))
    .flatMap((entry) => {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return SOURCE_EXTENSIONS.has(extname(entry)) ? [path] : [];
    })
    .sort();
}

/** Every reference of one source that leaves the client. */
export function violationsIn(
  clientDir: string,
  file: string,
  text: string,
  declared: ReadonlySet<string>
): BoundaryViolation[] {
  return moduleReferences(file, text).flatMap((reference) => {
    const reason = whyOutside(clientDir, file, reference, declared);
    return reason === undefined
      ? []
      : [
          {
            file: relative(clientDir, file).split(sep).join('/'),
            line: reference.line,
            kind: reference.kind,
            specifier: reference.specifier ?? '(computed)',
            reason,
          },
        ];
  });
}

/** The files checked, how many references they hold, and those that leave the client. */
export function checkClientBoundary(clientDir: string): {
  files: string[];
  references: number;
  violations: BoundaryViolation[];
} {
  const declared = declaredPackages(clientDir);
  const files = sourceFiles(clientDir);
  let references = 0;
  const violations = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    references += moduleReferences(file, text).length;
    return violationsIn(clientDir, file, text, declared);
  });
  return { files, references, violations };
}
