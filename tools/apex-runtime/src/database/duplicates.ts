// Record types and duplicate rules at save time (the rules themselves: schema/orgRules.ts).
//
// Rules emulated, and where they come from:
// - A RecordTypeId must name an active record type of the record's own object; one the user
//   cannot use fails with INVALID_CROSS_REFERENCE_KEY "Record Type ID: this ID value isn't valid
//   for the user" (SOAP API Developer Guide: "StatusCode"; Object Reference: "RecordType").
//   ASSUMED: availability is checked in user mode only (system mode writes any active one).
// - Duplicate rules run after the before triggers and validation, before the record is saved
//   (Apex Developer Guide: "Triggers and Order of Execution", step "Executes duplicate rules").
//   A Block rule that finds a duplicate stops the save; an Allow rule with an alert stops it
//   unless DMLOptions.DuplicateRuleHeader.allowSave is true; an Allow rule without one saves.
//   The error is a Database.DuplicateError with StatusCode DUPLICATES_DETECTED carrying a
//   Datacloud.DuplicateResult (Apex Reference Guide: "DuplicateError Class",
//   "DuplicateResult Class", "MatchResult Class", "MatchRecord Class"; DMLOptions.
//   DuplicateRuleHeader Class).
// - Matching: the Exact method compares values without case and surrounding blanks; a blank
//   value never matches unless the item says MatchBlanks (Metadata API: "MatchingRule").
//   ASSUMED: records of the same DML call are not compared with each other, only with stored
//   ones; rules with EnforceSharingRules compare only records the running user can see.
import { unsupported } from '../interpreter/errors';
import { ApexDecimal, ApexDouble, type ApexValue, type SObjectValue } from '../interpreter/values';
import type { ObjectDescribe } from '../schema/types';
import type { Database } from './database';

export interface DuplicateMatchResult {
  /** The matching rule's developer name. */
  rule: string;
  entityType: string;
  recordIds: string[];
}

/** What Database.DuplicateError.getDuplicateResult() reports. */
export interface DuplicateInfo {
  /** The duplicate rule's developer name. */
  ruleName: string;
  entityType: string;
  errorMessage: string;
  allowSave: boolean;
  matchResults: DuplicateMatchResult[];
}

export interface SaveProblem {
  statusCode: string;
  message: string;
  fields: string[];
  duplicate?: DuplicateInfo;
}

const DEFAULT_ALERT = 'Use one of these records?';

/** An invalid RecordTypeId (other object, inactive, unavailable in user mode), or null. */
export function recordTypeProblem(
  db: Database,
  obj: ObjectDescribe,
  recordTypeId: string,
  userMode: boolean,
  userId: string
): SaveProblem | null {
  if (isMaster(recordTypeId)) {
    return null;
  }
  const rt = (obj.recordTypes ?? []).find((r) => r.id !== undefined && r.id === recordTypeId);
  if (
    rt?.active === true &&
    (!userMode || db.security.recordTypeAvailable(userId, obj.name, rt.developerName))
  ) {
    return null;
  }
  return {
    statusCode: 'INVALID_CROSS_REFERENCE_KEY',
    message: `Record Type ID: this ID value isn't valid for the user: ${recordTypeId}`,
    fields: ['RecordTypeId'],
  };
}

function isMaster(id: string): boolean {
  return id.startsWith('012000000000000');
}

function comparable(value: ApexValue): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text =
    value instanceof ApexDecimal || value instanceof ApexDouble
      ? String(value.value)
      : String(value as unknown as string);
  const trimmed = text.trim().toLowerCase();
  return trimmed === '' ? null : trimmed;
}

/**
 * The first active duplicate rule of the object that stops this record's insert, as a
 * DUPLICATES_DETECTED problem, or null when none does.
 */
export function duplicateProblem(
  db: Database,
  obj: ObjectDescribe,
  record: SObjectValue,
  allowSave: boolean,
  userId: string
): SaveProblem | null {
  const schema = db.schema;
  for (const rule of schema.duplicateRules) {
    if (!rule.active || schema.object(rule.objectName) !== obj) {
      continue;
    }
    const matchResults: DuplicateMatchResult[] = [];
    for (const ruleName of rule.matchingRules) {
      const matching = schema.matchingRules.find(
        (m) => m.developerName === ruleName && schema.object(m.objectName) === obj && m.active
      );
      if (!matching || matching.items.length === 0) {
        continue;
      }
      for (const item of matching.items) {
        if (item.matchingMethod !== 'Exact') {
          unsupported(`matching method ${item.matchingMethod} in matching rule ${ruleName}`);
        }
      }
      const fields = matching.items.map((item) => ({
        name: schema.field(obj, item.fieldName)?.name ?? item.fieldName,
        matchBlanks: item.matchBlanks,
      }));
      const wanted = fields.map((f) => comparable(record.get(f.name)));
      const recordIds: string[] = [];
      for (const row of db.rows(obj.name)) {
        if (row.get('IsDeleted') === true || row.get('Id') === record.get('Id')) {
          continue;
        }
        const matches = fields.every((f, k) => {
          const mine = wanted[k] ?? null;
          const theirs = comparable(row.get(f.name));
          return mine === null || theirs === null
            ? f.matchBlanks && mine === theirs
            : mine === theirs;
        });
        if (matches && (!rule.enforceSharing || db.security.canSee(userId, row))) {
          recordIds.push(row.get('Id') as string);
        }
      }
      if (recordIds.length) {
        matchResults.push({ rule: matching.developerName, entityType: obj.name, recordIds });
      }
    }
    if (!matchResults.length) {
      continue;
    }
    const blocks = rule.actionOnInsert === 'Block' || (rule.alertOnInsert && !allowSave);
    if (!blocks) {
      continue;
    }
    const message = rule.alertText ?? DEFAULT_ALERT;
    return {
      statusCode: 'DUPLICATES_DETECTED',
      message,
      fields: [],
      duplicate: {
        ruleName: rule.developerName,
        entityType: obj.name,
        errorMessage: message,
        allowSave: rule.actionOnInsert === 'Allow',
        matchResults,
      },
    };
  }
  return null;
}
