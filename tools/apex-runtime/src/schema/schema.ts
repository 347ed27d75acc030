// The org's schema, built from an SFDX project's metadata plus the standard object catalog.
//
// Rules emulated, with the Salesforce documentation they come from:
// - A managed package's objects, fields and relationships are reported with the namespace prefix
//   (`ns__Obj__c`, `ns__Field__c`, `ns__Rel__r`), while code inside the package may omit it
//   (Salesforce Help / ISVforce Guide: "Namespace Prefix"). Every lookup here accepts both.
// - Custom object standard fields (Id, Name, OwnerId, audit fields), AutoNumber and Text name
//   fields, master-detail children without OwnerId and with ControlledByParent sharing
//   (Object Reference: "Custom Objects"; Metadata API Developer Guide: "CustomObject").
// - Custom field types, lengths, required / unique / caseSensitive / externalId, picklist value
//   sets, defaults, Long Text Area (not filterable), Number precision and scale, Lookup and
//   Master-Detail relationship names (Metadata API Developer Guide: "CustomField").
// - Hierarchy custom settings carry SetupOwnerId (Apex Developer Guide: "Custom Settings Methods").
// - Fields declared under objects/Activity belong to Task and Event (Metadata API: "Activity").
// - Permission sets: objectPermissions, fieldPermissions (`Obj.Field__c`), customPermissions,
//   classAccesses, userPermissions, externalCredentialPrincipalAccesses (Metadata API Developer
//   Guide: "PermissionSet").
// - CustomLabels, StaticResource (content type), CustomPermission, CustomMetadata records
//   (Metadata API Developer Guide pages of those names).
// - RecordType, MatchingRule, DuplicateRule and permission sets' recordTypeVisibilities:
//   orgRules.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { standInProfiles } from './profiles';
import { platformEventObject } from './platformEvents';
import {
  readDuplicateRule,
  readMatchingRules,
  readRecordType,
  recordTypeObjectFolder,
  type DuplicateRuleDefinition,
  type MatchingRuleDefinition,
} from './orgRules';
import {
  APEX_TYPE_OF,
  AUDIT_FIELDS,
  OWNER_FIELD,
  STANDARD_OBJECTS,
  type StandardObjectSpec,
} from './standardObjects';
import type {
  ChildRelationship,
  FieldDescribe,
  FieldType,
  ObjectDescribe,
  PermissionGrant,
  PicklistEntry,
  SharingModel,
} from './types';

export interface CustomPermissionInfo {
  name: string;
  label: string;
  description: string | null;
}

export interface CustomLabelInfo {
  name: string;
  value: string;
  language: string;
  protected: boolean;
  categories: string | null;
  shortDescription: string | null;
}

export interface StaticResourceInfo {
  name: string;
  contentType: string;
  cacheControl: string;
  description: string | null;
  /** The file's bytes; an archive folder (a zip's source form) is not packed: see `folder`. */
  body: Uint8Array;
  folder: boolean;
}

export interface CustomMetadataRecord {
  /** `Type__mdt` (schema spelling) and the record's DeveloperName. */
  type: string;
  developerName: string;
  label: string;
  protected: boolean;
  values: Map<string, string | boolean | number | null>;
}

const ARRAY_TAGS = new Set([
  'value',
  'values',
  'fieldPermissions',
  'objectPermissions',
  'customPermissions',
  'classAccesses',
  'recordTypeVisibilities',
  'userPermissions',
  'externalCredentialPrincipalAccesses',
  'labels',
  'packageDirectories',
  'customValue',
]);

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

type Xml = Record<string, unknown>;

function readXml(file: string, root: string): Xml {
  const parsed = xml.parse(readFileSync(file, 'utf8')) as Xml;
  const node = parsed[root];
  if (!node || typeof node !== 'object') {
    throw new Error(`${file}: expected a <${root}> document`);
  }
  return node as Xml;
}

function str(node: Xml, key: string): string | null {
  const v = node[key];
  if (v === undefined || v === null || typeof v === 'object') {
    return null;
  }
  return String(v);
}

function bool(node: Xml, key: string, fallback = false): boolean {
  const v = str(node, key);
  return v === null ? fallback : v.toLowerCase() === 'true';
}

function num(node: Xml, key: string, fallback = 0): number {
  const v = str(node, key);
  return v === null || v === '' ? fallback : Number(v);
}

function list(node: Xml, key: string): Xml[] {
  const v = node[key];
  if (v === undefined || v === null) {
    return [];
  }
  return (Array.isArray(v) ? v : [v]).filter((x): x is Xml => typeof x === 'object' && x !== null);
}

const SUFFIX = /__(c|r|mdt|e|b|x|share|history|feed)$/i;

/** Whether a name already carries a namespace: `ns__Name__c`. */
function hasNamespace(name: string): boolean {
  return (
    /^[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_]+__[A-Za-z]+$/.test(name) && name.split('__').length >= 3
  );
}

function blankField(name: string, localName: string): FieldDescribe {
  return {
    name,
    localName,
    label: name,
    type: 'string',
    length: 0,
    precision: 0,
    scale: 0,
    digits: 0,
    nillable: true,
    required: false,
    unique: false,
    caseSensitive: false,
    externalId: false,
    referenceTo: [],
    relationshipName: null,
    cascadeDelete: false,
    custom: false,
    calculated: false,
    autoNumber: false,
    createable: true,
    updateable: true,
    filterable: true,
    sortable: true,
    groupable: true,
    htmlFormatted: false,
    nameField: false,
    system: false,
    picklistValues: [],
    defaultValue: null,
    inlineHelpText: null,
  };
}

/** Expands one field of the catalog's notation (see standardObjects.ts). */
export function parseFieldSpec(spec: string, picklist?: string[]): FieldDescribe {
  const [first, ...flags] = spec.trim().split(/\s+/);
  // split always yields at least one part.
  const head = first!;
  const colon = head.indexOf(':');
  const name = head.slice(0, colon);
  const typeText = head.slice(colon + 1);
  const m = /^([a-z0-9]+)(?:\((.*)\))?$/.exec(typeText);
  if (!m) {
    throw new Error(`bad field spec ${spec}`);
  }
  const f = blankField(name, name);
  f.label = name.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') || name;
  // The first group always takes part in a match.
  const kind = m[1]!;
  const arg = m[2] ?? '';
  const numbers = arg.split(',').map(Number);
  const typeMap: Record<string, FieldType> = {
    id: 'id',
    string: 'string',
    textarea: 'textarea',
    email: 'email',
    phone: 'phone',
    url: 'url',
    picklist: 'picklist',
    multipicklist: 'multipicklist',
    combobox: 'combobox',
    boolean: 'boolean',
    int: 'integer',
    double: 'double',
    currency: 'currency',
    percent: 'percent',
    date: 'date',
    datetime: 'datetime',
    time: 'time',
    base64: 'base64',
    ref: 'reference',
    address: 'address',
    location: 'location',
    anytype: 'anytype',
  };
  const type = typeMap[kind];
  if (!type) {
    throw new Error(`bad field type in ${spec}`);
  }
  f.type = type;
  if (type === 'reference') {
    f.referenceTo = arg.split('|');
    f.length = 18;
  } else if (['double', 'currency', 'percent'].includes(type)) {
    f.precision = numbers[0] || 18;
    f.scale = numbers[1] || 0;
  } else if (type === 'integer') {
    f.digits = 9;
  } else if (arg) {
    // split always yields at least one part.
    f.length = numbers[0]!;
  }
  if (type === 'boolean') {
    f.nillable = false;
    f.defaultValue = false;
  }
  if (type === 'textarea' && f.length > 255) {
    f.filterable = false;
    f.sortable = false;
    f.groupable = false;
  }
  if (type === 'address' || type === 'location') {
    f.unsupportedReason = `compound ${type} field ${name}`;
    f.filterable = false;
    f.sortable = false;
    f.groupable = false;
  }
  for (const flag of flags) {
    if (flag === 'req') {
      f.nillable = false;
      f.required = true;
      f.alwaysAccessible = true;
    } else if (flag === 'nn') {
      f.nillable = false;
    } else if (flag === 'ro') {
      f.createable = false;
      f.updateable = false;
    } else if (flag === 'co') {
      f.updateable = false;
    } else if (flag === 'uniq') {
      f.unique = true;
    } else if (flag === 'ext') {
      f.externalId = true;
    } else if (flag === 'cs') {
      f.caseSensitive = true;
    } else if (flag === 'name') {
      f.nameField = true;
    } else if (flag.startsWith('rel=')) {
      f.relationshipName = flag.slice(4);
    } else if (flag === 'cascade') {
      f.cascadeDelete = true;
    } else if (flag === 'nofls') {
      f.alwaysAccessible = true;
    } else if (flag === 'nofilter') {
      f.filterable = false;
    } else if (flag === 'dtrue') {
      // A checkbox that is true unless set (User.IsActive).
      f.defaultValue = true;
      f.sortable = false;
      f.groupable = false;
    } else {
      throw new Error(`bad flag ${flag} in ${spec}`);
    }
  }
  if (f.required && !f.createable) {
    f.required = false;
  }
  if (type === 'reference' && f.relationshipName === null) {
    f.relationshipName = name.replace(/Id$/, '');
  }
  if (picklist) {
    f.picklistValues = picklist.map((v) => {
      const isDefault = v.startsWith('*');
      const value = isDefault ? v.slice(1) : v;
      return { value, label: value, active: true, defaultValue: isDefault };
    });
    const def = f.picklistValues.find((p) => p.defaultValue);
    if (def) {
      f.defaultValue = def.value;
    }
  }
  f.apexType = APEX_TYPE_OF[f.type];
  return f;
}

function systemField(spec: string): FieldDescribe {
  const f = parseFieldSpec(spec);
  f.system = true;
  f.nillable = f.name === 'IsDeleted' ? false : f.nillable;
  if (f.name !== 'OwnerId') {
    f.createable = false;
    f.updateable = false;
  }
  return f;
}

function idField(): FieldDescribe {
  const f = blankField('Id', 'Id');
  f.label = 'Record ID';
  f.type = 'id';
  f.length = 18;
  f.nillable = false;
  f.createable = false;
  f.updateable = false;
  f.system = true;
  f.alwaysAccessible = true;
  f.apexType = 'Id';
  return f;
}

function newObject(name: string, localName: string): ObjectDescribe {
  return {
    name,
    localName,
    label: localName,
    labelPlural: localName,
    keyPrefix: '',
    custom: false,
    customSettingType: null,
    setupObject: false,
    sharingModel: 'ReadWrite',
    hasOwner: false,
    fields: new Map(),
    childRelationships: [],
    visibility: 'Public',
    createable: true,
    queryable: true,
  };
}

function addField(obj: ObjectDescribe, f: FieldDescribe): void {
  obj.fields.set(f.name.toLowerCase(), f);
}

export function standardObject(spec: StandardObjectSpec): ObjectDescribe {
  const obj = newObject(spec.name, spec.name);
  obj.label = spec.label;
  obj.labelPlural = spec.plural;
  obj.keyPrefix = spec.keyPrefix;
  obj.sharingModel = spec.sharing;
  obj.hasOwner = spec.owner ?? false;
  obj.setupObject = spec.setup ?? false;
  obj.createable = spec.createable ?? !spec.systemManaged;
  obj.updateable = spec.updateable ?? !spec.systemManaged;
  obj.deletable = spec.deletable ?? !spec.systemManaged;
  obj.queryable = spec.queryable ?? true;
  obj.systemManaged = spec.systemManaged ?? false;
  obj.sharingParentField = spec.sharingParent ?? null;
  obj.standardUserAccess = spec.access;
  addField(obj, idField());
  for (const fieldSpec of spec.fields) {
    const name = fieldSpec.slice(0, fieldSpec.indexOf(':'));
    addField(obj, parseFieldSpec(fieldSpec, spec.picklists?.[name]));
  }
  if (spec.owner) {
    addField(obj, systemField(OWNER_FIELD));
  }
  if (spec.audit ?? true) {
    for (const a of AUDIT_FIELDS) {
      const f = systemField(a);
      if (!obj.fields.has(f.name.toLowerCase())) {
        addField(obj, f);
      }
    }
  }
  return obj;
}

/** Standard child relationships between catalog objects: [parent, child, field, relationship]. */
const STANDARD_CHILDREN: [string, string, string, string][] = [
  ['Account', 'Contact', 'AccountId', 'Contacts'],
  ['Account', 'Opportunity', 'AccountId', 'Opportunities'],
  ['Account', 'Account', 'ParentId', 'ChildAccounts'],
  ['Account', 'Task', 'WhatId', 'Tasks'],
  ['Account', 'Event', 'WhatId', 'Events'],
  ['Contact', 'Task', 'WhoId', 'Tasks'],
  ['Contact', 'Event', 'WhoId', 'Events'],
  ['Contact', 'Contact', 'ReportsToId', 'ReportsTo'],
  ['Lead', 'Task', 'WhoId', 'Tasks'],
  ['Lead', 'Event', 'WhoId', 'Events'],
  ['Opportunity', 'Task', 'WhatId', 'Tasks'],
  ['Opportunity', 'Event', 'WhatId', 'Events'],
  ['User', 'PermissionSetAssignment', 'AssigneeId', 'PermissionSetAssignments'],
  ['PermissionSet', 'PermissionSetAssignment', 'PermissionSetId', 'Assignments'],
  ['Profile', 'User', 'ProfileId', 'Users'],
  ['UserRole', 'User', 'UserRoleId', 'Users'],
  ['User', 'User', 'ManagerId', 'ManagedUsers'],
];

/** Custom object key prefixes: deterministic, a00, a01 ... in name order. */
function keyPrefixFor(index: number, letter: string): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return letter + digits[Math.floor(index / 62) % 62] + digits[index % 62];
}

export class Schema {
  readonly namespace: string | null;
  readonly packageDirectories: string[];
  readonly projectDir: string;
  /** Every object by its describe name, lower-cased. */
  readonly objects = new Map<string, ObjectDescribe>();
  readonly permissionSets = new Map<string, PermissionGrant>();
  readonly profiles: Map<string, PermissionGrant> = standInProfiles();
  readonly customPermissions = new Map<string, CustomPermissionInfo>();
  readonly labels = new Map<string, CustomLabelInfo>();
  readonly staticResources = new Map<string, StaticResourceInfo>();
  /** Custom metadata records by type (schema spelling, lower-cased). */
  readonly customMetadata = new Map<string, CustomMetadataRecord[]>();
  /** Apex classes and triggers of the project, by name as written in the file name. */
  readonly apexClassNames: string[] = [];
  readonly apexTriggerNames: string[] = [];
  /** Matching and duplicate rules (orgRules.ts), in sortOrder per object. */
  readonly matchingRules: MatchingRuleDefinition[] = [];
  readonly duplicateRules: DuplicateRuleDefinition[] = [];

  private readonly byLocalName = new Map<string, ObjectDescribe>();
  private readonly byPrefix = new Map<string, ObjectDescribe[]>();
  private readonly parentRels = new Map<string, Map<string, FieldDescribe>>();
  private readonly childRels = new Map<string, Map<string, ChildRelationship>>();

  constructor(projectDir: string, namespace: string | null, packageDirectories: string[]) {
    this.projectDir = projectDir;
    this.namespace = namespace || null;
    this.packageDirectories = packageDirectories;
  }

  /** A package name in the schema's spelling: `Obj__c` -> `ns__Obj__c` (standard names unchanged). */
  qualify(name: string): string {
    if (!this.namespace || !SUFFIX.test(name) || hasNamespace(name)) {
      return name;
    }
    return `${this.namespace}__${name}`;
  }

  /** Strips this package's namespace: `ns__Obj__c` -> `Obj__c`. */
  unqualify(name: string): string {
    const prefix = this.namespace ? `${this.namespace.toLowerCase()}__` : null;
    if (prefix && name.toLowerCase().startsWith(prefix) && hasNamespace(name)) {
      return name.slice(prefix.length);
    }
    return name;
  }

  object(name: string): ObjectDescribe | undefined {
    const key = name.toLowerCase().replace(/^schema\./, '');
    return (
      this.objects.get(key) ?? this.byLocalName.get(key) ?? this.objects.get(this.qualify(key))
    );
  }

  field(objectName: string | ObjectDescribe, fieldName: string): FieldDescribe | undefined {
    const obj = typeof objectName === 'string' ? this.object(objectName) : objectName;
    if (!obj) {
      return undefined;
    }
    const key = fieldName.toLowerCase();
    return obj.fields.get(key) ?? obj.fields.get(this.qualify(key));
  }

  /** The reference field whose relationship name is `relName` (`Owner`, `ns__Conversation__r`). */
  relationship(objectName: string | ObjectDescribe, relName: string): FieldDescribe | undefined {
    const obj = typeof objectName === 'string' ? this.object(objectName) : objectName;
    if (!obj) {
      return undefined;
    }
    let map = this.parentRels.get(obj.name.toLowerCase());
    if (!map) {
      map = new Map();
      for (const f of obj.fields.values()) {
        if (f.type === 'reference' && f.relationshipName) {
          map.set(f.relationshipName.toLowerCase(), f);
        }
      }
      this.parentRels.set(obj.name.toLowerCase(), map);
    }
    const key = relName.toLowerCase();
    return map.get(key) ?? map.get(this.qualify(key));
  }

  childRelationship(
    objectName: string | ObjectDescribe,
    relName: string
  ): ChildRelationship | undefined {
    const obj = typeof objectName === 'string' ? this.object(objectName) : objectName;
    if (!obj) {
      return undefined;
    }
    let map = this.childRels.get(obj.name.toLowerCase());
    if (!map) {
      map = new Map();
      for (const c of obj.childRelationships) {
        if (c.relationshipName) {
          map.set(c.relationshipName.toLowerCase(), c);
        }
      }
      this.childRels.set(obj.name.toLowerCase(), map);
    }
    const key = relName.toLowerCase();
    return map.get(key) ?? map.get(this.qualify(key));
  }

  /** The first object whose Ids start with the prefix (LeadStatus and TaskStatus share 01J). */
  objectByKeyPrefix(prefix: string): ObjectDescribe | undefined {
    return this.byPrefix.get(prefix)?.[0];
  }

  objectsByKeyPrefix(prefix: string): ObjectDescribe[] {
    return this.byPrefix.get(prefix) ?? [];
  }

  /** Every queryable object and platform event, as Schema.getGlobalDescribe lists them. */
  globalDescribe(): ObjectDescribe[] {
    return [...this.objects.values()].filter((o) => o.queryable || o.platformEvent);
  }

  register(obj: ObjectDescribe): void {
    this.objects.set(obj.name.toLowerCase(), obj);
    this.byLocalName.set(obj.localName.toLowerCase(), obj);
    if (obj.keyPrefix) {
      const list = this.byPrefix.get(obj.keyPrefix) ?? [];
      list.push(obj);
      this.byPrefix.set(obj.keyPrefix, list);
    }
  }

  /** Called once every object is registered: child relationships on the parents. */
  link(): void {
    for (const [parent, child, field, rel] of STANDARD_CHILDREN) {
      const p = this.object(parent);
      const c = this.object(child);
      if (p && c && c.fields.has(field.toLowerCase())) {
        p.childRelationships.push({
          childSObject: c.name,
          field,
          relationshipName: rel,
          cascadeDelete: false,
        });
      }
    }
    for (const obj of this.objects.values()) {
      for (const f of obj.fields.values()) {
        if (!f.custom || f.type !== 'reference') {
          continue;
        }
        for (const target of f.referenceTo) {
          const parent = this.object(target);
          if (parent) {
            parent.childRelationships.push({
              childSObject: obj.name,
              field: f.name,
              relationshipName:
                (f as FieldDescribe & { childRelationshipName?: string }).childRelationshipName ??
                null,
              cascadeDelete: f.cascadeDelete,
            });
          }
        }
      }
    }
    this.parentRels.clear();
    this.childRels.clear();
  }
}

/** Reads sfdx-project.json and every metadata file of its package directories. */
export function loadSchema(projectDir: string): Schema {
  const project = JSON.parse(readFileSync(join(projectDir, 'sfdx-project.json'), 'utf8')) as {
    namespace?: string;
    packageDirectories?: { path: string }[];
  };
  const dirs = (project.packageDirectories ?? []).map((d) => join(projectDir, d.path));
  const schema = new Schema(projectDir, project.namespace ?? null, dirs);
  for (const spec of STANDARD_OBJECTS) {
    schema.register(standardObject(spec));
  }
  const files: string[] = [];
  for (const dir of dirs) {
    if (existsSync(dir)) {
      walk(dir, files);
    }
  }
  files.sort();
  new Loader(schema, files).load();
  schema.link();
  schema.duplicateRules.sort((a, b) => a.sortOrder - b.sortOrder);
  return schema;
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.') || entry === 'node_modules') {
      continue;
    }
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      walk(path, out);
    } else {
      out.push(path);
    }
  }
}

class Loader {
  private readonly globalValueSets = new Map<string, PicklistEntry[]>();

  constructor(
    private readonly schema: Schema,
    private readonly files: string[]
  ) {}

  load(): void {
    const objectFiles = this.files.filter((f) => f.endsWith('.object-meta.xml'));
    const fieldFiles = this.files.filter((f) => f.endsWith('.field-meta.xml'));
    for (const f of this.files.filter((x) => x.endsWith('.globalValueSet-meta.xml'))) {
      const node = readXml(f, 'GlobalValueSet');
      this.globalValueSets.set(
        basename(f, '.globalValueSet-meta.xml').toLowerCase(),
        picklistEntries(list(node, 'customValue'))
      );
    }
    // Custom objects first, sorted by name, so key prefixes are stable.
    const customs = objectFiles
      .map((file) => ({ file, local: basename(file, '.object-meta.xml') }))
      .filter((o) => SUFFIX.test(o.local))
      .sort((a, b) => a.local.localeCompare(b.local));
    let objIndex = 0;
    let mdtIndex = 0;
    let eventIndex = 0;
    for (const { file, local } of customs) {
      const node = readXml(file, 'CustomObject');
      if (/__e$/i.test(local)) {
        // Platform events have prefixes of their own (e00, e01 ...) and their own fields.
        this.schema.register(
          platformEventObject(
            this.schema.qualify(local),
            local,
            node,
            keyPrefixFor(eventIndex++, 'e')
          )
        );
        continue;
      }
      const isMdt = /__mdt$/i.test(local);
      const prefix = isMdt ? keyPrefixFor(mdtIndex++, 'm') : keyPrefixFor(objIndex++, 'a');
      this.schema.register(this.customObject(local, node, prefix, isMdt));
    }
    // Fields: custom objects' own and those added to standard objects.
    const pendingMasterDetail: { obj: ObjectDescribe; field: FieldDescribe }[] = [];
    for (const file of fieldFiles) {
      const objectFolder = basename(dirname(dirname(file)));
      const targets =
        objectFolder.toLowerCase() === 'activity' ? ['Task', 'Event'] : [objectFolder];
      const node = readXml(file, 'CustomField');
      for (const target of targets) {
        const obj = this.schema.object(target);
        if (!obj) {
          throw new Error(
            `${file}: no object ${target} in the schema (not in the standard catalog)`
          );
        }
        const field = this.customField(obj, node);
        obj.fields.set(field.name.toLowerCase(), field);
        if (field.cascadeDelete) {
          pendingMasterDetail.push({ obj, field });
        }
      }
    }
    for (const { obj } of pendingMasterDetail) {
      if (!obj.customSettingType) {
        obj.sharingModel = 'ControlledByParent';
        obj.hasOwner = false;
        obj.fields.delete('ownerid');
        const md = [...obj.fields.values()].find((f) => f.cascadeDelete);
        obj.sharingParentField = md ? md.name : null;
      }
    }
    for (const file of this.files) {
      if (file.endsWith('.permissionset-meta.xml')) {
        const grant = this.permissionSet(file);
        this.schema.permissionSets.set(grant.name.toLowerCase(), grant);
      } else if (file.endsWith('.customPermission-meta.xml')) {
        const node = readXml(file, 'CustomPermission');
        const name = basename(file, '.customPermission-meta.xml');
        this.schema.customPermissions.set(name.toLowerCase(), {
          name,
          label: str(node, 'label') ?? name,
          description: str(node, 'description'),
        });
      } else if (file.endsWith('.labels-meta.xml')) {
        for (const label of list(readXml(file, 'CustomLabels'), 'labels')) {
          const name = str(label, 'fullName') ?? '';
          // `value` is an array tag (picklist values): a label's one value arrives as a list.
          const value = ([label.value] as unknown[]).flat()[0];
          this.schema.labels.set(name.toLowerCase(), {
            name,
            value: typeof value === 'string' ? value : '',
            language: str(label, 'language') ?? 'en_US',
            protected: bool(label, 'protected'),
            categories: str(label, 'categories'),
            shortDescription: str(label, 'shortDescription'),
          });
        }
      } else if (file.endsWith('.resource-meta.xml')) {
        this.staticResource(file);
      } else if (file.endsWith('.md-meta.xml')) {
        this.customMetadataRecord(file);
      } else if (file.endsWith('.recordType-meta.xml')) {
        const folder = recordTypeObjectFolder(file);
        const obj = this.schema.object(folder);
        if (!obj) {
          throw new Error(`${file}: no object ${folder} in the schema`);
        }
        (obj.recordTypes ??= []).push(readRecordType(file));
      } else if (file.endsWith('.matchingRule-meta.xml')) {
        this.schema.matchingRules.push(...readMatchingRules(file));
      } else if (file.endsWith('.duplicateRule-meta.xml')) {
        this.schema.duplicateRules.push(readDuplicateRule(file));
      } else if (file.endsWith('.cls') && basename(dirname(file)) === 'classes') {
        this.schema.apexClassNames.push(basename(file, '.cls'));
      } else if (file.endsWith('.trigger') && basename(dirname(file)) === 'triggers') {
        this.schema.apexTriggerNames.push(basename(file, '.trigger'));
      }
    }
  }

  private customObject(
    local: string,
    node: Xml,
    keyPrefix: string,
    isMdt: boolean
  ): ObjectDescribe {
    const s = this.schema;
    const obj = newObject(s.qualify(local), local);
    obj.custom = true;
    obj.label = str(node, 'label') ?? local;
    obj.labelPlural = str(node, 'pluralLabel') ?? obj.label;
    obj.keyPrefix = keyPrefix;
    const settingType = str(node, 'customSettingsType');
    obj.customSettingType =
      settingType === 'Hierarchy' || settingType === 'List' ? settingType : null;
    obj.visibility = str(node, 'visibility') === 'Protected' ? 'Protected' : 'Public';
    const sharing = str(node, 'sharingModel') as SharingModel | null;
    obj.sharingModel = sharing ?? 'ReadWrite';
    obj.hasOwner = !obj.customSettingType && !isMdt;
    obj.standardUserAccess = 'none';
    obj.sharingParentField = null;
    addField(obj, idField());
    // Name field.
    const nameNode = (node.nameField as Xml | undefined) ?? null;
    const nameField = blankField('Name', 'Name');
    nameField.nameField = true;
    nameField.alwaysAccessible = true;
    nameField.apexType = 'String';
    if (isMdt) {
      obj.createable = false;
      obj.updateable = false;
      obj.deletable = false;
      obj.sharingModel = 'Read';
      for (const spec of [
        'DeveloperName:string(40) ro nofls',
        'MasterLabel:string(40) ro nofls',
        'Label:string(40) ro nofls',
        'QualifiedApiName:string(70) ro nofls',
        'NamespacePrefix:string(15) ro nofls',
        'Language:picklist(40) ro nofls',
      ]) {
        addField(obj, parseFieldSpec(spec));
      }
    } else if (obj.customSettingType) {
      nameField.length = 38;
      nameField.label = 'Name';
      nameField.nillable = obj.customSettingType === 'Hierarchy';
      nameField.required = obj.customSettingType === 'List';
      addField(obj, nameField);
      if (obj.customSettingType === 'Hierarchy') {
        const owner = parseFieldSpec(
          'SetupOwnerId:ref(Organization|Profile|User) rel=SetupOwner nofls'
        );
        owner.label = 'Location';
        owner.unique = true;
        owner.nillable = true;
        addField(obj, owner);
      }
    } else if (nameNode && str(nameNode, 'type') === 'AutoNumber') {
      nameField.type = 'string';
      nameField.length = 30;
      nameField.autoNumber = true;
      nameField.createable = false;
      nameField.updateable = false;
      nameField.nillable = false;
      nameField.label = str(nameNode, 'label') ?? 'Name';
      nameField.displayFormat = str(nameNode, 'displayFormat') ?? '{0}';
      addField(obj, nameField);
    } else {
      nameField.length = 80;
      nameField.label = (nameNode && str(nameNode, 'label')) ?? 'Name';
      addField(obj, nameField);
    }
    if (obj.hasOwner) {
      addField(obj, systemField(OWNER_FIELD));
    }
    for (const a of AUDIT_FIELDS) {
      addField(obj, systemField(a));
    }
    if (!obj.customSettingType && !isMdt) {
      addField(obj, systemField('LastViewedDate:datetime ro nofls'));
      addField(obj, systemField('LastReferencedDate:datetime ro nofls'));
    }
    return obj;
  }

  private customField(
    obj: ObjectDescribe,
    node: Xml
  ): FieldDescribe & { childRelationshipName?: string } {
    const s = this.schema;
    const local = str(node, 'fullName') ?? '';
    const f: FieldDescribe & { childRelationshipName?: string } = blankField(
      s.qualify(local),
      local
    );
    f.custom = true;
    f.label = str(node, 'label') ?? local;
    f.inlineHelpText = str(node, 'inlineHelpText');
    f.required = bool(node, 'required');
    f.nillable = !f.required;
    f.unique = bool(node, 'unique');
    f.externalId = bool(node, 'externalId');
    f.caseSensitive = bool(node, 'caseSensitive');
    const xmlType = str(node, 'type') ?? (str(node, 'formula') ? 'Text' : '');
    const length = num(node, 'length');
    switch (xmlType) {
      case 'Text':
        f.type = 'string';
        f.length = length || 255;
        break;
      case 'TextArea':
        f.type = 'textarea';
        f.length = 255;
        break;
      case 'LongTextArea':
      case 'Html':
        f.type = 'textarea';
        f.length = length || 32768;
        f.htmlFormatted = xmlType === 'Html';
        f.filterable = false;
        f.sortable = false;
        f.groupable = false;
        break;
      case 'EncryptedText':
        f.type = 'encryptedstring';
        f.length = length || 175;
        f.filterable = false;
        f.sortable = false;
        f.groupable = false;
        break;
      case 'Email':
        f.type = 'email';
        f.length = 80;
        break;
      case 'Phone':
        f.type = 'phone';
        f.length = 40;
        break;
      case 'Url':
        f.type = 'url';
        f.length = 255;
        break;
      case 'Number':
      case 'Currency':
      case 'Percent':
        f.type = xmlType === 'Number' ? 'double' : xmlType === 'Currency' ? 'currency' : 'percent';
        f.precision = num(node, 'precision', 18);
        f.scale = num(node, 'scale', 0);
        break;
      case 'Checkbox':
        f.type = 'boolean';
        f.nillable = false;
        f.required = false;
        f.groupable = true;
        break;
      case 'Date':
        f.type = 'date';
        break;
      case 'DateTime':
        f.type = 'datetime';
        break;
      case 'Time':
        f.type = 'time';
        break;
      case 'Picklist':
      case 'MultiselectPicklist': {
        f.type = xmlType === 'Picklist' ? 'picklist' : 'multipicklist';
        f.length = xmlType === 'Picklist' ? 255 : 4099;
        const valueSet = (node.valueSet as Xml | undefined) ?? null;
        if (valueSet) {
          f.restrictedPicklist = bool(valueSet, 'restricted');
          const definition = (valueSet.valueSetDefinition as Xml | undefined) ?? null;
          const setName = str(valueSet, 'valueSetName');
          if (definition) {
            f.picklistValues = picklistEntries(list(definition, 'value'));
          } else if (setName) {
            f.picklistValues = this.globalValueSets.get(setName.toLowerCase()) ?? [];
            f.restrictedPicklist = true;
          }
        }
        const def = f.picklistValues.find((p) => p.defaultValue);
        if (def) {
          f.defaultValue = def.value;
        }
        break;
      }
      case 'Lookup':
      case 'MasterDetail':
      case 'Hierarchy': {
        f.type = 'reference';
        f.length = 18;
        const target = xmlType === 'Hierarchy' ? obj.name : (str(node, 'referenceTo') ?? '');
        f.referenceTo = [s.object(target)?.name ?? s.qualify(target)];
        f.relationshipName = s.qualify(`${local.replace(/__c$/i, '')}__r`);
        const childRel = str(node, 'relationshipName');
        f.childRelationshipName = childRel ? s.qualify(`${childRel}__r`) : undefined;
        if (xmlType === 'MasterDetail') {
          f.cascadeDelete = true;
          f.nillable = false;
          f.required = true;
          f.updateable = bool(node, 'reparentableMasterDetail');
          f.writeRequiresMasterRead = bool(node, 'writeRequiresMasterRead');
        } else {
          const constraint = str(node, 'deleteConstraint');
          f.deleteConstraint =
            constraint === 'Restrict'
              ? 'Restrict'
              : constraint === 'Cascade'
                ? 'Cascade'
                : 'SetNull';
        }
        break;
      }
      case 'AutoNumber':
        f.type = 'string';
        f.length = 30;
        f.autoNumber = true;
        f.createable = false;
        f.updateable = false;
        f.nillable = false;
        f.required = false;
        f.displayFormat = str(node, 'displayFormat') ?? '{0}';
        break;
      case 'Summary':
        f.type = 'double';
        f.calculated = true;
        f.unsupportedReason = `roll-up summary field ${f.name}`;
        break;
      case 'Location':
        f.type = 'location';
        f.unsupportedReason = `geolocation field ${f.name}`;
        break;
      default:
        f.unsupportedReason = `custom field type ${xmlType} (${f.name})`;
    }
    const formula = str(node, 'formula');
    if (formula !== null) {
      f.calculated = true;
      f.createable = false;
      f.updateable = false;
      f.nillable = true;
      f.required = false;
      f.unsupportedReason = `formula field ${obj.name}.${f.name}`;
      const returnType = str(node, 'type');
      if (returnType === 'Checkbox') {
        f.type = 'boolean';
      }
    }
    const defaultText = str(node, 'defaultValue');
    if (defaultText !== null && defaultText !== '') {
      const literal = literalDefault(defaultText);
      if (literal === undefined) {
        f.defaultFormula = defaultText;
      } else {
        f.defaultValue = literal;
      }
    } else if (f.type === 'boolean' && f.defaultValue === null) {
      f.defaultValue = false;
    }
    if (f.required && f.defaultValue !== null) {
      f.required = false;
    }
    if (f.required && !f.createable) {
      f.required = false;
    }
    if (!f.nillable && f.type !== 'boolean') {
      // Required and master-detail fields have no field-level security.
      f.alwaysAccessible = true;
    }
    f.apexType = APEX_TYPE_OF[f.type];
    return f;
  }

  private permissionSet(file: string): PermissionGrant {
    const s = this.schema;
    const node = readXml(file, 'PermissionSet');
    const name = basename(file, '.permissionset-meta.xml');
    const grant: PermissionGrant = {
      name,
      label: str(node, 'label') ?? name,
      kind: 'permissionSet',
      objects: new Map(),
      fields: new Map(),
      customPermissions: new Set(),
      classAccesses: new Set(),
      viewAllData: false,
      modifyAllData: false,
      allStandardObjects: false,
      userPermissions: new Set(),
    };
    for (const o of list(node, 'objectPermissions')) {
      const objName = str(o, 'object') ?? '';
      const obj = s.object(objName);
      grant.objects.set((obj?.name ?? s.qualify(objName)).toLowerCase(), {
        read: bool(o, 'allowRead'),
        create: bool(o, 'allowCreate'),
        edit: bool(o, 'allowEdit'),
        delete: bool(o, 'allowDelete'),
        viewAll: bool(o, 'viewAllRecords'),
        modifyAll: bool(o, 'modifyAllRecords'),
      });
    }
    for (const fp of list(node, 'fieldPermissions')) {
      const text = str(fp, 'field') ?? '';
      const dot = text.indexOf('.');
      const objName = text.slice(0, dot);
      const fieldName = text.slice(dot + 1);
      const objects = objName.toLowerCase() === 'activity' ? ['Task', 'Event'] : [objName];
      for (const o of objects) {
        const obj = s.object(o);
        const field = obj ? s.field(obj, fieldName) : undefined;
        const key =
          `${obj?.name ?? s.qualify(o)}.${field?.name ?? s.qualify(fieldName)}`.toLowerCase();
        grant.fields.set(key, { readable: bool(fp, 'readable'), editable: bool(fp, 'editable') });
      }
    }
    for (const cp of list(node, 'customPermissions')) {
      if (bool(cp, 'enabled')) {
        grant.customPermissions.add((str(cp, 'name') ?? '').toLowerCase());
      }
    }
    for (const access of list(node, 'externalCredentialPrincipalAccesses')) {
      if (bool(access, 'enabled')) {
        (grant.externalCredentialPrincipals ??= new Set()).add(
          (str(access, 'externalCredentialPrincipal') ?? '').toLowerCase()
        );
      }
    }
    for (const rt of list(node, 'recordTypeVisibilities')) {
      if (bool(rt, 'visible')) {
        const [objName = '', developerName = ''] = (str(rt, 'recordType') ?? '').split('.');
        const obj = s.object(objName);
        (grant.recordTypes ??= new Set()).add(
          `${obj?.name ?? s.qualify(objName)}.${developerName}`.toLowerCase()
        );
      }
    }
    for (const ca of list(node, 'classAccesses')) {
      if (bool(ca, 'enabled')) {
        grant.classAccesses.add((str(ca, 'apexClass') ?? '').toLowerCase());
      }
    }
    for (const up of list(node, 'userPermissions')) {
      if (bool(up, 'enabled')) {
        const perm = (str(up, 'name') ?? '').toLowerCase();
        grant.userPermissions.add(perm);
        if (perm === 'viewalldata') {
          grant.viewAllData = true;
        }
        if (perm === 'modifyalldata') {
          grant.modifyAllData = true;
          grant.viewAllData = true;
        }
      }
    }
    return grant;
  }

  private staticResource(file: string): void {
    const node = readXml(file, 'StaticResource');
    const name = basename(file, '.resource-meta.xml');
    const dir = dirname(file);
    const sibling = readdirSync(dir).find(
      (entry) =>
        entry !== basename(file) &&
        (entry === name || entry.startsWith(`${name}.`)) &&
        !entry.endsWith('-meta.xml')
    );
    let body = new Uint8Array();
    let folder = false;
    if (sibling) {
      const path = join(dir, sibling);
      if (statSync(path).isDirectory()) {
        folder = true;
      } else {
        body = new Uint8Array(readFileSync(path));
      }
    }
    this.schema.staticResources.set(name.toLowerCase(), {
      name,
      contentType: str(node, 'contentType') ?? 'application/octet-stream',
      cacheControl: str(node, 'cacheControl') ?? 'Private',
      description: str(node, 'description'),
      body,
      folder,
    });
  }

  private customMetadataRecord(file: string): void {
    const node = readXml(file, 'CustomMetadata');
    const full = basename(file, '.md-meta.xml');
    const dot = full.indexOf('.');
    const typeLocal = `${full.slice(0, dot)}__mdt`;
    const type = this.schema.object(typeLocal)?.name ?? this.schema.qualify(typeLocal);
    const values = new Map<string, string | boolean | number | null>();
    for (const v of list(node, 'values')) {
      const field = str(v, 'field') ?? '';
      const raw = v.value;
      values.set(
        this.schema.qualify(field),
        raw === undefined || typeof raw === 'object' ? null : String(raw)
      );
    }
    const records = this.schema.customMetadata.get(type.toLowerCase()) ?? [];
    records.push({
      type,
      developerName: full.slice(dot + 1),
      label: str(node, 'label') ?? full.slice(dot + 1),
      protected: bool(node, 'protected'),
      values,
    });
    this.schema.customMetadata.set(type.toLowerCase(), records);
  }
}

function picklistEntries(values: Xml[]): PicklistEntry[] {
  return values.map((v) => {
    const value = str(v, 'fullName') ?? str(v, 'valueName') ?? '';
    return {
      value,
      label: str(v, 'label') ?? value,
      active: str(v, 'isActive') === null ? true : bool(v, 'isActive'),
      defaultValue: bool(v, 'default'),
    };
  });
}

/** A `<defaultValue>` that is a literal: `true`, `42`, `'text'`, `"text"`; undefined for a formula. */
function literalDefault(text: string): string | number | boolean | undefined {
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) {
    return t.toLowerCase() === 'true';
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    return Number(t);
  }
  const quoted = /^'(.*)'$|^"(.*)"$/s.exec(t);
  if (quoted) {
    return (quoted[1] ?? quoted[2] ?? '').replace(/\\'/g, "'").replace(/\\"/g, '"');
  }
  return undefined;
}
