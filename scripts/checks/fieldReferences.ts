// Check 8: field references that apex-ls cannot see. apex-ls is blind to SOQL select lists and
// to fields on standard objects that the package extends (Contact, Lead, Task, Event), so a
// misspelt field there would only fail at deploy time. This check resolves every field named
// in SOQL (select list, WHERE, ORDER BY, GROUP BY, sub-queries and relationship paths, inline or
// in a string that starts with SELECT) and every field used on a Contact, Lead, Task or Event
// in Apex against the package's metadata plus the standard-field list in
// scripts/data/standard-fields.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ApexParserRuleContext as ParserRuleContext,
  ApexParseTree as ParseTree,
} from '@apexdevtools/apex-parser';
import {
  children,
  descendants,
  findRules,
  lineOf,
  parseApex,
  parseSoql,
  ruleName,
} from '../lib/apex';
import type { CheckResult, Finding } from '../lib/findings';
import { apexSources, packageSchema, rel, type PackageSchema } from '../lib/project';

interface StandardFields {
  objects: Record<string, string[]>;
  relationships: Record<string, Record<string, string>>;
  childRelationships: Record<string, Record<string, string>>;
}

const TRACKED_APEX_OBJECTS = new Set(['contact', 'lead', 'task', 'event']);

export class SchemaIndex {
  private readonly fields = new Map<string, Set<string>>();
  private readonly relationships = new Map<string, Map<string, string>>();
  private readonly childRelationships = new Map<string, Map<string, string>>();
  private readonly names = new Map<string, string>();

  constructor(standard: StandardFields, schema: PackageSchema) {
    for (const [object, list] of Object.entries(standard.objects)) {
      for (const field of list) {
        this.addField(object, field);
      }
    }
    for (const [object, map] of Object.entries(standard.relationships)) {
      for (const [name, target] of Object.entries(map)) {
        this.addRelationship(object, name, target);
      }
    }
    for (const [object, map] of Object.entries(standard.childRelationships)) {
      for (const [name, child] of Object.entries(map)) {
        this.relationshipMap(this.childRelationships, object).set(name.toLowerCase(), child);
      }
    }
    for (const object of schema.objects) {
      this.addField(object, 'Id');
      for (const field of [
        'Name',
        'OwnerId',
        'IsDeleted',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'SetupOwnerId',
      ]) {
        this.addField(object, field);
      }
      this.addRelationship(object, 'Owner', 'Name');
      this.addRelationship(object, 'CreatedBy', 'User');
      this.addRelationship(object, 'LastModifiedBy', 'User');
    }
    for (const field of schema.fields.values()) {
      // Activity fields are shared by Task and Event.
      const owners = field.object === 'Activity' ? ['Task', 'Event', 'Activity'] : [field.object];
      for (const owner of owners) {
        this.addField(owner, field.name);
        if (field.referenceTo && field.name.endsWith('__c')) {
          this.addRelationship(owner, field.name.replace(/__c$/, '__r'), field.referenceTo);
          if (field.relationshipName) {
            this.relationshipMap(this.childRelationships, field.referenceTo).set(
              `${field.relationshipName}__r`.toLowerCase(),
              owner
            );
          }
        }
      }
    }
  }

  knowsObject(object: string): boolean {
    return this.fields.has(object.toLowerCase());
  }

  objectName(object: string): string {
    return this.names.get(object.toLowerCase()) ?? object;
  }

  hasField(object: string, field: string): boolean {
    return this.fields.get(object.toLowerCase())?.has(field.toLowerCase()) ?? false;
  }

  relationshipTarget(object: string, name: string): string | undefined {
    return this.relationships.get(object.toLowerCase())?.get(name.toLowerCase());
  }

  childRelationship(object: string, name: string): string | undefined {
    return this.childRelationships.get(object.toLowerCase())?.get(name.toLowerCase());
  }

  private addField(object: string, field: string): void {
    const key = object.toLowerCase();
    this.names.set(key, object);
    const set = this.fields.get(key) ?? new Set<string>();
    set.add(field.toLowerCase());
    this.fields.set(key, set);
  }

  private addRelationship(object: string, name: string, target: string): void {
    this.relationshipMap(this.relationships, object).set(name.toLowerCase(), target);
  }

  private relationshipMap(
    store: Map<string, Map<string, string>>,
    object: string
  ): Map<string, string> {
    const key = object.toLowerCase();
    const map = store.get(key) ?? new Map<string, string>();
    store.set(key, map);
    return map;
  }
}

export function loadStandardFields(root: string): StandardFields {
  return JSON.parse(
    readFileSync(join(root, 'scripts/data/standard-fields.json'), 'utf8')
  ) as StandardFields;
}

/** Strips `Schema.` and a namespace prefix so `Schema.Contact` and `kondo__X__c` resolve. */
function plainName(name: string): string {
  return name.replace(/^schema\./i, '').replace(/^kondo__/i, '');
}

class FileChecker {
  readonly findings: Finding[] = [];
  private readonly variableTypes = new Map<string, Set<string>>();

  constructor(
    private readonly index: SchemaIndex,
    private readonly file: string
  ) {}

  check(tree: ParseTree): void {
    this.collectVariableTypes(tree);
    for (const query of findRules(tree, 'Query')) {
      this.checkQuery(query, lineOf(query));
    }
    for (const literal of findRules(tree, 'Literal')) {
      this.checkDynamicSoql(literal);
    }
    for (const creator of findRules(tree, 'Creator')) {
      this.checkSObjectConstructor(creator);
    }
    for (const dot of findRules(tree, 'DotExpression')) {
      this.checkDotExpression(dot);
    }
  }

  private report(line: number, message: string): void {
    this.findings.push({ file: this.file, line, rule: 'unknown-field', message });
  }

  private checkQuery(query: ParserRuleContext, line: number): void {
    const from = children(query).find((child) => ruleName(child) === 'FromNameList');
    const objectName = from ? plainName(findRules(from, 'FieldName')[0]?.getText() ?? '') : '';
    if (!objectName) {
      return;
    }
    if (!this.index.knowsObject(objectName)) {
      this.findings.push({
        file: this.file,
        line,
        rule: 'unknown-object',
        message: `SOQL FROM ${objectName}: not in the package metadata nor in scripts/data/standard-fields.json`,
      });
      return;
    }
    this.checkQueryFields(query, this.index.objectName(objectName), line);
  }

  private checkQueryFields(query: ParseTree, object: string, line: number): void {
    for (const node of this.ownNodes(query)) {
      const rule = ruleName(node);
      if (rule === 'SubQuery') {
        this.checkSubQuery(node as ParserRuleContext, object, line);
      } else if (rule === 'FieldName' && !this.isFromName(node)) {
        this.checkPath(object, node.getText(), lineOf(node) || line, 'SOQL');
      }
    }
  }

  /** Nodes of this query, not descending into sub-queries or bind expressions. */
  private ownNodes(node: ParseTree): ParseTree[] {
    const found: ParseTree[] = [];
    for (const child of children(node)) {
      const rule = ruleName(child);
      if (rule === 'SubQuery' || rule === 'FieldName') {
        found.push(child);
        continue;
      }
      // A bind (`:record.Id`) is Apex, not a field of the queried object.
      if (rule === 'BoundExpression') {
        continue;
      }
      found.push(...this.ownNodes(child));
    }
    return found;
  }

  private isFromName(node: ParseTree): boolean {
    let parent = (node as ParserRuleContext).parentCtx;
    while (parent) {
      const rule = ruleName(parent);
      if (rule === 'FromNameList') {
        return true;
      }
      if (rule === 'Query' || rule === 'SubQuery') {
        return false;
      }
      parent = parent.parentCtx;
    }
    return false;
  }

  private checkSubQuery(subQuery: ParserRuleContext, parentObject: string, line: number): void {
    const from = children(subQuery).find((child) => ruleName(child) === 'FromNameList');
    const relationship = from ? (findRules(from, 'FieldName')[0]?.getText() ?? '') : '';
    const child = this.index.childRelationship(parentObject, plainName(relationship));
    if (!child) {
      this.report(
        line,
        `SOQL sub-query: ${parentObject} has no child relationship ${relationship}`
      );
      return;
    }
    this.checkQueryFields(subQuery, child, line);
  }

  private checkPath(object: string, path: string, line: number, where: string): void {
    const segments = path.split('.').map(plainName);
    let current = object;
    if (segments.length > 1 && segments[0]?.toLowerCase() === object.toLowerCase()) {
      segments.shift();
    }
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      const last = i === segments.length - 1;
      if (last) {
        if (!this.index.hasField(current, segment)) {
          this.report(line, `${where}: ${current}.${segment} does not exist (path ${path})`);
        }
        return;
      }
      const target = this.index.relationshipTarget(current, segment);
      if (!target) {
        this.report(line, `${where}: ${current} has no relationship ${segment} (path ${path})`);
        return;
      }
      current = target;
    }
  }

  private checkDynamicSoql(literal: ParserRuleContext): void {
    const text = literal.getText();
    if (!/^'\s*SELECT\s/i.test(text)) {
      return;
    }
    const soql = text.slice(1, -1).replace(/\\'/g, "'");
    const parsed = parseSoql(soql);
    // A fragment that is completed by concatenation does not parse on its own: the parts that
    // do (the select list before a dynamic WHERE) are still worth checking.
    if (parsed.problems.length === 0) {
      this.checkQuery(parsed.tree, lineOf(literal));
    }
  }

  private checkSObjectConstructor(creator: ParserRuleContext): void {
    const created = findRules(creator, 'CreatedName')[0]?.getText() ?? '';
    const object = plainName(created);
    if (!TRACKED_APEX_OBJECTS.has(object.toLowerCase())) {
      return;
    }
    const rest = findRules(creator, 'ClassCreatorRest')[0];
    if (!rest) {
      return;
    }
    for (const assign of findRules(rest, 'AssignExpression')) {
      const target = children(assign)[0];
      if (target && ruleName(target) === 'PrimaryExpression') {
        this.checkPath(
          this.index.objectName(object),
          target.getText(),
          lineOf(assign),
          `new ${object}(...)`
        );
      }
    }
  }

  private checkDotExpression(dot: ParserRuleContext): void {
    const parts = children(dot);
    const left = parts[0];
    const right = parts[2];
    if (!left || !right || ruleName(right) !== 'AnyId') {
      return;
    }
    const leftText = left.getText();
    const field = right.getText();
    const tokenMatch =
      /^(?:Schema\.)?(?:SObjectType\.)?(Contact|Lead|Task|Event)(\.fields)?$/i.exec(leftText);
    if (tokenMatch) {
      const viaDescribe = /SObjectType\./i.test(leftText);
      if (viaDescribe && !tokenMatch[2]) {
        return; // Schema.SObjectType.Contact.<something other than fields>
      }
      if (!viaDescribe && tokenMatch[2]) {
        return;
      }
      if (/^(fields|fieldsets|sobjecttype|getdescribe)$/i.test(field)) {
        return;
      }
      this.checkPath(
        this.index.objectName(tokenMatch[1] as string),
        field,
        lineOf(dot),
        'field token'
      );
      return;
    }
    const variable = this.variableOf(left);
    if (!variable) {
      return;
    }
    const types = this.variableTypes.get(variable.toLowerCase());
    if (!types || types.size !== 1) {
      return;
    }
    const object = [...types][0] as string;
    if (object === '?') {
      return;
    }
    this.checkPath(this.index.objectName(object), field, lineOf(dot), `${variable}.${field}`);
  }

  /** The variable name behind `x` or `x[0]`, when the expression is that simple. */
  private variableOf(expression: ParseTree): string | undefined {
    const rule = ruleName(expression);
    if (rule === 'PrimaryExpression' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(expression.getText())) {
      return expression.getText();
    }
    if (rule === 'ArrayExpression') {
      const base = children(expression)[0];
      const name = base && ruleName(base) === 'PrimaryExpression' ? base.getText() : undefined;
      return name ? `${name}[]` : undefined;
    }
    return undefined;
  }

  private collectVariableTypes(tree: ParseTree): void {
    const declare = (name: string, type: string): void => {
      const element = /^(?:List<(.+)>|(.+)\[\])$/i.exec(type);
      const scalar = plainName(type);
      if (TRACKED_APEX_OBJECTS.has(scalar.toLowerCase())) {
        this.addType(name, scalar);
      } else {
        this.addType(name, '?');
      }
      if (element) {
        const inner = plainName(element[1] ?? element[2] ?? '');
        this.addType(`${name}[]`, TRACKED_APEX_OBJECTS.has(inner.toLowerCase()) ? inner : '?');
      }
    };
    for (const node of descendants(tree)) {
      const rule = ruleName(node);
      if (rule === 'LocalVariableDeclaration' || rule === 'FieldDeclaration') {
        const [typeRef, declarators] = [
          findRules(node, 'TypeRef')[0],
          findRules(node, 'VariableDeclarator'),
        ];
        for (const declarator of declarators) {
          const name = findRules(declarator, 'Id')[0]?.getText();
          if (typeRef && name) {
            declare(name, typeRef.getText());
          }
        }
      } else if (rule === 'FormalParameter' || rule === 'EnhancedForControl') {
        const parts = children(node).filter((c) => ['TypeRef', 'Id'].includes(ruleName(c)));
        const typeRef = parts.find((c) => ruleName(c) === 'TypeRef');
        const id = parts.find((c) => ruleName(c) === 'Id');
        if (typeRef && id) {
          declare(id.getText(), typeRef.getText());
        }
      }
    }
  }

  /** Every type a name is declared with in the file; only a name with one tracked type is checked. */
  private addType(name: string, type: string): void {
    const key = name.toLowerCase();
    const set = this.variableTypes.get(key) ?? new Set<string>();
    set.add(type);
    this.variableTypes.set(key, set);
  }
}

export function checkFieldReferences(root: string): CheckResult {
  const index = new SchemaIndex(loadStandardFields(root), packageSchema(root));
  const findings: Finding[] = [];
  const sources = apexSources(root);
  for (const source of sources) {
    const parsed = parseApex(source.text, source.kind);
    const checker = new FileChecker(index, rel(root, source.path));
    checker.check(parsed.tree);
    findings.push(...checker.findings);
  }
  return {
    findings,
    summary: `${sources.length} Apex files resolved against package metadata and the standard-field list`,
  };
}
