// Assignment rules at save time (the rules themselves: schema/orgRules.ts).
//
// Rules emulated, and where they come from:
// - An insert whose DMLOptions.AssignmentRuleHeader has useDefaultRule true runs the object's
//   active assignment rule (Apex Reference Guide: "AssignmentRuleHeader Class"); without the
//   header no rule runs for records saved from Apex. One rule per object is active.
// - The rule's entries are tried in order; the first whose criteria all hold gives the record
//   its owner, a user (by username) or a queue (by its API name); when none holds the owner is
//   unchanged (Salesforce Help: "Assignment Rules"). An item's comma-separated values match if
//   any one does; text compares without case.
// - They run after the after triggers (Apex Developer Guide: "Triggers and Order of Execution",
//   "Executes assignment rules"). ASSUMED: the owner change fires no trigger again and the
//   caller's record keeps the owner it was saved with.
// Not emulated (reported unsupported): assignmentRuleId, booleanFilter and formula entries, and
// operations other than equals, notEqual, contains, notContain and startsWith.
import { unsupported } from '../interpreter/errors';
import type { ApexValue, SObjectValue } from '../interpreter/values';
import type { AssignmentCriterion, AssignmentRuleDefinition } from '../schema/orgRules';
import type { ObjectDescribe } from '../schema/types';
import type { Database } from './database';

/** The header of one record's insert: DMLOptions.AssignmentRuleHeader. */
export interface AssignmentRequest {
  useDefaultRule: boolean;
  assignmentRuleId: string | null;
}

function activeRule(db: Database, obj: ObjectDescribe): AssignmentRuleDefinition | null {
  return (
    db.schema.assignmentRules.find((r) => r.active && db.schema.object(r.objectName) === obj) ??
    null
  );
}

function text(value: ApexValue): string {
  return value === null || value === undefined ? '' : String(value).toLowerCase();
}

function holds(db: Database, obj: ObjectDescribe, row: SObjectValue, item: AssignmentCriterion) {
  const dot = item.field.indexOf('.');
  const fieldName = dot < 0 ? item.field : item.field.slice(dot + 1);
  const field = db.schema.field(obj, fieldName);
  if (!field) {
    throw new Error(`assignment rule criterion on ${item.field}: no such field on ${obj.name}`);
  }
  const actual = text(row.get(field.name));
  const values = item.values.map((v) => v.toLowerCase());
  switch (item.operation) {
    case 'equals':
      return values.includes(actual);
    case 'notEqual':
      return !values.includes(actual);
    case 'contains':
      return values.some((v) => v !== '' && actual.includes(v));
    case 'notContain':
      return !values.some((v) => v !== '' && actual.includes(v));
    case 'startsWith':
      return values.some((v) => v !== '' && actual.startsWith(v));
    default:
      return unsupported(`assignment rule operation ${item.operation} on ${item.field}`);
  }
}

function ownerId(db: Database, assignedTo: string, type: 'User' | 'Queue', obj: ObjectDescribe) {
  if (type === 'Queue') {
    const queue = db.schema.queues.find((q) => q.developerName === assignedTo);
    if (!queue?.objects.some((name) => db.schema.object(name) === obj)) {
      throw new Error(`assignment rule names queue ${assignedTo}, which cannot own ${obj.name}`);
    }
    const row = db
      .rows('Group')
      .find((g) => g.get('Type') === 'Queue' && g.get('DeveloperName') === assignedTo);
    return (row?.get('Id') as string | undefined) ?? null;
  }
  const user = db
    .rows('User')
    .find((u) => text(u.get('Username')) === assignedTo.toLowerCase() && u.get('IsActive'));
  return (user?.get('Id') as string | undefined) ?? null;
}

/**
 * Gives each saved record the owner of the first entry of the active rule that it meets.
 * `saved` are the stored rows of one insert, with the header each record was saved with.
 */
export function applyAssignmentRules(
  db: Database,
  obj: ObjectDescribe,
  saved: { row: SObjectValue; request: AssignmentRequest | null }[]
): void {
  const asked = saved.filter((s) => s.request !== null);
  if (!asked.length) {
    return;
  }
  if (asked.some((s) => s.request!.assignmentRuleId)) {
    unsupported('AssignmentRuleHeader.assignmentRuleId (use useDefaultRule)');
  }
  const rule = activeRule(db, obj);
  if (!rule) {
    return;
  }
  for (const entry of rule.entries) {
    if (entry.booleanFilter || entry.formula) {
      unsupported(`assignment rule ${rule.developerName}: booleanFilter and formula entries`);
    }
  }
  for (const { row, request } of asked) {
    if (!request!.useDefaultRule) {
      continue;
    }
    const entry = rule.entries.find((e) => e.criteria.every((c) => holds(db, obj, row, c)));
    const owner = entry ? ownerId(db, entry.assignedTo, entry.assignedToType, obj) : null;
    if (owner) {
      db.patchRaw(row.get('Id') as string, { OwnerId: owner });
    }
  }
}
