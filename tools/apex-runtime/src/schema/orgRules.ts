// Record types, matching rules and duplicate rules read from a project's metadata.
//
// Rules emulated, with the documentation they come from:
// - `objects/<Object>/recordTypes/<Name>.recordType-meta.xml`: fullName, label, active,
//   description (Metadata API Developer Guide: "RecordType"). Every object also has the master
//   record type, Id 012000000000000AAA (Apex Reference Guide: "RecordTypeInfo Class", isMaster).
// - `matchingRules/<Object>.matchingRule-meta.xml`: matchingRules with matchingRuleItems
//   (fieldName, matchingMethod, blankValueBehavior) and ruleStatus (Metadata API: "MatchingRule").
// - `duplicateRules/<Object>.<Name>.duplicateRule-meta.xml`: actionOnInsert (Allow or Block),
//   operationsOnInsert (Alert, Report), alertText, isActive, securityOption, sortOrder and
//   duplicateRuleMatchRules naming a matching rule (Metadata API: "DuplicateRule").
// - `assignmentRules/<Object>.assignmentRules-meta.xml`: assignmentRule (fullName, active) with
//   ruleEntry in order (assignedTo, assignedToType User or Queue, criteriaItems of field,
//   operation and value, booleanFilter, formula) (Metadata API: "AssignmentRules").
// - `queues/<Name>.queue-meta.xml`: fullName, name and the queueSobject types it may own
//   (Metadata API: "Queue").
// What the runtime does with them at save time: database/duplicates.ts and
// database/assignment.ts; DIVERGENCES.md lists what it leaves out (fuzzy methods, cross-object
// rules, update, formula criteria).
import { basename, dirname } from 'node:path';
import { list as nodes, metadataReader, str as text, texts } from './metadataXml';
import type { RecordTypeDefinition } from './types';

export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

export interface MatchingRuleItem {
  fieldName: string;
  matchingMethod: string;
  /** MatchBlanks: two blank values match; NullNotAllowed (the default): a blank never matches. */
  matchBlanks: boolean;
}

export interface MatchingRuleDefinition {
  objectName: string;
  developerName: string;
  active: boolean;
  items: MatchingRuleItem[];
}

export interface DuplicateRuleDefinition {
  objectName: string;
  developerName: string;
  label: string;
  active: boolean;
  actionOnInsert: 'Allow' | 'Block';
  /** operationsOnInsert holds Alert: an Allow rule stops the save unless allowSave is set. */
  alertOnInsert: boolean;
  alertText: string | null;
  enforceSharing: boolean;
  sortOrder: number;
  matchingRules: string[];
}

const ARRAY_TAGS = new Set([
  'matchingRules',
  'matchingRuleItems',
  'duplicateRuleMatchRules',
  'operationsOnInsert',
  'operationsOnUpdate',
  'assignmentRule',
  'ruleEntry',
  'criteriaItems',
  'queueSobject',
]);

export interface AssignmentCriterion {
  /** As written: `Lead.Title`. */
  field: string;
  operation: string;
  /** The comma-separated values of the item: any one of them satisfies it. */
  values: string[];
}

export interface AssignmentRuleEntry {
  assignedTo: string;
  assignedToType: 'User' | 'Queue';
  criteria: AssignmentCriterion[];
  booleanFilter: string | null;
  formula: string | null;
}

export interface AssignmentRuleDefinition {
  objectName: string;
  developerName: string;
  active: boolean;
  entries: AssignmentRuleEntry[];
}

export interface QueueDefinition {
  developerName: string;
  name: string;
  /** The objects whose records the queue may own. */
  objects: string[];
}

const root = metadataReader(ARRAY_TAGS);

/** The object folder a record type file sits in: objects/<Object>/recordTypes/<file>. */
export function recordTypeObjectFolder(file: string): string {
  return basename(dirname(dirname(file)));
}

export function readRecordType(file: string): RecordTypeDefinition {
  const node = root(file, 'RecordType');
  const developerName = text(node, 'fullName') ?? basename(file, '.recordType-meta.xml');
  return {
    developerName,
    label: text(node, 'label') ?? developerName,
    active: (text(node, 'active') ?? 'false').toLowerCase() === 'true',
    description: text(node, 'description'),
  };
}

export function readMatchingRules(file: string): MatchingRuleDefinition[] {
  const objectName = basename(file, '.matchingRule-meta.xml');
  return nodes(root(file, 'MatchingRules'), 'matchingRules').map((rule) => ({
    objectName,
    developerName: text(rule, 'fullName') ?? '',
    active: (text(rule, 'ruleStatus') ?? 'Active') === 'Active',
    items: nodes(rule, 'matchingRuleItems').map((item) => ({
      fieldName: text(item, 'fieldName') ?? '',
      matchingMethod: text(item, 'matchingMethod') ?? 'Exact',
      matchBlanks: text(item, 'blankValueBehavior') === 'MatchBlanks',
    })),
  }));
}

export function readDuplicateRule(file: string): DuplicateRuleDefinition {
  const node = root(file, 'DuplicateRule');
  const full = basename(file, '.duplicateRule-meta.xml');
  const dot = full.indexOf('.');
  const action = text(node, 'actionOnInsert');
  return {
    objectName: full.slice(0, dot),
    developerName: full.slice(dot + 1),
    label: text(node, 'masterLabel') ?? full.slice(dot + 1),
    active: (text(node, 'isActive') ?? 'false').toLowerCase() === 'true',
    actionOnInsert: action === 'Block' ? 'Block' : 'Allow',
    alertOnInsert: texts(node, 'operationsOnInsert').includes('Alert'),
    alertText: text(node, 'alertText'),
    enforceSharing: text(node, 'securityOption') !== 'BypassSharingRules',
    sortOrder: Number(text(node, 'sortOrder') ?? '0') || 0,
    matchingRules: nodes(node, 'duplicateRuleMatchRules')
      .map((m) => text(m, 'matchingRule') ?? '')
      .filter((name) => name !== ''),
  };
}

export function readAssignmentRules(file: string): AssignmentRuleDefinition[] {
  const objectName = basename(file, '.assignmentRules-meta.xml');
  return nodes(root(file, 'AssignmentRules'), 'assignmentRule').map((rule) => ({
    objectName,
    developerName: text(rule, 'fullName') ?? '',
    active: (text(rule, 'active') ?? 'false').toLowerCase() === 'true',
    entries: nodes(rule, 'ruleEntry').map((entry) => ({
      assignedTo: text(entry, 'assignedTo') ?? '',
      assignedToType: text(entry, 'assignedToType') === 'Queue' ? 'Queue' : 'User',
      criteria: nodes(entry, 'criteriaItems').map((item) => ({
        field: text(item, 'field') ?? '',
        operation: text(item, 'operation') ?? 'equals',
        values: (text(item, 'value') ?? '').split(',').map((v) => v.trim()),
      })),
      booleanFilter: text(entry, 'booleanFilter'),
      formula: text(entry, 'formula'),
    })),
  }));
}

export function readQueue(file: string): QueueDefinition {
  const node = root(file, 'Queue');
  const developerName = text(node, 'fullName') ?? basename(file, '.queue-meta.xml');
  return {
    developerName,
    name: text(node, 'name') ?? developerName,
    objects: nodes(node, 'queueSobject')
      .map((q) => text(q, 'sobjectType') ?? '')
      .filter((name) => name !== ''),
  };
}
