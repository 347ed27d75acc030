// SObject fields and methods (Apex Reference Guide: SObject Class; Apex Developer Guide:
// Accessing SObject Fields, Accessing SObject Fields Through Relationships). Field names are
// resolved through the schema, namespaced or not, and stored under the schema's spelling, so
// `c.LinkedIn_Key__c` and `c.get('kondo__LinkedIn_Key__c')` are the same field.
import { ApexError } from '../interpreter/errors';
import {
  ApexDecimal,
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  SObjectValue,
  type ApexValue,
} from '../interpreter/values';
import type { ChildRelationship, FieldDescribe, ObjectDescribe } from '../schema/types';
import { recordOptions } from './Database';

export interface SchemaLookup {
  describeObject(name: string): ObjectDescribe | undefined;
  describeField(objectName: string, fieldName: string): FieldDescribe | undefined;
  /** Validates and widens an Id to 18 characters; throws StringException 'Invalid id: x'. */
  normaliseId(id: string): string;
}

export type ResolvedField =
  | { kind: 'field'; key: string; field: FieldDescribe }
  | { kind: 'parent'; key: string; field: FieldDescribe }
  | { kind: 'children'; key: string; relationship: ChildRelationship }
  | { kind: 'alias'; key: string };

/** Where a field name of a record lives: a field, a parent relationship, a child relationship. */
export function resolveField(
  schema: SchemaLookup,
  record: SObjectValue,
  name: string
): ResolvedField {
  if (record.type === 'AggregateResult') {
    return { kind: 'alias', key: name };
  }
  const field = schema.describeField(record.type, name);
  if (field) {
    return { kind: 'field', key: field.name, field };
  }
  const object = schema.describeObject(record.type);
  if (object) {
    const lower = name.toLowerCase();
    const local = lower.replace(/^[a-z0-9]+__(?=.+__r$)/, '');
    for (const f of object.fields.values()) {
      const rel = f.relationshipName?.toLowerCase();
      if (rel && (rel === lower || rel.replace(/^[a-z0-9]+__(?=.+__r$)/, '') === local)) {
        return { kind: 'parent', key: f.relationshipName as string, field: f };
      }
    }
    for (const r of object.childRelationships) {
      const rel = r.relationshipName?.toLowerCase();
      if (rel && (rel === lower || rel.replace(/^[a-z0-9]+__(?=.+__r$)/, '') === local)) {
        return { kind: 'children', key: r.relationshipName as string, relationship: r };
      }
    }
  }
  throw new ApexError('System.SObjectException', `Invalid field ${name} for ${record.type}`);
}

function notQueried(record: SObjectValue, key: string): never {
  throw new ApexError(
    'System.SObjectException',
    `SObject row was retrieved via SOQL without querying the requested field: ${record.type}.${key}`
  );
}

export function getField(schema: SchemaLookup, record: SObjectValue, name: string): ApexValue {
  const resolved = resolveField(schema, record, name);
  if (resolved.kind === 'alias') {
    const hit = [...record.fields.values()].find(
      (f) => f.name.toLowerCase() === name.toLowerCase()
    );
    if (!hit) {
      throw new ApexError('System.SObjectException', `Invalid field ${name} for AggregateResult`);
    }
    return hit.value;
  }
  if (
    record.queried &&
    !record.has(resolved.key) &&
    !record.queried.has(resolved.key.toLowerCase())
  ) {
    notQueried(record, resolved.key);
  }
  return record.get(resolved.key);
}

/** The value a field holds once written: Ids widened to 18, numbers as the field's Apex type. */
export function fieldValue(
  schema: SchemaLookup,
  field: FieldDescribe,
  value: ApexValue
): ApexValue {
  if (value === null) {
    return null;
  }
  switch (field.type) {
    case 'id':
    case 'reference':
      if (typeof value !== 'string') {
        throw new ApexError(
          'System.SObjectException',
          `Illegal assignment to ${field.name}: not an Id`
        );
      }
      return schema.normaliseId(value);
    case 'double':
    case 'currency':
    case 'percent':
      if (typeof value === 'number' || typeof value === 'bigint') {
        return ApexDecimal.of(Number(value));
      }
      if (value instanceof ApexDouble) {
        return ApexDecimal.of(value.value);
      }
      return value;
    case 'integer':
      if (value instanceof ApexDecimal || value instanceof ApexDouble) {
        return Math.trunc(value.value);
      }
      return value;
    default:
      return value;
  }
}

export function setField(
  schema: SchemaLookup,
  record: SObjectValue,
  name: string,
  value: ApexValue
): ApexValue {
  const resolved = resolveField(schema, record, name);
  const previous = record.has(resolved.key) ? record.get(resolved.key) : null;
  if (resolved.kind === 'field') {
    record.set(resolved.key, fieldValue(schema, resolved.field, value));
  } else {
    record.set(resolved.key, value);
  }
  record.queried?.add(resolved.key.toLowerCase());
  return previous;
}

function fieldNameOf(arg: ApexValue): string {
  if (typeof arg === 'string') {
    return arg;
  }
  if (arg instanceof ApexObject && arg.className === 'Schema.SObjectField') {
    return (arg.native as { fieldName: string }).fieldName;
  }
  throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
}

/** Errors added with addError, per record: the DML of a before trigger turns them into failures. */
export const recordErrors = new WeakMap<
  SObjectValue,
  { message: string; field: string | null }[]
>();

export interface SObjectHost extends SchemaLookup {
  sobjectTypeToken(objectName: string): ApexValue;
  toApexString(value: ApexValue): string;
  newError(message: string, fields: string[]): ApexObject;
}

export function sobjectMethod(
  host: SObjectHost,
  record: SObjectValue,
  lowerName: string,
  args: ApexValue[]
): ApexValue | undefined {
  // A missing argument reads as null, as the interpreter binds a user method's (the Apex
  // compiler lets no call leave out an argument these methods need).
  switch (lowerName) {
    case 'get': {
      const name = fieldNameOf(args[0] ?? null);
      if (name.includes('.')) {
        throw new ApexError('System.SObjectException', `Invalid field ${name} for ${record.type}`);
      }
      return getField(host, record, name);
    }
    case 'put':
      return setField(host, record, fieldNameOf(args[0] ?? null), args[1] ?? null);
    case 'getsobject': {
      const resolved = resolveField(host, record, fieldNameOf(args[0] ?? null));
      if (resolved.kind !== 'parent') {
        throw new ApexError(
          'System.SObjectException',
          `Invalid relationship ${fieldNameOf(args[0] ?? null)} for ${record.type}`
        );
      }
      return getField(host, record, resolved.key);
    }
    case 'getsobjects': {
      const resolved = resolveField(host, record, fieldNameOf(args[0] ?? null));
      if (resolved.kind !== 'children') {
        throw new ApexError(
          'System.SObjectException',
          `Invalid relationship ${fieldNameOf(args[0] ?? null)} for ${record.type}`
        );
      }
      return getField(host, record, resolved.key);
    }
    case 'putsobject':
      return setField(host, record, fieldNameOf(args[0] ?? null), args[1] ?? null);
    case 'getsobjecttype':
      return host.sobjectTypeToken(record.type);
    case 'isset': {
      const resolved = resolveField(host, record, fieldNameOf(args[0] ?? null));
      return record.has(resolved.key);
    }
    case 'getpopulatedfieldsasmap': {
      const map = new ApexMap({ name: 'String', args: [] }, { name: 'Object', args: [] });
      for (const f of record.fields.values()) {
        map.put(f.name, f.value);
      }
      return map;
    }
    case 'clone': {
      const preserveId = args[0] === true;
      const deep = args[1] === true;
      const copy = record.clone();
      copy.queried = null;
      if (!preserveId) {
        copy.delete('Id');
      }
      if (args[2] !== true) {
        for (const key of [
          'CreatedDate',
          'CreatedById',
          'LastModifiedDate',
          'LastModifiedById',
          'SystemModstamp',
        ]) {
          copy.delete(key);
        }
      }
      if (deep) {
        for (const [key, f] of copy.fields) {
          if (f.value instanceof SObjectValue) {
            copy.fields.set(key, { name: f.name, value: f.value.clone() });
          }
        }
      }
      return copy;
    }
    case 'adderror': {
      const message = host.toApexString((args.length === 2 ? args[1] : args[0]) ?? null);
      const field = args.length === 2 ? fieldNameOf(args[0] ?? null) : null;
      const list = recordErrors.get(record) ?? [];
      list.push({ message, field });
      recordErrors.set(record, list);
      return null;
    }
    case 'haserrors':
      return (recordErrors.get(record) ?? []).length > 0;
    case 'geterrors':
      return new ApexList(
        { name: 'Database.Error', args: [] },
        (recordErrors.get(record) ?? []).map((e) =>
          host.newError(e.message, e.field ? [e.field] : [])
        )
      );
    case 'setoptions':
      if (args[0] instanceof ApexObject) {
        recordOptions.set(record, args[0]);
      }
      return null;
    case 'tostring':
      return host.toApexString(record);
    default:
      return undefined;
  }
}
