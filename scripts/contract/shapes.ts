// One contract check for every boundary: an Apex DTO class is reduced to a shape (field name ->
// kind), and so are an OpenAPI schema and a TypeScript interface; two shapes must name the same
// fields with compatible kinds. Used for the REST API (Apex <-> OpenAPI) and for the
// components (Apex @AuraEnabled DTOs <-> the TypeScript declarations in types/dto).
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { children, findRules, parseApex, ruleName } from '../lib/apex';

export type Kind =
  | { kind: 'string' | 'number' | 'boolean' | 'any' }
  | { kind: 'array'; items: Kind }
  | { kind: 'object'; name: string; shape?: Shape };
export type Shape = Map<string, { type: Kind; nullable: boolean }>;

// ---------- Apex ----------
export interface ApexClassShape {
  name: string;
  shape: Shape;
}

function apexKind(type: string): Kind {
  const list = /^(?:List|Set)<(.+)>$/i.exec(type) ?? /^(.+)\[\]$/.exec(type);
  if (list) {
    return { kind: 'array', items: apexKind(list[1] as string) };
  }
  const plain = type.replace(/^System\./i, '');
  if (/^(String|Id|Datetime|Date|Time)$/i.test(plain)) return { kind: 'string' };
  if (/^(Integer|Long|Decimal|Double)$/i.test(plain)) return { kind: 'number' };
  if (/^Boolean$/i.test(plain)) return { kind: 'boolean' };
  if (/^(Object|Map<.*>)$/i.test(plain)) return { kind: 'any' };
  return { kind: 'object', name: plain.split('.').pop() as string };
}

/** Serialized instance fields of every class (top-level and inner) in an Apex file. */
export function apexClasses(
  path: string,
  options: { auraEnabledOnly: boolean }
): Map<string, ApexClassShape> {
  const parsed = parseApex(readFileSync(path, 'utf8'), 'class');
  const classes = new Map<string, ApexClassShape>();
  for (const declaration of findRules(parsed.tree, 'ClassDeclaration')) {
    const name =
      children(declaration)
        .find((c) => ruleName(c) === 'Id')
        ?.getText() ?? '';
    const body = children(declaration).find((c) => ruleName(c) === 'ClassBody');
    const shape: Shape = new Map();
    for (const member of body ? children(body) : []) {
      if (ruleName(member) !== 'ClassBodyDeclaration') continue;
      const modifiers = children(member)
        .filter((c) => ruleName(c) === 'Modifier')
        .map((c) => c.getText().toLowerCase());
      const field = findRules(member, 'FieldDeclaration')[0];
      const isOwnField = field && findRules(member, 'ClassDeclaration').length === 0;
      if (!isOwnField || modifiers.includes('static') || modifiers.includes('transient')) continue;
      if (!modifiers.some((m) => m === 'public' || m === 'global')) continue;
      if (options.auraEnabledOnly && !modifiers.some((m) => m.startsWith('@auraenabled'))) continue;
      const type = findRules(field, 'TypeRef')[0]?.getText() ?? 'Object';
      for (const declarator of findRules(field, 'VariableDeclarator')) {
        const id = findRules(declarator, 'Id')[0]?.getText() ?? '';
        // Apex cannot name a field after a reserved word: `object_x` serializes as `object`.
        shape.set(id.replace(/_x$/, ''), { type: apexKind(type), nullable: true });
      }
    }
    classes.set(name, { name, shape });
  }
  return classes;
}

// ---------- OpenAPI ----------
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

export function schemaKind(
  schema: JsonSchema,
  schemas: Record<string, JsonSchema>
): { type: Kind; nullable: boolean } {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    return {
      type: { kind: 'object', name, shape: schemaShape(schemas[name] ?? {}, schemas) },
      nullable: false,
    };
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== 'null');
    const inner =
      nonNull.length === 1
        ? schemaKind(nonNull[0] as JsonSchema, schemas)
        : { type: { kind: 'any' } as Kind, nullable: false };
    return { type: inner.type, nullable: nonNull.length < variants.length };
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = types.includes('null');
  const main = types.find((t) => t !== 'null');
  if (main === 'string') return { type: { kind: 'string' }, nullable };
  if (main === 'integer' || main === 'number') return { type: { kind: 'number' }, nullable };
  if (main === 'boolean') return { type: { kind: 'boolean' }, nullable };
  if (main === 'array')
    return {
      type: { kind: 'array', items: schemaKind(schema.items ?? {}, schemas).type },
      nullable,
    };
  if (main === 'object' && schema.properties)
    return {
      type: { kind: 'object', name: '(inline)', shape: schemaShape(schema, schemas) },
      nullable,
    };
  return { type: { kind: 'any' }, nullable };
}

export function schemaShape(schema: JsonSchema, schemas: Record<string, JsonSchema>): Shape {
  const shape: Shape = new Map();
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    shape.set(name, schemaKind(property, schemas));
  }
  return shape;
}

// ---------- TypeScript ----------
export function tsInterfaces(path: string): Map<string, Shape> {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true
  );
  const found = new Map<string, Shape>();
  // A type alias (a union of string literals, say) stands for what it names.
  const aliases = new Map<string, ts.TypeNode>();
  source.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node)) {
      aliases.set(node.name.text, node.type);
    }
  });
  const kindOf = (node: ts.TypeNode): { type: Kind; nullable: boolean } => {
    if (ts.isUnionTypeNode(node)) {
      const parts = node.types.filter(
        (t) =>
          !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) &&
          t.kind !== ts.SyntaxKind.UndefinedKeyword
      );
      const inner =
        parts.length === 1
          ? kindOf(parts[0] as ts.TypeNode).type
          : parts.every((p) => ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal))
            ? ({ kind: 'string' } as Kind)
            : ({ kind: 'any' } as Kind);
      return { type: inner, nullable: parts.length < node.types.length };
    }
    if (ts.isArrayTypeNode(node))
      return { type: { kind: 'array', items: kindOf(node.elementType).type }, nullable: false };
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
      return { type: { kind: 'string' }, nullable: false };
    if (node.kind === ts.SyntaxKind.StringKeyword)
      return { type: { kind: 'string' }, nullable: false };
    if (node.kind === ts.SyntaxKind.NumberKeyword)
      return { type: { kind: 'number' }, nullable: false };
    if (node.kind === ts.SyntaxKind.BooleanKeyword)
      return { type: { kind: 'boolean' }, nullable: false };
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (/^(Array|ReadonlyArray)$/.test(name) && node.typeArguments?.[0])
        return {
          type: { kind: 'array', items: kindOf(node.typeArguments[0]).type },
          nullable: false,
        };
      if (/^(Record|Map)$/.test(name)) return { type: { kind: 'any' }, nullable: false };
      const alias = aliases.get(name);
      if (alias) return kindOf(alias);
      return { type: { kind: 'object', name }, nullable: false };
    }
    return { type: { kind: 'any' }, nullable: false };
  };
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) {
      const shape: Shape = new Map();
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type) {
          const kind = kindOf(member.type);
          shape.set(member.name.getText(), {
            type: kind.type,
            nullable: kind.nullable || Boolean(member.questionToken),
          });
        }
      }
      found.set(node.name.text, shape);
    }
  });
  return found;
}

// ---------- comparison ----------
function describeKind(kind: Kind): string {
  return kind.kind === 'array'
    ? `${describeKind(kind.items)}[]`
    : kind.kind === 'object'
      ? kind.name
      : kind.kind;
}

/** How a named DTO is found on each side of a contract. */
export interface ShapeResolvers {
  apex: (name: string) => Shape | undefined;
  other: (name: string) => Shape | undefined;
}

export function compareShapes(
  label: string,
  apex: Shape,
  other: Shape,
  resolve: ShapeResolvers
): string[] {
  const problems: string[] = [];
  for (const name of apex.keys()) {
    if (!other.has(name))
      problems.push(`${label}: Apex field '${name}' is missing on the other side`);
  }
  for (const name of other.keys()) {
    if (!apex.has(name)) problems.push(`${label}: field '${name}' has no Apex counterpart`);
  }
  for (const [name, left] of apex) {
    const right = other.get(name);
    if (!right) continue;
    problems.push(...compareKinds(`${label}.${name}`, left.type, right.type, resolve));
  }
  return problems;
}

function compareKinds(label: string, left: Kind, right: Kind, resolve: ShapeResolvers): string[] {
  if (left.kind === 'any' || right.kind === 'any') return [];
  if (left.kind !== right.kind)
    return [`${label}: Apex ${describeKind(left)} vs ${describeKind(right)}`];
  if (left.kind === 'array' && right.kind === 'array')
    return compareKinds(`${label}[]`, left.items, right.items, resolve);
  if (left.kind === 'object' && right.kind === 'object') {
    const apexShape = resolve.apex(left.name);
    const otherShape = right.shape ?? resolve.other(right.name);
    if (!apexShape || !otherShape) return [`${label}: cannot resolve ${left.name} / ${right.name}`];
    return compareShapes(`${label}<${left.name}>`, apexShape, otherShape, resolve);
  }
  return [];
}
