// DML: insert, update, upsert, delete, undelete against the in-memory Database (merge: merge.ts).
//
// Rules emulated, and where they come from:
// - Order of execution: system validation, before triggers (which may change Trigger.new),
//   system validation again with required fields, field lengths, formats and uniqueness, save,
//   after triggers (records read-only, with Ids and audit fields); triggers see chunks of 200
//   records of one object (Apex Developer Guide: "Triggers and Order of Execution", "Bulk
//   Triggers" / "Trigger Context Variables").
// - allOrNone true: the first failure throws System.DmlException and nothing of the call stays
//   saved; false: failures come back as results (Apex Reference Guide: "Database Class" insert,
//   update, upsert, delete, undelete; "SaveResult", "UpsertResult", "DeleteResult", "Error").
//   Exception text: `Insert failed. First exception on row 0; first error: CODE, message: [f]`
//   (`with id <id>` after the row for update/delete/undelete) (Apex Developer Guide: "DML
//   Exceptions and Error Handling").
// - Status codes: INVALID_FIELD_FOR_INSERT_UPDATE (Id on insert), MISSING_ARGUMENT (no Id on
//   update), REQUIRED_FIELD_MISSING, STRING_TOO_LONG, INVALID_EMAIL_ADDRESS,
//   INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, DUPLICATE_VALUE, DUPLICATE_USERNAME,
//   DUPLICATE_EXTERNAL_ID, INVALID_CROSS_REFERENCE_KEY, FIELD_INTEGRITY_EXCEPTION,
//   ENTITY_IS_DELETED, NUMBER_OUTSIDE_VALID_RANGE, INSUFFICIENT_ACCESS_OR_READONLY,
//   INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY, DELETE_FAILED, UNDELETE_FAILED,
//   FIELD_CUSTOM_VALIDATION_EXCEPTION (SOAP API Developer Guide: "StatusCode" / Core Data Types).
//   Message wordings follow what the platform prints where known; the user-mode wordings
//   (`Access to entity ...`, `Operation failed due to fields being inaccessible ...`) are
//   ASSUMED, not confirmed by a document.
// - Empty strings are saved as null; checkboxes are never null; defaults apply on insert
//   (Object Reference: "Field Types"; Metadata API: "CustomField" defaultValue).
// - Upsert matches on Id or an external id field; several matches fail with
//   DUPLICATE_EXTERNAL_ID (Apex Developer Guide: "Upserting Records").
// - Delete cascades to master-detail children and activities of the record, clears lookups
//   with SetNull, fails on Restrict; deleted rows go to the recycle bin (IsDeleted, ALL ROWS)
//   and undelete brings them back with their cascaded children (Salesforce Help: "Considerations
//   for Relationships"; Apex Developer Guide: "Undeleting Records"). The delete of a merge's
//   losers moves their children to the master instead (merge.ts: "Triggers and Merge
//   Statements").
// - User mode (AccessLevel.USER_MODE, `as user`): object create/edit/delete permission and
//   field-level security of every field written; sharing: update and delete need edit access to
//   the record, references need read access to their target (Apex Developer Guide: "Set an
//   Access Mode for Database Operations", "Using the with sharing ... Keywords").
// - Record types and duplicate rules on insert: duplicates.ts; assignment rules: assignment.ts.
import { ApexError, unsupported } from '../interpreter/errors';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  SObjectValue,
  toNumber,
  type ApexValue,
} from '../interpreter/values';
import type { FieldDescribe, ObjectDescribe } from '../schema/types';
import type { Database } from './database';
import { applyAssignmentRules, type AssignmentRequest } from './assignment';
import { duplicateProblem, recordTypeProblem, type DuplicateInfo } from './duplicates';
import { isValidId, to18 } from './ids';
import { recordErrors } from './recordErrors';

export interface AccessContext {
  /** user: CRUD and FLS of userId apply; system: they do not. */
  mode: 'user' | 'system';
  /** The running user (UserInfo.getUserId()). */
  userId: string;
  /** Record sharing applies (user mode, or system mode in a `with sharing` class). */
  enforceSharing: boolean;
}

export type TriggerOperation = 'insert' | 'update' | 'delete' | 'undelete';

/** Implemented by the interpreter: runs the project's triggers of an object. */
export interface TriggerHost {
  fire(
    objectName: string,
    timing: 'before' | 'after',
    operation: TriggerOperation,
    newRecords: SObjectValue[] | null,
    oldRecords: SObjectValue[] | null
  ): void;
}

export const NO_TRIGGERS: TriggerHost = { fire: () => undefined };

export interface DmlOptions {
  allOrNone: boolean;
  access: AccessContext;
  /** Upsert: the external id field to match on (Id when absent). */
  externalIdField?: string;
  triggers: TriggerHost;
  /** Internal (lead conversion): let update write fields that are not updateable. */
  writeReadOnly?: boolean;
  /**
   * Internal (merge.ts): the delete removes the losers of a merge into the master record: their
   * children move to it (their Ids collected in reparentedIds) instead of cascading or blocking,
   * and MasterRecordId is set.
   */
  mergeInto?: { masterId: string; reparentedIds: string[] };
  /**
   * DMLOptions.DuplicateRuleHeader.allowSave for a record (the call's options, or the record's
   * own from setOptions): an Allow rule's alert does not stop its save. Absent: false.
   */
  allowSave?: (record: SObjectValue | null) => boolean;
  /**
   * DMLOptions.AssignmentRuleHeader for a record (the call's options, or the record's own):
   * null when no header asks for a rule (assignment.ts).
   */
  assignmentRule?: (record: SObjectValue | null) => AssignmentRequest | null;
}

export interface DmlRowError {
  statusCode: string;
  message: string;
  fields: string[];
  /** DUPLICATES_DETECTED: what the duplicate rule found (duplicates.ts). */
  duplicate?: DuplicateInfo;
}

/** One row's outcome; the call processed `results.length` rows (one DML statement). */
export interface DmlResult {
  id: string | null;
  success: boolean;
  /** Upsert only: whether the row was inserted. */
  created?: boolean;
  errors: DmlRowError[];
}

export interface DmlFailure extends DmlRowError {
  index: number;
  id: string | null;
}

/** System.DmlException with the failures of the call (getNumDml, getDmlMessage ...). */
export class DmlError extends ApexError {
  constructor(
    message: string,
    readonly dmlErrors: DmlFailure[],
    readonly results: DmlResult[],
    readonly rowsProcessed: number
  ) {
    super('System.DmlException', message);
  }
}

const OP_WORD: Record<string, string> = {
  insert: 'Insert',
  update: 'Update',
  upsert: 'Upsert',
  delete: 'Delete',
  undelete: 'Undelete',
};

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'combobox',
  'encryptedstring',
]);
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const CHUNK = 200;

interface Item {
  index: number;
  caller: SObjectValue | null;
  obj: ObjectDescribe;
  work: SObjectValue;
  old: SObjectValue | null;
  errors: DmlRowError[];
  created?: boolean;
}

function err(statusCode: string, message: string, fields: string[] = []): DmlRowError {
  return { statusCode, message, fields };
}

/** item is a failed one: it has at least one error. */
function failMessage(op: string, item: Item): string {
  const e = item.errors[0]!;
  const id =
    op === 'insert' || (op === 'upsert' && item.created)
      ? null
      : ((item.work.get('Id') as string | null) ?? null);
  const withId = id ? ` with id ${id}` : '';
  const fields = e.fields.length ? `: [${e.fields.join(', ')}]` : ': []';
  return `${OP_WORD[op]} failed. First exception on row ${item.index}${withId}; first error: ${e.statusCode}, ${e.message}${fields}`;
}

function resultsOf(items: Item[], count: number, upsert: boolean): DmlResult[] {
  const results: DmlResult[] = new Array(count);
  for (const item of items) {
    const id = (item.work.get('Id') as string | null) ?? null;
    results[item.index] = {
      id: item.errors.length ? null : id,
      success: item.errors.length === 0,
      errors: item.errors,
      ...(upsert ? { created: item.created ?? false } : {}),
    };
  }
  return results;
}

/** Runs one DML call inside its all-or-none boundary. */
function run(
  db: Database,
  op: string,
  items: Item[],
  count: number,
  options: DmlOptions,
  body: () => void
): DmlResult[] {
  const mark = db.mark();
  body();
  const failed = items.filter((i) => i.errors.length);
  if (failed.length && options.allOrNone) {
    db.undoTo(mark);
    // failed is not empty, and each of its items has an error.
    const first = failed.sort((a, b) => a.index - b.index)[0]!;
    const results = resultsOf(items, count, op === 'upsert');
    throw new DmlError(
      failMessage(op, first),
      failed.map((i) => ({
        index: i.index,
        id: i.created ? null : ((i.work.get('Id') as string | null) ?? null),
        ...i.errors[0]!,
      })),
      results,
      count
    );
  }
  return resultsOf(items, count, op === 'upsert');
}

function chunks(items: Item[]): Item[][] {
  const out: Item[][] = [];
  let current: Item[] = [];
  for (const item of items) {
    if (current.length && (current.length >= CHUNK || current[0]!.obj !== item.obj)) {
      out.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length) {
    out.push(current);
  }
  return out;
}

function describeOf(db: Database, record: SObjectValue): ObjectDescribe {
  const obj = db.schema.object(record.type);
  if (!obj) {
    throw new ApexError('System.SObjectException', `Invalid sObject type: ${record.type}`);
  }
  return obj;
}

function checkNotEmpty(records: unknown[]): void {
  if (records.some((r) => r === null || r === undefined)) {
    throw new ApexError('System.NullPointerException', 'Attempt to de-reference a null object');
  }
}

/**
 * The record's fields in the schema's spelling, as a fresh SObjectValue: values normalised,
 * relationship objects and sub-query lists dropped, unknown fields refused.
 */
function normalise(db: Database, obj: ObjectDescribe, record: SObjectValue): SObjectValue {
  const out = new SObjectValue(obj.name);
  for (const { name, value } of record.fields.values()) {
    const f = db.schema.field(obj, name);
    if (!f) {
      if (db.schema.relationship(obj, name) || db.schema.childRelationship(obj, name)) {
        if (value instanceof SObjectValue && value.get('Id') === null && value.fields.size > 0) {
          unsupported(
            `DML setting ${obj.name}.${name} by external id (foreign key by external id)`
          );
        }
        continue;
      }
      throw new ApexError('System.SObjectException', `Invalid field ${name} for ${obj.name}`);
    }
    out.set(f.name, value);
  }
  return out;
}

/** A value as the database keeps it for the field's type. */
function storedValue(f: FieldDescribe, value: ApexValue): ApexValue {
  if (value === null) {
    return f.type === 'boolean' ? false : null;
  }
  if (
    typeof value === 'string' &&
    value === '' &&
    (TEXT_TYPES.has(f.type) || f.type === 'reference' || f.type === 'id')
  ) {
    return null;
  }
  if (
    (f.type === 'reference' || f.type === 'id') &&
    typeof value === 'string' &&
    isValidId(value)
  ) {
    return to18(value);
  }
  if (
    (f.type === 'double' || f.type === 'currency' || f.type === 'percent') &&
    (typeof value === 'number' ||
      typeof value === 'bigint' ||
      value instanceof ApexDouble ||
      value instanceof ApexDecimal)
  ) {
    const n = toNumber(value);
    const factor = 10 ** f.scale;
    const rounded = (Math.sign(n) * Math.round(Math.abs(n) * factor)) / factor;
    return new ApexDecimal(rounded, f.scale);
  }
  if (f.type === 'integer' && (value instanceof ApexDecimal || value instanceof ApexDouble)) {
    return Math.trunc(value.value);
  }
  if (f.type === 'multipicklist' && typeof value === 'string') {
    return value
      .split(';')
      .map((v) => v.trim())
      .filter((v) => v)
      .join(';');
  }
  return value;
}

function sameValue(a: ApexValue, b: ApexValue): boolean {
  if (a === b) {
    return true;
  }
  if (a instanceof ApexDecimal || a instanceof ApexDouble) {
    return (
      (b instanceof ApexDecimal || b instanceof ApexDouble || typeof b === 'number') &&
      toNumber(a) === toNumber(b)
    );
  }
  if (a instanceof ApexDate && b instanceof ApexDate) {
    return a.toEpochDay() === b.toEpochDay();
  }
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) {
    return a.millis === b.millis;
  }
  return false;
}

function textOf(value: ApexValue): string {
  if (value instanceof ApexDecimal || value instanceof ApexDouble) {
    return String(value.value);
  }
  return String(value);
}

// ---- field rules --------------------------------------------------------------------------

function validateFields(db: Database, item: Item, isInsert: boolean, options: DmlOptions): void {
  const { obj, work } = item;
  const missing: string[] = [];
  for (const f of obj.fields.values()) {
    const value = work.get(f.name);
    if (
      f.unsupportedReason &&
      work.has(f.name) &&
      value !== null &&
      (f.createable || f.updateable)
    ) {
      unsupported(f.unsupportedReason);
    }
    if (value === null) {
      if (
        !f.nillable &&
        f.createable &&
        f.defaultValue === null &&
        !f.defaultFormula &&
        f.type !== 'boolean' &&
        (isInsert || f.updateable)
      ) {
        missing.push(f.name);
      }
      continue;
    }
    if (
      TEXT_TYPES.has(f.type) &&
      typeof value === 'string' &&
      f.length > 0 &&
      value.length > f.length
    ) {
      item.errors.push(
        err(
          'STRING_TOO_LONG',
          `${f.label}: data value too large: ${value} (max length=${f.length})`,
          [f.name]
        )
      );
      return;
    }
    if (f.type === 'email' && typeof value === 'string' && !EMAIL.test(value)) {
      item.errors.push(
        err('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${value}`, [f.name])
      );
      return;
    }
    if (
      (f.type === 'picklist' || f.type === 'multipicklist') &&
      f.restrictedPicklist &&
      typeof value === 'string'
    ) {
      const allowed = new Set(f.picklistValues.filter((p) => p.active).map((p) => p.value));
      const bad = (f.type === 'multipicklist' ? value.split(';') : [value]).find(
        (v) => !allowed.has(v)
      );
      if (bad !== undefined) {
        item.errors.push(
          err(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${f.label}: bad value for restricted picklist field: ${bad}`,
            [f.name]
          )
        );
        return;
      }
    }
    if (
      (f.type === 'double' || f.type === 'currency' || f.type === 'percent') &&
      value instanceof ApexDecimal &&
      f.precision > 0
    ) {
      const integerDigits = Math.trunc(Math.abs(value.value)).toString().length;
      if (Math.trunc(Math.abs(value.value)) !== 0 && integerDigits > f.precision - f.scale) {
        item.errors.push(
          err(
            'NUMBER_OUTSIDE_VALID_RANGE',
            `${f.label}: value outside of valid range on numeric field: ${textOf(value)}`,
            [f.name]
          )
        );
        return;
      }
    }
    if (
      f.type === 'reference' &&
      (isInsert || !item.old || !sameValue(item.old.get(f.name), value))
    ) {
      const problem =
        referenceProblem(db, f, value, options) ??
        (f.name === 'RecordTypeId' && typeof value === 'string'
          ? recordTypeProblem(
              db,
              obj,
              to18(value),
              options.access.mode === 'user',
              options.access.userId
            )
          : null);
      if (problem) {
        item.errors.push(problem);
        return;
      }
    }
  }
  if (missing.length) {
    item.errors.push(
      err('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing)
    );
  }
}

function referenceProblem(
  db: Database,
  f: FieldDescribe,
  value: ApexValue,
  options: DmlOptions
): DmlRowError | null {
  if (typeof value !== 'string' || !isValidId(value)) {
    return err('MALFORMED_ID', `${f.label}: id value of incorrect type: ${textOf(value)}`, [
      f.name,
    ]);
  }
  const targets = f.referenceTo
    .map((t) => db.schema.object(t))
    .filter((o): o is ObjectDescribe => !!o);
  if (!targets.length) {
    return null; // a target outside the catalog: nothing to check against
  }
  const target = db.objectOfId(value);
  if (!target || !targets.includes(target)) {
    return err('FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${value}`, [
      f.name,
    ]);
  }
  const row = db.getRow(value);
  if (!row) {
    if (target.name === 'Organization' || target.systemManaged) {
      return null;
    }
    return err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [f.name]);
  }
  if (row.get('IsDeleted') === true) {
    return err('ENTITY_IS_DELETED', 'entity is deleted', [f.name]);
  }
  if (
    options.access.enforceSharing &&
    f.name !== 'OwnerId' &&
    !db.security.canSee(options.access.userId, row)
  ) {
    return err(
      'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      `insufficient access rights on cross-reference id: ${value}`,
      [f.name]
    );
  }
  if (
    options.access.enforceSharing &&
    f.cascadeDelete &&
    f.writeRequiresMasterRead &&
    !db.security.canEdit(options.access.userId, row)
  ) {
    return err(
      'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      `insufficient access rights on cross-reference id: ${value}`,
      [f.name]
    );
  }
  return null;
}

/** DUPLICATE_VALUE on unique fields, against stored rows and within the chunk. */
function checkUnique(db: Database, items: Item[]): void {
  if (!items.length) {
    return;
  }
  const obj = items[0]!.obj;
  const uniques = [...obj.fields.values()].filter((f) => f.unique);
  if (!uniques.length) {
    return;
  }
  const rows = db.rows(obj.name);
  for (const f of uniques) {
    const norm = (v: ApexValue): string | null =>
      v === null ? null : f.caseSensitive ? textOf(v) : textOf(v).toLowerCase();
    const existing = new Map<string, string>();
    for (const row of rows) {
      const key = norm(row.get(f.name));
      if (key !== null) {
        existing.set(key, row.get('Id') as string);
      }
    }
    const inBatch = new Set<string>();
    for (const item of items) {
      if (item.errors.length) {
        continue;
      }
      const key = norm(item.work.get(f.name));
      if (key === null) {
        continue;
      }
      const self = item.work.get('Id');
      const other = existing.get(key);
      const username = obj.name === 'User' && f.name === 'Username';
      if ((other && other !== self) || inBatch.has(key)) {
        if (username) {
          item.errors.push(
            err(
              'DUPLICATE_USERNAME',
              `Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address). `,
              [f.name]
            )
          );
        } else if (other && other !== self) {
          item.errors.push(
            err(
              'DUPLICATE_VALUE',
              `duplicate value found: ${f.name} duplicates value on record with id: ${other}`,
              [f.name]
            )
          );
        } else {
          item.errors.push(
            err(
              'DUPLICATE_VALUE',
              'duplicate value found: <unknown> duplicates value on record with id: <unknown>',
              [f.name]
            )
          );
        }
        continue;
      }
      inBatch.add(key);
    }
  }
}

/** Fields the platform computes: Name of people, Task.IsClosed, auto-numbers ... */
function derive(db: Database, item: Item, isInsert: boolean): void {
  const { obj, work } = item;
  const key = obj.name.toLowerCase();
  if ((key === 'contact' || key === 'lead' || key === 'user') && obj.fields.has('name')) {
    const parts = ['FirstName', 'MiddleName', 'LastName', 'Suffix']
      .filter((n) => obj.fields.has(n.toLowerCase()))
      .map((n) => work.get(n))
      .filter((v): v is string => typeof v === 'string' && v !== '');
    work.set('Name', parts.length ? parts.join(' ') : null);
  }
  if (key === 'task') {
    const status = work.get('Status');
    const row = db
      .rows('TaskStatus')
      .find(
        (r) =>
          typeof status === 'string' &&
          (String(r.get('ApiName')).toLowerCase() === status.toLowerCase() ||
            String(r.get('MasterLabel')).toLowerCase() === status.toLowerCase())
      );
    const closed = row ? row.get('IsClosed') === true : false;
    const wasClosed = item.old?.get('IsClosed') === true;
    work.set('IsClosed', closed);
    work.set('IsHighPriority', work.get('Priority') === 'High');
    if (closed && !wasClosed) {
      work.set('CompletedDateTime', db.nowValue());
    } else if (!closed) {
      work.set('CompletedDateTime', null);
    }
  }
  if (key === 'task' || key === 'event') {
    const whoId = work.get('WhoId');
    const whatId = work.get('WhatId');
    work.set('WhoCount', whoId ? 1 : 0);
    work.set('WhatCount', whatId ? 1 : 0);
    let accountId: ApexValue = null;
    const what = typeof whatId === 'string' ? db.getLive(whatId) : undefined;
    if (what?.type === 'Account') {
      accountId = what.get('Id');
    } else if (what && what.has('AccountId')) {
      accountId = what.get('AccountId');
    } else {
      const who = typeof whoId === 'string' ? db.getLive(whoId) : undefined;
      if (who?.type === 'Contact') {
        accountId = who.get('AccountId');
      }
    }
    work.set('AccountId', accountId);
    if (key === 'event') {
      const start = work.get('StartDateTime') ?? work.get('ActivityDateTime');
      if (start instanceof ApexDatetime) {
        work.set('ActivityDateTime', start);
        work.set('StartDateTime', start);
        const minutes = work.get('DurationInMinutes');
        const end = work.get('EndDateTime');
        if (typeof minutes === 'number' && !(end instanceof ApexDatetime)) {
          work.set('EndDateTime', new ApexDatetime(start.millis + minutes * 60_000));
        } else if (end instanceof ApexDatetime && typeof minutes !== 'number') {
          work.set('DurationInMinutes', Math.round((end.millis - start.millis) / 60_000));
        }
      }
    }
  }
  if (isInsert) {
    for (const f of obj.fields.values()) {
      if (f.autoNumber && f.displayFormat) {
        const counterKey = `${obj.name}.${f.name}`.toLowerCase();
        const n = (db.autoNumbers.get(counterKey) ?? 0) + 1;
        db.autoNumbers.set(counterKey, n);
        work.set(f.name, formatAutoNumber(f.displayFormat, n, db.now()));
      }
    }
  }
}

function formatAutoNumber(format: string, n: number, now: number): string {
  const d = new Date(now);
  return format
    .replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'))
    .replace(/\{YYYY\}/g, String(d.getUTCFullYear()))
    .replace(/\{YY\}/g, String(d.getUTCFullYear()).slice(2))
    .replace(/\{MM\}/g, String(d.getUTCMonth() + 1).padStart(2, '0'))
    .replace(/\{DD\}/g, String(d.getUTCDate()).padStart(2, '0'));
}

/** Values an insert gets when the caller left the field out: defaults, owner, statuses. */
function applyDefaults(db: Database, item: Item, userId: string): void {
  const { obj, work } = item;
  const key = obj.name.toLowerCase();
  for (const f of obj.fields.values()) {
    if (work.get(f.name) !== null) {
      continue;
    }
    if (f.defaultFormula && f.createable) {
      unsupported(`default value formula ${f.defaultFormula} of ${obj.name}.${f.name}`);
    }
    if (f.defaultValue !== null && f.createable) {
      const v = f.defaultValue;
      work.set(f.name, typeof v === 'number' ? storedValue(f, v) : v);
    } else if (f.type === 'boolean') {
      // A checkbox is never null: one the platform writes (IsPortalEnabled) starts false.
      work.set(f.name, f.defaultValue === true);
    }
  }
  if (key === 'lead' && work.get('Status') === null) {
    const def = db.rows('LeadStatus').find((r) => r.get('IsDefault') === true);
    work.set('Status', def ? (def.get('ApiName') as string) : null);
  }
  if (key === 'task' && work.get('Status') === null) {
    const def = db.rows('TaskStatus').find((r) => r.get('IsDefault') === true);
    work.set('Status', def ? (def.get('ApiName') as string) : null);
  }
  if (obj.hasOwner && work.get('OwnerId') === null) {
    work.set('OwnerId', userId);
  }
  if (obj.customSettingType === 'Hierarchy' && work.get('SetupOwnerId') === null) {
    const org = db.rows('Organization')[0];
    work.set('SetupOwnerId', org ? (org.get('Id') as string) : null);
  }
  if (key === 'user' && work.get('CommunityNickname') === null) {
    // The platform makes up a nickname when none is given: the email's name and a number.
    const email = String(work.get('Email') ?? work.get('Username') ?? 'user');
    work.set('CommunityNickname', `${email.split('@')[0]}${db.ids.counter}`.slice(0, 40));
  }
  if (key === 'user' && work.get('UserType') === null) {
    work.set('UserType', 'Standard');
  }
}

/** Checks fields the user writes against FLS (user mode); returns the fields refused. */
function inaccessibleFields(db: Database, item: Item, isInsert: boolean, userId: string): string[] {
  const refused: string[] = [];
  for (const { name, value } of item.work.fields.values()) {
    const f = db.schema.field(item.obj, name);
    if (!f || f.system || f.type === 'id' || !(isInsert ? f.createable : f.updateable)) {
      continue;
    }
    if (isInsert ? value === null : item.old && sameValue(item.old.get(f.name), value)) {
      continue;
    }
    const access = db.security.fieldAccess(userId, item.obj, f);
    if (!(isInsert ? access.createable : access.updateable)) {
      refused.push(f.name);
    }
  }
  return refused;
}

function objectDenied(
  db: Database,
  obj: ObjectDescribe,
  op: 'create' | 'edit' | 'delete',
  options: DmlOptions
): DmlRowError | null {
  if (options.access.mode === 'system') {
    if (
      (op === 'create' && !obj.createable) ||
      (op === 'edit' && obj.updateable === false) ||
      (op === 'delete' && obj.deletable === false)
    ) {
      return err('INVALID_TYPE_ON_FIELD_IN_RECORD', `DML not allowed on ${obj.name}`);
    }
    return null;
  }
  const access = db.security.objectAccess(options.access.userId, obj);
  const allowed = op === 'create' ? access.create : op === 'edit' ? access.edit : access.delete;
  return allowed
    ? null
    : err('INSUFFICIENT_ACCESS_OR_READONLY', `Access to entity '${obj.name}' denied`);
}

function collectTriggerErrors(item: Item): void {
  for (const e of recordErrors(item.work)) {
    item.errors.push(err(e.statusCode, e.message, e.field ? [e.field] : []));
  }
  if (item.caller && item.caller !== item.work) {
    for (const e of recordErrors(item.caller)) {
      item.errors.push(err(e.statusCode, e.message, e.field ? [e.field] : []));
    }
  }
}

function copyTriggerChanges(item: Item, before: SObjectValue): void {
  if (!item.caller) {
    return;
  }
  for (const { name, value } of item.work.fields.values()) {
    if (!sameValue(before.get(name), value) || (!before.has(name) && value !== null)) {
      item.caller.set(name, value);
    }
  }
}

// ---- insert -------------------------------------------------------------------------------

function prepareInsert(
  db: Database,
  records: SObjectValue[],
  options: DmlOptions,
  offset = 0
): Item[] {
  return records.map((record, i) => {
    const obj = describeOf(db, record);
    const item: Item = {
      index: offset + i,
      caller: record,
      obj,
      work: new SObjectValue(obj.name),
      old: null,
      errors: [],
    };
    if (record.get('Id') !== null) {
      item.errors.push(
        err('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id'])
      );
      return item;
    }
    const work = normalise(db, obj, record);
    for (const { name, value } of [...work.fields.values()]) {
      const f = db.schema.field(obj, name)!;
      if (!f.createable) {
        work.delete(name);
        continue;
      }
      work.set(f.name, storedValue(f, value));
    }
    item.work = work;
    return item;
  });
}

function saveNew(db: Database, items: Item[], options: DmlOptions): void {
  const userId = options.access.userId;
  // chunks() makes no empty chunk.
  for (const chunk of chunks(items)) {
    const obj = chunk[0]!.obj;
    const denied = objectDenied(db, obj, 'create', options);
    for (const item of chunk) {
      if (denied && !item.errors.length) {
        item.errors.push(denied);
      }
      if (!item.errors.length && options.access.mode === 'user') {
        const refused = inaccessibleFields(db, item, true, userId);
        if (refused.length) {
          item.errors.push(
            err(
              'INSUFFICIENT_ACCESS_OR_READONLY',
              `Operation failed due to fields being inaccessible on Sobject ${obj.name}, check errors on Exception or Result`,
              refused
            )
          );
        }
      }
      if (!item.errors.length) {
        applyDefaults(db, item, userId);
      }
    }
    let live = chunk.filter((i) => !i.errors.length);
    const before = live.map((i) => i.work.clone());
    if (live.length) {
      options.triggers.fire(
        obj.name,
        'before',
        'insert',
        live.map((i) => i.work),
        null
      );
    }
    // before is live mapped: one copy per item.
    live.forEach((item, k) => {
      clearAndCopy(db, item, before[k]!);
      collectTriggerErrors(item);
      if (!item.errors.length) {
        derive(db, item, true);
        validateFields(db, item, true, options);
      }
    });
    live = live.filter((i) => !i.errors.length);
    for (const item of live) {
      const duplicate = duplicateProblem(
        db,
        obj,
        item.work,
        options.allowSave?.(item.caller) === true,
        userId
      );
      if (duplicate) {
        item.errors.push(duplicate);
      }
    }
    live = live.filter((i) => !i.errors.length);
    checkUnique(db, live);
    live = live.filter((i) => !i.errors.length);
    for (const item of live) {
      const id = db.newId(obj.name);
      item.work.set('Id', id);
      db.stampInsert(obj, item.work, userId);
      const stored = item.work.clone();
      stored.queried = null;
      db.putRow(stored);
      item.caller?.set('Id', id);
    }
    if (live.length) {
      const after = live.map((i) => db.getRow(i.work.get('Id') as string)!.clone());
      options.triggers.fire(obj.name, 'after', 'insert', after, null);
      // after is live mapped: one row per item.
      after.forEach((rec, k) => {
        const item = live[k]!;
        for (const e of recordErrors(rec)) {
          item.errors.push(err(e.statusCode, e.message, e.field ? [e.field] : []));
        }
        if (item.errors.length) {
          db.removeRow(obj.name, item.work.get('Id') as string);
          item.caller?.set('Id', null);
        }
      });
      if (options.assignmentRule) {
        const request = options.assignmentRule;
        applyAssignmentRules(
          db,
          obj,
          live
            .filter((item) => !item.errors.length)
            .map((item) => ({
              row: db.getRow(item.work.get('Id') as string)!,
              request: request(item.caller),
            }))
        );
      }
    }
  }
}

function clearAndCopy(db: Database, item: Item, before: SObjectValue): void {
  // Triggers may have written fields in any case or of any type: bring them to schema form.
  const obj = item.obj;
  for (const { name, value } of [...item.work.fields.values()]) {
    const f = db.schema.field(obj, name);
    if (f && f.name !== name) {
      item.work.delete(name);
      item.work.set(f.name, value);
    }
    if (f) {
      item.work.set(f.name, storedValue(f, item.work.get(f.name)));
    }
  }
  copyTriggerChanges(item, before);
}

export function insert(db: Database, records: SObjectValue[], options: DmlOptions): DmlResult[] {
  checkNotEmpty(records);
  const items = prepareInsert(db, records, options);
  return run(db, 'insert', items, records.length, options, () => saveNew(db, items, options));
}

// ---- update -------------------------------------------------------------------------------

function prepareUpdate(
  db: Database,
  records: SObjectValue[],
  writeReadOnly = false,
  seen = new Set<string>()
): Item[] {
  return records.map((record, i) => {
    const obj = describeOf(db, record);
    const item: Item = {
      index: i,
      caller: record,
      obj,
      work: new SObjectValue(obj.name),
      old: null,
      errors: [],
    };
    const rawId = record.get('Id');
    if (rawId === null) {
      item.errors.push(err('MISSING_ARGUMENT', 'Id not specified in an update call', []));
      return item;
    }
    const id = to18(String(rawId));
    if (seen.has(id)) {
      throw new ApexError('System.ListException', `Duplicate id in list: ${id}`);
    }
    seen.add(id);
    const stored = db.getRow(id);
    if (!stored || db.objectOfId(id) !== obj) {
      item.work.set('Id', id);
      item.errors.push(err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []));
      return item;
    }
    if (stored.get('IsDeleted') === true) {
      item.work.set('Id', id);
      item.errors.push(err('ENTITY_IS_DELETED', 'entity is deleted', []));
      return item;
    }
    item.old = stored;
    const work = stored.clone();
    const changes = normalise(db, obj, record);
    for (const { name, value } of changes.fields.values()) {
      const f = db.schema.field(obj, name)!;
      if (!f.updateable && !(writeReadOnly && !f.system)) {
        continue;
      }
      work.set(f.name, storedValue(f, value));
    }
    work.set('Id', id);
    item.work = work;
    return item;
  });
}

function saveExisting(db: Database, items: Item[], options: DmlOptions): void {
  const userId = options.access.userId;
  // chunks() makes no empty chunk.
  for (const chunk of chunks(items)) {
    const obj = chunk[0]!.obj;
    const denied = objectDenied(db, obj, 'edit', options);
    for (const item of chunk) {
      if (item.errors.length) {
        continue;
      }
      if (denied) {
        item.errors.push(denied);
        continue;
      }
      if (options.access.enforceSharing && !db.security.canEdit(userId, item.old!)) {
        item.errors.push(
          err('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', [])
        );
        continue;
      }
      if (options.access.mode === 'user') {
        const refused = inaccessibleFields(db, item, false, userId);
        if (refused.length) {
          item.errors.push(
            err(
              'INSUFFICIENT_ACCESS_OR_READONLY',
              `Operation failed due to fields being inaccessible on Sobject ${obj.name}, check errors on Exception or Result`,
              refused
            )
          );
        }
      }
    }
    let live = chunk.filter((i) => !i.errors.length);
    const before = live.map((i) => i.work.clone());
    if (live.length) {
      options.triggers.fire(
        obj.name,
        'before',
        'update',
        live.map((i) => i.work),
        live.map((i) => i.old!.clone())
      );
    }
    // before is live mapped: one copy per item.
    live.forEach((item, k) => {
      clearAndCopy(db, item, before[k]!);
      // Fields a before trigger cannot change.
      for (const f of ['Id', 'CreatedDate', 'CreatedById']) {
        if (item.old!.has(f)) {
          item.work.set(f, item.old!.get(f));
        }
      }
      collectTriggerErrors(item);
      if (!item.errors.length) {
        derive(db, item, false);
        validateFields(db, item, false, options);
      }
    });
    live = live.filter((i) => !i.errors.length);
    checkUnique(db, live);
    live = live.filter((i) => !i.errors.length);
    const now = db.nowValue();
    for (const item of live) {
      item.work.set('LastModifiedDate', now);
      item.work.set('SystemModstamp', now);
      if (obj.fields.has('lastmodifiedbyid')) {
        item.work.set('LastModifiedById', userId);
      }
      const stored = item.work.clone();
      stored.queried = null;
      db.putRow(stored);
    }
    if (live.length) {
      const after = live.map((i) => db.getRow(i.work.get('Id') as string)!.clone());
      options.triggers.fire(
        obj.name,
        'after',
        'update',
        after,
        live.map((i) => i.old!.clone())
      );
      // after is live mapped: one row per item.
      after.forEach((rec, k) => {
        const item = live[k]!;
        for (const e of recordErrors(rec)) {
          item.errors.push(err(e.statusCode, e.message, e.field ? [e.field] : []));
        }
        if (item.errors.length) {
          db.putRow(item.old!);
        }
      });
    }
  }
}

export function update(db: Database, records: SObjectValue[], options: DmlOptions): DmlResult[] {
  checkNotEmpty(records);
  const items = prepareUpdate(db, records, options.writeReadOnly);
  return run(db, 'update', items, records.length, options, () => saveExisting(db, items, options));
}

// ---- upsert -------------------------------------------------------------------------------

export function upsert(db: Database, records: SObjectValue[], options: DmlOptions): DmlResult[] {
  checkNotEmpty(records);
  if (!records.length) {
    return [];
  }
  const obj = describeOf(db, records[0]!);
  let keyField: FieldDescribe | undefined;
  if (options.externalIdField && options.externalIdField.toLowerCase() !== 'id') {
    keyField = db.schema.field(obj, options.externalIdField);
    if (!keyField || !(keyField.externalId || keyField.unique)) {
      throw new ApexError(
        'System.SObjectException',
        `Invalid field for upsert, must be an External Id custom or standard indexed field: ${options.externalIdField}`
      );
    }
  }
  // Classify: update when a stored row matches, insert otherwise.
  const inserts: SObjectValue[] = [];
  const insertIndex: number[] = [];
  const updates: SObjectValue[] = [];
  const updateIndex: number[] = [];
  const early: Item[] = [];
  let byKey: Map<string, string[]> | null = null;
  if (keyField) {
    byKey = new Map();
    const norm = (v: ApexValue): string =>
      keyField!.caseSensitive ? textOf(v) : textOf(v).toLowerCase();
    for (const row of db.rows(obj.name)) {
      const v = row.get(keyField.name);
      if (v !== null) {
        const list = byKey.get(norm(v)) ?? [];
        list.push(row.get('Id') as string);
        byKey.set(norm(v), list);
      }
    }
    records.forEach((record, i) => {
      const value = record.get(keyField!.name);
      if (value === null || value === '') {
        // Without a key value the record is inserted (the platform then requires the field only if it is required).
        inserts.push(record);
        insertIndex.push(i);
        return;
      }
      const matches = byKey!.get(norm(value)) ?? [];
      if (matches.length > 1) {
        early.push({
          index: i,
          caller: record,
          obj,
          work: record.clone(),
          old: null,
          errors: [
            err(
              'DUPLICATE_EXTERNAL_ID',
              `${keyField!.label}: more than one record found for external id field: [${matches.join(', ')}]`,
              [keyField!.name]
            ),
          ],
        });
      } else if (matches.length === 1) {
        const copy = record.clone();
        copy.set('Id', matches[0]!);
        updates.push(copy);
        updateIndex.push(i);
      } else {
        inserts.push(record);
        insertIndex.push(i);
      }
    });
  } else {
    records.forEach((record, i) => {
      if (record.get('Id') === null) {
        inserts.push(record);
        insertIndex.push(i);
      } else {
        updates.push(record);
        updateIndex.push(i);
      }
    });
  }
  // Duplicate keys within the call: the platform refuses the later ones.
  // prepareInsert and prepareUpdate map their records one to one, as the index lists do.
  const insertItems = prepareInsert(db, inserts, options).map((item, k) => ({
    ...item,
    index: insertIndex[k]!,
    created: true,
  }));
  if (keyField) {
    const seenKeys = new Set<string>();
    for (const item of insertItems) {
      const v = item.work.get(keyField.name);
      if (v === null) {
        continue;
      }
      const k = keyField.caseSensitive ? textOf(v) : textOf(v).toLowerCase();
      if (seenKeys.has(k)) {
        item.errors.push(
          err('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${textOf(v)}`, [
            keyField.name,
          ])
        );
      }
      seenKeys.add(k);
    }
  }
  const updateItems = prepareUpdate(db, updates).map((item, k) => ({
    ...item,
    index: updateIndex[k]!,
    created: false,
  }));
  // prepareUpdate wrote the matched Id onto a copy: keep the caller's record as the target.
  updateItems.forEach((item, k) => {
    item.caller = records[updateIndex[k]!]!;
  });
  const items = [...early, ...insertItems, ...updateItems];
  return run(db, 'upsert', items, records.length, options, () => {
    saveNew(db, insertItems, options);
    saveExisting(db, updateItems, options);
    for (const item of updateItems) {
      if (!item.errors.length) {
        item.caller?.set('Id', item.work.get('Id'));
      }
    }
  });
}

// ---- delete / undelete ----------------------------------------------------------------------

function idsOf(
  records: SObjectValue[] | string[]
): { id: string | null; caller: SObjectValue | null }[] {
  return (records as (SObjectValue | string)[]).map((r) => {
    if (r === null || r === undefined) {
      throw new ApexError('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    if (typeof r === 'string') {
      return { id: isValidId(r) ? to18(r) : r, caller: null };
    }
    const id = r.get('Id');
    return { id: typeof id === 'string' ? (isValidId(id) ? to18(id) : id) : null, caller: r };
  });
}

export function remove(
  db: Database,
  records: SObjectValue[] | string[],
  options: DmlOptions
): DmlResult[] {
  const refs = idsOf(records);
  const seen = new Set<string>();
  const items: Item[] = refs.map(({ id, caller }, index) => {
    const fallbackObj = caller
      ? describeOf(db, caller)
      : (id && db.objectOfId(id)) || db.describe('Account');
    const item: Item = {
      index,
      caller,
      obj: fallbackObj,
      work: new SObjectValue(fallbackObj.name),
      old: null,
      errors: [],
    };
    if (!id) {
      item.errors.push(err('MISSING_ARGUMENT', 'Id not specified in an delete call', []));
      return item;
    }
    item.work.set('Id', id);
    if (seen.has(id)) {
      throw new ApexError('System.ListException', `Duplicate id in list: ${id}`);
    }
    seen.add(id);
    const row = isValidId(id) ? db.getRow(id) : undefined;
    if (!row) {
      item.errors.push(err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []));
      return item;
    }
    item.obj = describeOf(db, row);
    if (row.get('IsDeleted') === true) {
      item.errors.push(err('ENTITY_IS_DELETED', 'entity is deleted', []));
      return item;
    }
    item.old = row;
    item.work = row.clone();
    return item;
  });
  return run(db, 'delete', items, refs.length, options, () => {
    // chunks() makes no empty chunk.
    for (const chunk of chunks(items)) {
      const obj = chunk[0]!.obj;
      const denied = objectDenied(db, obj, 'delete', options);
      for (const item of chunk) {
        if (item.errors.length) {
          continue;
        }
        if (denied) {
          item.errors.push(denied);
        } else if (
          options.access.enforceSharing &&
          !db.security.canEdit(options.access.userId, item.old!)
        ) {
          item.errors.push(
            err('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', [])
          );
        }
      }
      let live = chunk.filter((i) => !i.errors.length);
      if (live.length) {
        options.triggers.fire(
          obj.name,
          'before',
          'delete',
          null,
          live.map((i) => i.old!.clone())
        );
      }
      const masterId = options.mergeInto?.masterId;
      for (const item of live) {
        collectTriggerErrors(item);
        // A merge moves the children, so none of them blocks the delete.
        if (!item.errors.length && !masterId) {
          const problem = restrictProblem(db, item.old!);
          if (problem) {
            item.errors.push(problem);
          }
        }
      }
      live = live.filter((i) => !i.errors.length);
      const deletedAt = db.nowValue();
      for (const item of live) {
        if (options.mergeInto) {
          reparentChildren(db, item.old!, options.mergeInto);
        }
        softDelete(db, item.old!, deletedAt, item.old!.get('Id') as string, 0, masterId);
      }
      if (live.length) {
        // "The MasterRecordId field is only set in after delete trigger events."
        const olds = live.map((i) => {
          const old = i.old!.clone();
          if (masterId) {
            old.set('MasterRecordId', masterId);
          }
          return old;
        });
        options.triggers.fire(obj.name, 'after', 'delete', null, olds);
      }
    }
  });
}

function restrictProblem(db: Database, row: SObjectValue): DmlRowError | null {
  const obj = describeOf(db, row);
  const id = row.get('Id') as string;
  for (const rel of obj.childRelationships) {
    const child = db.schema.object(rel.childSObject);
    const f = child ? db.schema.field(child, rel.field) : undefined;
    if (!child || !f || f.deleteConstraint !== 'Restrict') {
      continue;
    }
    if (db.rows(child.name).some((r) => r.get(f.name) === id)) {
      return err(
        'DELETE_FAILED',
        `Your attempt to delete ${String(row.get('Name') ?? id)} could not be completed because it is associated with the following ${child.labelPlural}.`,
        []
      );
    }
  }
  return null;
}

/** Moves a row to the recycle bin, with its master-detail children and activities; clears lookups. */
function softDelete(
  db: Database,
  row: SObjectValue,
  at: ApexDatetime,
  groupId: string,
  depth: number,
  masterId?: string
): void {
  const obj = describeOf(db, row);
  const id = row.get('Id') as string;
  const copy = row.clone();
  copy.set('IsDeleted', true);
  copy.set('SystemModstamp', at);
  if (masterId) {
    copy.set('MasterRecordId', masterId);
  }
  deletionGroups.set(copy, groupId);
  db.putRow(copy);
  if (depth > 10) {
    return;
  }
  const key = obj.name.toLowerCase();
  for (const rel of obj.childRelationships) {
    const child = db.schema.object(rel.childSObject);
    const f = child ? db.schema.field(child, rel.field) : undefined;
    if (!child || !f) {
      continue;
    }
    const activity =
      (child.name === 'Task' || child.name === 'Event') &&
      (f.name === 'WhoId' || f.name === 'WhatId');
    for (const childRow of db.rows(child.name)) {
      if (childRow.get(f.name) !== id) {
        continue;
      }
      if (
        f.cascadeDelete ||
        activity ||
        (key === 'account' &&
          f.name === 'AccountId' &&
          (child.name === 'Contact' || child.name === 'Opportunity'))
      ) {
        softDelete(db, childRow, at, groupId, depth + 1);
      } else if (f.deleteConstraint === 'SetNull' || (!f.custom && f.nillable && !activity)) {
        const cleared = childRow.clone();
        cleared.set(f.name, null);
        db.putRow(cleared);
      }
    }
  }
}

/**
 * A merge's loser hands its children to the master: every live row whose lookup or master-detail
 * field (activities' WhoId and WhatId included) names the loser names the master instead. The
 * platform fires no trigger on a reparented child, so the rows are written directly.
 */
function reparentChildren(
  db: Database,
  loser: SObjectValue,
  into: { masterId: string; reparentedIds: string[] }
): void {
  const { masterId } = into;
  const obj = describeOf(db, loser);
  const loserId = loser.get('Id') as string;
  for (const rel of obj.childRelationships) {
    const child = db.schema.object(rel.childSObject);
    const f = child ? db.schema.field(child, rel.field) : undefined;
    if (!child || !f) {
      continue;
    }
    for (const childRow of db.rows(child.name)) {
      if (childRow.get(f.name) === loserId && childRow.get('Id') !== masterId) {
        const moved = childRow.clone();
        moved.set(f.name, masterId);
        db.putRow(moved);
        into.reparentedIds.push(childRow.get('Id') as string);
      }
    }
  }
}

/** Which delete call put a recycled row there (undelete restores the group together). */
const deletionGroups = new WeakMap<SObjectValue, string>();

export function undelete(
  db: Database,
  records: SObjectValue[] | string[],
  options: DmlOptions
): DmlResult[] {
  const refs = idsOf(records);
  const items: Item[] = refs.map(({ id, caller }, index) => {
    const row = id && isValidId(id) ? db.getRow(id) : undefined;
    const obj = row
      ? describeOf(db, row)
      : caller
        ? describeOf(db, caller)
        : db.describe('Account');
    const item: Item = {
      index,
      caller,
      obj,
      work: row ? row.clone() : new SObjectValue(obj.name),
      old: row ?? null,
      errors: [],
    };
    if (!id) {
      item.errors.push(err('MISSING_ARGUMENT', 'Id not specified in an undelete call', []));
    } else if (!row) {
      item.work.set('Id', id);
      item.errors.push(err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []));
    } else if (row.get('IsDeleted') !== true) {
      item.errors.push(err('UNDELETE_FAILED', 'Entity is not in the recycle bin', []));
    }
    return item;
  });
  return run(db, 'undelete', items, refs.length, options, () => {
    // chunks() makes no empty chunk.
    for (const chunk of chunks(items)) {
      const obj = chunk[0]!.obj;
      const denied = objectDenied(db, obj, 'create', options);
      for (const item of chunk) {
        if (!item.errors.length && denied) {
          item.errors.push(denied);
        }
      }
      const live = chunk.filter((i) => !i.errors.length);
      if (!live.length) {
        continue;
      }
      options.triggers.fire(
        obj.name,
        'before',
        'undelete',
        live.map((i) => i.work),
        null
      );
      for (const item of live) {
        collectTriggerErrors(item);
      }
      const ok = live.filter((i) => !i.errors.length);
      for (const item of ok) {
        const id = item.old!.get('Id') as string;
        const group = deletionGroups.get(item.old!) ?? id;
        restoreGroup(db, group);
      }
      if (ok.length) {
        options.triggers.fire(
          obj.name,
          'after',
          'undelete',
          ok.map((i) => db.getRow(i.work.get('Id') as string)!.clone()),
          null
        );
      }
    }
  });
}

function restoreGroup(db: Database, group: string): void {
  for (const obj of db.schema.objects.values()) {
    if (!obj.keyPrefix) {
      continue;
    }
    for (const row of db.rows(obj.name, true)) {
      if (
        row.get('IsDeleted') === true &&
        (deletionGroups.get(row) === group || row.get('Id') === group)
      ) {
        const copy = row.clone();
        copy.set('IsDeleted', false);
        db.putRow(copy);
      }
    }
  }
}

/** Removes rows from the recycle bin for good (Database.emptyRecycleBin). */
export function emptyRecycleBin(db: Database, ids: string[]): void {
  for (const id of ids) {
    const row = db.getRow(id);
    if (row && row.get('IsDeleted') === true) {
      db.removeRow(row.type, row.get('Id') as string);
    }
  }
}

export { storedValue };
