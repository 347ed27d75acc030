// Check 9: metadata that would not deploy for reasons knowable offline. The source converter
// silently repairs truncated XML and mismatched tags and silently drops a class without its
// -meta.xml, so this check looks for those itself before running the conversion. Lightning
// pages are checked against the components and templates they name (flexiPages.ts), Flows
// against the objects, fields and elements they name (flows.ts).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CheckResult, Finding } from '../lib/findings';
import { PACKAGE_DIR, lwcBundles, packageFiles, packageSchema, read, rel } from '../lib/project';
import { loadStandardFields, SchemaIndex } from './fieldReferences';
import { checkFlexiPages } from './flexiPages';
import { checkFlows } from './flows';
import { runSf } from '../../client/src/sf';
import { readCustomLabels } from '../lib/labels';
import { LABEL_TYPES_FILE, syncLabelTypes } from '../tools/labelTypes';

const xml = new XMLParser({ ignoreAttributes: true, isArray: (name) => ARRAY_TAGS.has(name) });
const ARRAY_TAGS = new Set([
  'fieldPermissions',
  'objectPermissions',
  'classAccesses',
  'customPermissions',
  'tabSettings',
  'layoutItems',
  'layoutSections',
  'layoutColumns',
  'pageAccesses',
  'applicationVisibilities',
  'recordTypeVisibilities',
  'customMetadataTypeAccesses',
  'customSettingAccesses',
  'tabs',
  'targets',
  'objects',
  'targetConfig',
]);

interface MetadataContext {
  root: string;
  findings: Finding[];
  files: string[];
  classNames: Set<string>;
  customPermissions: Set<string>;
  tabs: Set<string>;
  index: SchemaIndex;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function checkWellFormed(ctx: MetadataContext): void {
  for (const file of ctx.files.filter((f) => f.endsWith('.xml'))) {
    const verdict = XMLValidator.validate(read(file));
    if (verdict !== true) {
      ctx.findings.push({
        file: rel(ctx.root, file),
        line: verdict.err.line,
        rule: 'malformed-xml',
        message: verdict.err.msg,
      });
    }
  }
}

function checkPairs(ctx: MetadataContext): void {
  const present = new Set(ctx.files);
  for (const file of ctx.files) {
    if (file.endsWith('.cls') || file.endsWith('.trigger')) {
      if (!present.has(`${file}-meta.xml`)) {
        ctx.findings.push({
          file: rel(ctx.root, file),
          rule: 'missing-meta-xml',
          message: `no ${basename(file)}-meta.xml beside it (the converter would silently leave it out)`,
        });
      }
    }
    const source = file.replace(/-meta\.xml$/, '');
    if (/\.(cls|trigger)-meta\.xml$/.test(file) && !present.has(source)) {
      ctx.findings.push({
        file: rel(ctx.root, file),
        rule: 'orphan-meta-xml',
        message: `no ${basename(source)} for this meta file`,
      });
    }
  }
  for (const bundle of lwcBundles(ctx.root)) {
    const names = new Set(bundle.files.map((f) => rel(bundle.folder, f)));
    if (!names.has(`${bundle.name}.js-meta.xml`)) {
      ctx.findings.push({
        file: rel(ctx.root, bundle.folder),
        rule: 'lwc-missing-meta',
        message: `bundle ${bundle.name} has no ${bundle.name}.js-meta.xml`,
      });
    }
    if (!names.has(`${bundle.name}.ts`) && !names.has(`${bundle.name}.js`)) {
      ctx.findings.push({
        file: rel(ctx.root, bundle.folder),
        rule: 'lwc-missing-module',
        message: `bundle ${bundle.name} has no ${bundle.name}.ts`,
      });
    }
  }
}

function fieldExists(ctx: MetadataContext, reference: string): boolean {
  const [object, field] = reference.split('.');
  return Boolean(object && field && ctx.index.hasField(object, field));
}

// Each permission set section, the key in it that names something, and whether that exists.
const PERMSET_REFERENCES: {
  section: string;
  key: string;
  rule: string;
  exists: (ctx: MetadataContext, name: string) => boolean;
}[] = [
  { section: 'fieldPermissions', key: 'field', rule: 'permset-unknown-field', exists: fieldExists },
  {
    section: 'objectPermissions',
    key: 'object',
    rule: 'permset-unknown-object',
    exists: (ctx, name) => ctx.index.knowsObject(name),
  },
  {
    section: 'classAccesses',
    key: 'apexClass',
    rule: 'permset-unknown-class',
    exists: (ctx, name) => ctx.classNames.has(name),
  },
  {
    section: 'customPermissions',
    key: 'name',
    rule: 'permset-unknown-permission',
    exists: (ctx, name) => ctx.customPermissions.has(name),
  },
  {
    section: 'tabSettings',
    key: 'tab',
    rule: 'permset-unknown-tab',
    exists: (ctx, name) => ctx.tabs.has(name) || name.startsWith('standard-'),
  },
];

function checkPermissionSets(ctx: MetadataContext): void {
  for (const file of ctx.files.filter((f) => f.endsWith('.permissionset-meta.xml'))) {
    const parsed = xml.parse(read(file)) as { PermissionSet?: Record<string, unknown> };
    const set = parsed.PermissionSet ?? {};
    for (const reference of PERMSET_REFERENCES) {
      for (const entry of asArray(set[reference.section] as Record<string, string>[])) {
        const name = entry[reference.key] ?? '';
        if (!reference.exists(ctx, name)) {
          ctx.findings.push({
            file: rel(ctx.root, file),
            rule: reference.rule,
            message: `${reference.section} names ${name}, which does not exist`,
          });
        }
      }
    }
  }
}

function checkLayouts(ctx: MetadataContext): void {
  for (const file of ctx.files.filter((f) => f.endsWith('.layout-meta.xml'))) {
    const object = basename(file).split('-')[0] ?? '';
    const text = read(file);
    for (const match of text.matchAll(/<field>([^<]+)<\/field>/g)) {
      const field = match[1] as string;
      if (!ctx.index.hasField(object, field)) {
        ctx.findings.push({
          file: rel(ctx.root, file),
          rule: 'layout-unknown-field',
          message: `layout names ${object}.${field}, which does not exist`,
        });
      }
    }
  }
}

function checkFieldFiles(ctx: MetadataContext): void {
  for (const file of ctx.files.filter(
    (f) => f.endsWith('.field-meta.xml') || f.endsWith('.object-meta.xml')
  )) {
    const expected = basename(file).replace(/\.(field|object)-meta\.xml$/, '');
    const fullName = /<fullName>([^<]+)<\/fullName>/.exec(read(file))?.[1];
    if (file.endsWith('.field-meta.xml') && fullName !== expected) {
      ctx.findings.push({
        file: rel(ctx.root, file),
        rule: 'field-name-mismatch',
        message: `fullName ${fullName ?? '(none)'} differs from the file name ${expected}`,
      });
    }
    if (
      file.endsWith('.field-meta.xml') &&
      basename(dirname(dirname(file))) !== 'Activity' &&
      !existsSync(
        join(dirname(dirname(file)), `${basename(dirname(dirname(file)))}.object-meta.xml`)
      ) &&
      !ctx.index.knowsObject(basename(dirname(dirname(file))))
    ) {
      ctx.findings.push({
        file: rel(ctx.root, file),
        rule: 'field-unknown-object',
        message: 'field of an object that neither the package nor the standard list defines',
      });
    }
  }
}

// `@salesforce/label/c.<name>` in a component's source; `System.Label.<name>` (any case, as Apex
// names are) or `Label.<name>` as written in Apex. The bare form is matched case-sensitively so
// that a variable named `label` is not read as the class; `Label.get` is the class's method.
const COMPONENT_LABEL = /['"]@salesforce\/label\/(?:c|kondo)\.(\w+)['"]/g;
const APEX_LABEL = /(?<![\w.])(?:[Ss][Yy][Ss][Tt][Ee][Mm]\.[Ll][Aa][Bb][Ee][Ll]|Label)\.(\w+)/g;
const LABEL_METHODS = new Set(['get', 'translationexists']);

/** Apex without comments and string literals, line breaks kept, so matches keep their lines. */
function apexCode(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'/g, (part) =>
    part.replace(/[^\n]/g, ' ')
  );
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/**
 * Every label a component or an Apex class names exists in some labels file, no label is
 * defined twice (the features' files merge into one CustomLabels on deploy), each has the value
 * and short description the Metadata API requires, and types/labels.d.ts declares exactly them.
 */
function checkLabels(ctx: MetadataContext): number {
  const labels = readCustomLabels(ctx.root);
  const defined = new Map<string, string>();
  for (const label of labels) {
    const key = label.name.toLowerCase();
    const first = defined.get(key);
    if (first !== undefined) {
      ctx.findings.push({
        file: label.file,
        rule: 'label-duplicate',
        message: `label ${label.name} is also defined in ${first}`,
      });
    }
    defined.set(key, first ?? label.file);
    if (
      !/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/.test(label.name) ||
      !label.value ||
      !label.shortDescription
    ) {
      ctx.findings.push({
        file: label.file,
        rule: 'label-invalid',
        message: `label ${label.name || '(no name)'} needs a valid API name, a value and a short description`,
      });
    }
  }
  const unknown = (file: string, line: number, name: string, exists: boolean): void => {
    if (!exists) {
      ctx.findings.push({
        file: rel(ctx.root, file),
        line,
        rule: 'label-unknown',
        message: `names the custom label ${name}, which no labels file defines`,
      });
    }
  };
  for (const bundle of lwcBundles(ctx.root)) {
    for (const file of bundle.files) {
      // The .js beside a .ts is its compiled output: the .ts is read.
      const compiled = file.endsWith('.js') && bundle.files.includes(file.replace(/\.js$/, '.ts'));
      if (!/\.(ts|js)$/.test(file) || compiled || file.endsWith('.d.ts')) {
        continue;
      }
      const text = read(file);
      for (const match of text.matchAll(COMPONENT_LABEL)) {
        const name = match[1] as string;
        unknown(file, lineOf(text, match.index), name, defined.has(name.toLowerCase()));
      }
    }
  }
  for (const file of ctx.files.filter((f) => f.endsWith('.cls') || f.endsWith('.trigger'))) {
    const code = apexCode(read(file));
    for (const match of code.matchAll(APEX_LABEL)) {
      const name = match[1] as string;
      if (!LABEL_METHODS.has(name.toLowerCase())) {
        unknown(file, lineOf(code, match.index), name, defined.has(name.toLowerCase()));
      }
    }
  }
  if (!syncLabelTypes(ctx.root, false)) {
    ctx.findings.push({
      file: LABEL_TYPES_FILE,
      rule: 'label-types-stale',
      message: 'does not declare exactly the labels of force-app/**/labels: run npm run build',
    });
  }
  return labels.length;
}

function checkConversion(ctx: MetadataContext): number {
  const output = mkdtempSync(join(tmpdir(), 'kondo-mdapi-'));
  try {
    const result = runSf(
      [
        'project',
        'convert',
        'source',
        '--source-dir',
        PACKAGE_DIR,
        '--output-dir',
        join(output, 'mdapi'),
        '--json',
      ],
      ctx.root
    );
    if (result.status !== 0) {
      ctx.findings.push({
        file: PACKAGE_DIR,
        rule: 'convert-failed',
        message: `sf project convert source failed: ${(result.stdout + result.stderr).slice(0, 1500)}`,
      });
      return 0;
    }
    const manifest = join(output, 'mdapi', 'package.xml');
    if (!existsSync(manifest)) {
      ctx.findings.push({
        file: PACKAGE_DIR,
        rule: 'convert-failed',
        message: 'conversion wrote no package.xml',
      });
      return 0;
    }
    return (read(manifest).match(/<members>/g) ?? []).length;
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

export function checkMetadata(root: string, options: { convert?: boolean } = {}): CheckResult {
  const files = packageFiles(root);
  const schema = packageSchema(root);
  const ctx: MetadataContext = {
    root,
    findings: [],
    files,
    classNames: new Set(files.filter((f) => f.endsWith('.cls')).map((f) => basename(f, '.cls'))),
    customPermissions: new Set(
      files
        .filter((f) => f.endsWith('.customPermission-meta.xml'))
        .map((f) => basename(f, '.customPermission-meta.xml'))
    ),
    tabs: new Set(
      files.filter((f) => f.endsWith('.tab-meta.xml')).map((f) => basename(f, '.tab-meta.xml'))
    ),
    index: new SchemaIndex(loadStandardFields(root), schema),
  };
  checkWellFormed(ctx);
  checkPairs(ctx);
  checkFieldFiles(ctx);
  checkPermissionSets(ctx);
  checkLayouts(ctx);
  const wellFormed = !ctx.findings.some((f) => f.rule === 'malformed-xml');
  const labelCount = wellFormed ? checkLabels(ctx) : 0;
  const pages = wellFormed ? checkFlexiPages(root) : undefined;
  ctx.findings.push(...(pages?.findings ?? []));
  if (wellFormed) {
    ctx.findings.push(...checkFlows(root, files, ctx.index));
  }
  const members = options.convert === false || !wellFormed ? 0 : checkConversion(ctx);
  return {
    findings: ctx.findings,
    summary: `${files.filter((f) => f.endsWith('.xml')).length} XML files, ${schema.objects.size} objects, ${schema.fields.size} fields, ${labelCount} custom labels, ${pages?.summary ?? 'Lightning pages not read (malformed XML)'}; conversion: ${members} components`,
  };
}
