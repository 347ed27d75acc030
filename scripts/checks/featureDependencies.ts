// The features of the package and what each may use: the diagram in docs/ARCHITECTURE.md is the
// rule, and this check reads the code's real dependencies against it. Apex references are read
// with the Apex parser (every identifier that names a class of another feature, so comments and
// strings never count), component imports with the TypeScript compiler (`c/<bundle>` and
// `@salesforce/apex/<Class>.<method>`). A reference the diagram does not draw fails, so does an
// arrow nothing uses (the diagram must not describe a design the code left) and a cycle.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { descendants, parseApex, ruleName } from '../lib/apex';
import type { CheckResult, Finding } from '../lib/findings';
import { apexSources, lwcBundles, packageFiles, read, rel } from '../lib/project';

export const ARCHITECTURE = 'docs/ARCHITECTURE.md';
const MAIN = 'force-app/main/';
const DIAGRAM_HEADING = '## Feature dependencies';

export interface FeatureEdge {
  from: string;
  to: string;
}

/** One use of another feature: where, and which class or component it names. */
export interface FeatureReference extends FeatureEdge {
  file: string;
  line: number;
  target: string;
}

/** The feature of a package file (`force-app/main/<feature>/...`), or null outside main. */
export function featureOf(relativePath: string): string | null {
  if (!relativePath.startsWith(MAIN)) {
    return null;
  }
  return relativePath.slice(MAIN.length).split('/')[0] ?? null;
}

/** The arrows of the diagram's mermaid block (`a --> b`, one per line). */
export function declaredEdges(markdown: string): FeatureEdge[] {
  const section = markdown.split(DIAGRAM_HEADING)[1];
  const block = section?.split('```mermaid')[1]?.split('```')[0];
  if (block === undefined) {
    return [];
  }
  const edges: FeatureEdge[] = [];
  for (const line of block.split('\n')) {
    const match = /^\s*([a-z]+)\s*-->\s*([a-z]+)\s*$/.exec(line);
    if (match) {
      edges.push({ from: match[1] as string, to: match[2] as string });
    }
  }
  return edges;
}

// The identifiers of a source, by its text (the planted-defect tests read many copies of one
// tree; walking each parse tree again would dominate their time).
const identifiersByText = new Map<string, { name: string; line: number }[]>();

function identifiersOf(text: string, kind: 'class' | 'trigger'): { name: string; line: number }[] {
  let identifiers = identifiersByText.get(text);
  if (identifiers === undefined) {
    identifiers = [];
    for (const node of descendants(parseApex(text, kind).tree)) {
      if (ruleName(node) === 'Id' || ruleName(node) === 'AnyId') {
        const start = (node as { start?: { line: number } }).start;
        identifiers.push({ name: node.getText(), line: start?.line ?? 0 });
      }
    }
    identifiersByText.set(text, identifiers);
  }
  return identifiers;
}

/** Every reference from an Apex class or trigger to a class of another feature. */
export function apexReferences(root: string): FeatureReference[] {
  const sources = apexSources(root)
    .map((source) => ({ ...source, relative: rel(root, source.path) }))
    .filter((source) => featureOf(source.relative) !== null);
  // Apex names are case-insensitive.
  const featureByClass = new Map<string, string>();
  for (const source of sources) {
    if (source.kind === 'class') {
      featureByClass.set(source.name.toLowerCase(), featureOf(source.relative) as string);
    }
  }
  const references: FeatureReference[] = [];
  for (const source of sources) {
    const from = featureOf(source.relative) as string;
    const seen = new Set<string>();
    for (const { name, line } of identifiersOf(source.text, source.kind)) {
      const to = featureByClass.get(name.toLowerCase());
      if (to === undefined || to === from || seen.has(name.toLowerCase())) {
        continue;
      }
      seen.add(name.toLowerCase());
      references.push({ from, to, file: source.relative, line, target: name });
    }
  }
  return references;
}

/** Every import of a component or an Apex controller of another feature, in component TypeScript. */
export function componentReferences(root: string): FeatureReference[] {
  const featureByBundle = new Map<string, string>();
  for (const bundle of lwcBundles(root)) {
    const feature = featureOf(rel(root, bundle.folder));
    if (feature !== null) {
      featureByBundle.set(bundle.name, feature);
    }
  }
  const featureByClass = new Map<string, string>();
  for (const source of apexSources(root)) {
    const feature = featureOf(rel(root, source.path));
    if (feature !== null && source.kind === 'class') {
      featureByClass.set(source.name.toLowerCase(), feature);
    }
  }
  const references: FeatureReference[] = [];
  const files = packageFiles(root)
    .map((path) => rel(root, path))
    .filter((path) => path.endsWith('.ts') && !path.includes('/__tests__/'));
  for (const file of files) {
    const from = featureOf(file);
    if (from === null) {
      continue;
    }
    const text = read(join(root, file));
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const specifier = imported.fileName;
      let target: string | undefined;
      let to: string | undefined;
      if (specifier.startsWith('c/')) {
        target = specifier.slice(2);
        to = featureByBundle.get(target);
      } else if (specifier.startsWith('@salesforce/apex/')) {
        const [className = ''] = specifier.slice('@salesforce/apex/'.length).split('.');
        target = className;
        to = featureByClass.get(className.toLowerCase());
      }
      if (target === undefined || to === undefined || to === from) {
        continue;
      }
      const line = ts.getLineAndCharacterOfPosition(
        ts.createSourceFile(file, text, ts.ScriptTarget.Latest),
        imported.pos
      ).line;
      references.push({ from, to, file, line: line + 1, target });
    }
  }
  return references;
}

/** A cycle in the edges, as the features along it (first repeated at the end), or null. */
export function findCycle(edges: FeatureEdge[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (feature: string): string[] | null => {
    if (state.get(feature) === 'open') {
      return [...path.slice(path.indexOf(feature)), feature];
    }
    if (state.get(feature) === 'done') {
      return null;
    }
    state.set(feature, 'open');
    path.push(feature);
    for (const to of next.get(feature) ?? []) {
      const cycle = visit(to);
      if (cycle) {
        return cycle;
      }
    }
    path.pop();
    state.set(feature, 'done');
    return null;
  };
  for (const feature of [...next.keys()].sort()) {
    const cycle = visit(feature);
    if (cycle) {
      return cycle;
    }
  }
  return null;
}

export function checkFeatureDependencies(root: string): CheckResult {
  const findings: Finding[] = [];
  const architecturePath = join(root, ARCHITECTURE);
  const declared = existsSync(architecturePath) ? declaredEdges(read(architecturePath)) : [];
  if (declared.length === 0) {
    findings.push({
      file: ARCHITECTURE,
      rule: 'diagram-missing',
      message: `no mermaid diagram of feature arrows (a --> b) under "${DIAGRAM_HEADING}"`,
    });
    // Without the rule there is nothing to read the references against.
    return { findings, summary: 'no feature diagram' };
  }
  const key = (edge: FeatureEdge): string => `${edge.from} --> ${edge.to}`;
  const allowed = new Set(declared.map(key));
  const references = [...apexReferences(root), ...componentReferences(root)];
  const used = new Set<string>();
  const features = new Set<string>();
  for (const path of packageFiles(root)) {
    const feature = featureOf(rel(root, path));
    if (feature !== null) {
      features.add(feature);
    }
  }
  const drawn = new Set(declared.flatMap((edge) => [edge.from, edge.to]));
  for (const feature of [...features].sort()) {
    if (!drawn.has(feature)) {
      findings.push({
        file: ARCHITECTURE,
        rule: 'feature-not-drawn',
        message: `feature ${feature} (${MAIN}${feature}) is not in the diagram`,
      });
    }
  }
  for (const reference of references) {
    used.add(key(reference));
    if (!allowed.has(key(reference))) {
      findings.push({
        file: reference.file,
        line: reference.line,
        rule: 'undeclared-dependency',
        message: `${reference.from} uses ${reference.target} of ${reference.to}; the diagram has no ${key(reference)}`,
      });
    }
  }
  for (const edge of declared) {
    if (!used.has(key(edge))) {
      findings.push({
        file: ARCHITECTURE,
        rule: 'unused-arrow',
        message: `the diagram draws ${key(edge)}, but nothing in ${edge.from} uses ${edge.to}`,
      });
    }
  }
  const cycle = findCycle(declared);
  if (cycle) {
    findings.push({
      file: ARCHITECTURE,
      rule: 'dependency-cycle',
      message: `the features depend on each other in a circle: ${cycle.join(' --> ')}`,
    });
  }
  return {
    findings,
    summary: `${features.size} features, ${declared.length} arrows, ${references.length} cross-feature references`,
  };
}
