// Merging records: the merge statement and Database.merge.
//
// Rules emulated (Apex Developer Guide: "Merging Records" and its merge considerations,
// "Triggers and Merge Statements"; Apex Reference Guide: "Database Class" merge methods,
// "MergeResult Class"):
// - Leads, Contacts, Cases and Accounts merge; a master record and one or two duplicates of its
//   object. "Field values on the master record always supersede the corresponding field values
//   on the records to be merged": the fields set on the master sObject are saved onto it.
// - "Merge events do not fire their own trigger events", in this order: (1) the before delete
//   trigger of the duplicates; (2) the duplicates are deleted, their child records reparented to
//   the master ("Any child records that are reparented as a result of the merge operation do
//   not fire triggers") and MasterRecordId set on the deleted rows; (3) the after delete
//   trigger, whose Trigger.old carries MasterRecordId ("only set in after delete trigger
//   events"); (4) the master is updated, with its normal update triggers.
// - allOrNone true (the statement, the default): a failure throws System.DmlException and
//   nothing of the merge stays; false: the failure is the MergeResult's, nothing of that merge
//   stays. getUpdatedRelatedIds lists the reparented records the running user can see.
// ASSUMED (no page states them): the status codes of a refused request (an empty, unknown,
// deleted or foreign duplicate, the master among its duplicates, more than two duplicates) and
// the message wording, built like the other DML messages (`Merge failed. First exception on
// row 0 with id ...`).
import { unsupported } from '../interpreter/errors';
import type { SObjectValue } from '../interpreter/values';
import type { Database } from './database';
import { DmlError, type DmlOptions, type DmlRowError } from './dml';
import { isValidId, to18 } from './ids';

/** The objects the platform merges. */
const MERGEABLE = new Set(['account', 'contact', 'lead', 'case']);
const MAX_DUPLICATES = 2;

export interface MergeOutcome {
  success: boolean;
  /** The master record. */
  id: string | null;
  mergedRecordIds: string[];
  updatedRelatedIds: string[];
  errors: DmlRowError[];
}

function refused(
  masterId: string | null,
  statusCode: string,
  message: string,
  fields: string[] = []
): MergeOutcome {
  return {
    success: false,
    id: masterId,
    mergedRecordIds: [],
    updatedRelatedIds: [],
    errors: [{ statusCode, message, fields }],
  };
}

/**
 * Merges the duplicates (Ids) into the master. With allOrNone a failure throws
 * System.DmlException; otherwise it is the outcome's, and the database is as before the call.
 */
export function mergeRecords(
  db: Database,
  master: SObjectValue,
  duplicateIds: (string | null)[],
  options: DmlOptions
): MergeOutcome {
  const obj = db.describe(master.type);
  if (!MERGEABLE.has(obj.name.toLowerCase())) {
    unsupported(`merge of ${obj.name} (the platform merges Account, Contact, Lead and Case)`);
  }
  const outcome = attempt(db, master, duplicateIds, options);
  if (!outcome.success && options.allOrNone) {
    // A refused outcome always carries its error.
    const e = outcome.errors[0]!;
    const withId = outcome.id ? ` with id ${outcome.id}` : '';
    throw new DmlError(
      `Merge failed. First exception on row 0${withId}; first error: ${e.statusCode}, ${e.message}: [${e.fields.join(', ')}]`,
      [{ index: 0, id: outcome.id, ...e }],
      [],
      1
    );
  }
  return outcome;
}

function attempt(
  db: Database,
  master: SObjectValue,
  duplicateIds: (string | null)[],
  options: DmlOptions
): MergeOutcome {
  const rawMasterId = master.get('Id');
  if (typeof rawMasterId !== 'string' || !isValidId(rawMasterId)) {
    return refused(null, 'MISSING_ARGUMENT', 'Id not specified in a merge call', ['Id']);
  }
  const masterId = to18(rawMasterId);
  const masterRow = db.getRow(masterId);
  if (!masterRow || masterRow.type !== db.describe(master.type).name) {
    return refused(masterId, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  }
  if (masterRow.get('IsDeleted') === true) {
    return refused(masterId, 'ENTITY_IS_DELETED', 'entity is deleted');
  }
  if (duplicateIds.length === 0) {
    return refused(masterId, 'MISSING_ARGUMENT', 'A merge needs at least one record to merge');
  }
  if (duplicateIds.length > MAX_DUPLICATES) {
    return refused(
      masterId,
      'LIMIT_EXCEEDED',
      `A merge takes at most ${MAX_DUPLICATES} records to merge into the master`
    );
  }
  const losers: string[] = [];
  for (const raw of duplicateIds) {
    if (typeof raw !== 'string' || !isValidId(raw)) {
      return refused(masterId, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    }
    const id = to18(raw);
    if (id === masterId || losers.includes(id)) {
      return refused(
        masterId,
        'INVALID_ID_FIELD',
        'The master record and the records to merge must all differ'
      );
    }
    const row = db.getRow(id);
    if (!row || row.type !== masterRow.type) {
      return refused(masterId, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    }
    if (row.get('IsDeleted') === true) {
      return refused(masterId, 'ENTITY_IS_DELETED', 'entity is deleted');
    }
    losers.push(id);
  }
  const mark = db.mark();
  const strict: DmlOptions = { ...options, allOrNone: true };
  const reparentedIds: string[] = [];
  try {
    // (1) to (3): the losers' delete, with their children moved to the master.
    db.delete(losers, { ...strict, mergeInto: { masterId, reparentedIds } });
    // (4) the master's update: the fields the caller set on the master sObject win.
    const update = master.clone();
    update.set('Id', masterId);
    db.update([update], strict);
  } catch (e) {
    db.undoTo(mark);
    if (e instanceof DmlError) {
      const first = e.dmlErrors[0];
      return refused(
        masterId,
        first?.statusCode ?? 'UNKNOWN_EXCEPTION',
        first?.message ?? e.message,
        first?.fields ?? []
      );
    }
    throw e;
  }
  const visible = options.access.enforceSharing
    ? reparentedIds.filter((id) => {
        const row = db.getRow(id);
        return row !== undefined && db.security.canSee(options.access.userId, row);
      })
    : reparentedIds;
  return {
    success: true,
    id: masterId,
    mergedRecordIds: losers,
    updatedRelatedIds: [...new Set(visible)],
    errors: [],
  };
}
