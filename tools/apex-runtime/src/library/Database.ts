// The Database class and its result types (Apex Reference Guide: Database Class, SaveResult,
// UpsertResult, DeleteResult, MergeResult, Database.Error, LeadConvert, LeadConvertResult,
// QueryLocator, DMLOptions). Every method runs in system mode unless an AccessLevel says
// otherwise (the project targets an API version where that is the default), with the caller's
// sharing.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import {
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  SObjectValue,
  type ApexValue,
} from '../interpreter/values';
import { stateOf } from '../org/state';
import type { MergeOutcome } from '../database/merge';
import type { AssignmentRequest } from '../database/assignment';
import type { DuplicateInfo } from '../database/duplicates';

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';
export type { MergeOutcome };

export interface DmlOutcome {
  id: string | null;
  success: boolean;
  created?: boolean;
  errors: { statusCode: string; message: string; fields: string[]; duplicate?: DuplicateInfo }[];
}

export interface DmlCall {
  allOrNone: boolean;
  userMode: boolean;
  /** DMLOptions.allowFieldTruncation: text too long for its field is cut instead of failing. */
  allowFieldTruncation?: boolean;
  /** DMLOptions.DuplicateRuleHeader.allowSave: an Allow rule's alert does not stop the save. */
  allowSave?: boolean;
  /** DMLOptions.AssignmentRuleHeader: useDefaultRule, or a rule's Id (database/assignment.ts). */
  assignmentRule?: AssignmentRequest;
  externalIdField?: string | null;
}

const SOBJECT = { name: 'SObject', args: [] };

function isAccessLevel(v: ApexValue): v is ApexObject {
  return v instanceof ApexObject && v.className === 'System.AccessLevel';
}

function userModeOf(v: ApexValue): boolean {
  return isAccessLevel(v) && (v.native as { enumName: string }).enumName === 'USER_MODE';
}

/** Reads the trailing arguments of a Database DML method: allOrNone, DMLOptions, AccessLevel. */
function callOptions(args: ApexValue[]): DmlCall {
  const options: DmlCall = { allOrNone: true, userMode: false };
  for (const a of args) {
    if (typeof a === 'boolean') {
      options.allOrNone = a;
    } else if (isAccessLevel(a)) {
      options.userMode = userModeOf(a);
    } else if (a instanceof ApexObject && a.className === 'Database.DMLOptions') {
      const optAllOrNone = a.fields.get('optallornone');
      if (typeof optAllOrNone === 'boolean') {
        options.allOrNone = optAllOrNone;
      }
      options.allowFieldTruncation = a.fields.get('allowfieldtruncation') === true;
      options.allowSave = headerFlag(a, 'duplicateruleheader', 'allowsave');
      const assignment = assignmentRequestOf(a);
      if (assignment) {
        options.assignmentRule = assignment;
      }
    }
  }
  return options;
}

/** A DMLOptions' AssignmentRuleHeader; null when the header is set to null. */
export function assignmentRequestOf(options: ApexObject): AssignmentRequest | null {
  const header = options.fields.get('assignmentruleheader');
  return header instanceof ApexObject
    ? {
        useDefaultRule: header.fields.get('usedefaultrule') === true,
        assignmentRuleId: (header.fields.get('assignmentruleid') ?? null) as string | null,
      }
    : null;
}

/** A Boolean of one of the DMLOptions headers; a header set to null reads as false. */
export function headerFlag(options: ApexObject, header: string, flag: string): boolean {
  const value = options.fields.get(header);
  return value instanceof ApexObject && value.fields.get(flag) === true;
}

function recordsOf(
  value: ApexValue,
  op: DmlOperation
): { records: SObjectValue[]; single: boolean } {
  if (value === null) {
    throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
  }
  if (value instanceof SObjectValue) {
    return { records: [value], single: true };
  }
  if (value instanceof ApexList) {
    const records = value.values.map((v) => {
      if (v instanceof SObjectValue) {
        return v;
      }
      // delete and undelete take Ids as well as records.
      if (typeof v === 'string' && (op === 'delete' || op === 'undelete')) {
        const r = new SObjectValue('SObject');
        r.set('Id', v);
        return r;
      }
      throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
    });
    return { records, single: false };
  }
  if (typeof value === 'string' && (op === 'delete' || op === 'undelete')) {
    const r = new SObjectValue('SObject');
    r.set('Id', value);
    return { records: [r], single: true };
  }
  throw new ApexError('System.TypeException', 'DML requires SObject or SObject list type');
}

export function errorObject(e: {
  statusCode: string;
  message: string;
  fields: string[];
}): ApexObject {
  // A duplicate rule's error is a Database.DuplicateError (a Database.Error with its result).
  const obj = new ApexObject(
    (e as { duplicate?: DuplicateInfo }).duplicate ? 'Database.DuplicateError' : 'Database.Error',
    null
  );
  obj.native = e;
  return obj;
}

function resultObject(className: string, outcome: DmlOutcome): ApexObject {
  const obj = new ApexObject(className, null);
  obj.native = outcome;
  return obj;
}

function dmlMethod(op: DmlOperation, resultClass: string) {
  return (args: ApexValue[], c: CallContext): ApexValue => {
    const { records, single } = recordsOf(args[0] ?? null, op);
    let rest = args.slice(1);
    let externalIdField: string | null = null;
    if (
      op === 'upsert' &&
      rest[0] instanceof ApexObject &&
      rest[0].className === 'Schema.SObjectField'
    ) {
      externalIdField = (rest[0].native as { fieldName: string }).fieldName;
      rest = rest.slice(1);
    }
    const options = { ...callOptions(rest), externalIdField };
    const outcomes = stateOf(c).dmlRecords(op, records, options);
    const results = outcomes.map((o) => resultObject(resultClass, o));
    // One outcome per record: a single record has one.
    return single ? results[0]! : new ApexList({ name: resultClass, args: [] }, results);
  };
}

defineNative({
  name: 'Database',
  statics: {
    insert: dmlMethod('insert', 'Database.SaveResult'),
    update: dmlMethod('update', 'Database.SaveResult'),
    upsert: dmlMethod('upsert', 'Database.UpsertResult'),
    delete: dmlMethod('delete', 'Database.DeleteResult'),
    undelete: dmlMethod('undelete', 'Database.UndeleteResult'),
    query: (args, c) =>
      stateOf(c).queryString(
        args[0] as string,
        null,
        args[1] !== undefined ? userModeOf(args[1]) : null
      ),
    querywithbinds: (args, c) =>
      stateOf(c).queryString(
        args[0] as string,
        args[1] as ApexMap,
        args[2] !== undefined ? userModeOf(args[2]) : null
      ),
    countquery: (args, c) =>
      stateOf(c).queryString(
        args[0] as string,
        null,
        args[1] !== undefined ? userModeOf(args[1]) : null
      ),
    countquerywithbinds: (args, c) =>
      stateOf(c).queryString(
        args[0] as string,
        args[1] as ApexMap,
        args[2] !== undefined ? userModeOf(args[2]) : null
      ),
    getquerylocator: (args, c) => {
      const source = args[0];
      const records =
        source instanceof ApexList
          ? source
          : (stateOf(c).queryString(
              source as string,
              null,
              args[1] !== undefined ? userModeOf(args[1]) : null
            ) as ApexList);
      return queryLocator(records);
    },
    getquerylocatorwithbinds: (args, c) =>
      queryLocator(
        stateOf(c).queryString(
          args[0] as string,
          args[1] as ApexMap,
          args[2] !== undefined ? userModeOf(args[2]) : null
        ) as ApexList
      ),
    executebatch: (args, c) => {
      const job = args[0];
      if (!(job instanceof ApexObject)) {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      const scope = (args[1] as number | undefined) ?? 200;
      if (scope < 1 || scope > 2000) {
        throw new ApexError(
          'System.InvalidParameterValueException',
          'The scope size must be between 1 and 2000'
        );
      }
      return stateOf(c).enqueue('batch', job, scope);
    },
    // Apex Developer Guide, Transaction Control: setSavepoint and rollback each count
    // against the DML statement limit.
    setsavepoint: (_args, c) => {
      stateOf(c).limits.countDml(0);
      const sp = new ApexObject('System.Savepoint', null);
      sp.native = stateOf(c).setSavepoint();
      return sp;
    },
    rollback: (args, c) => {
      const sp = args[0];
      if (!(sp instanceof ApexObject)) {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      stateOf(c).limits.countDml(0);
      stateOf(c).rollback(sp.native as number);
      return null;
    },
    // merge(masterRecord, duplicate | duplicateId) answers one MergeResult; the List forms
    // (duplicates, duplicateIds) a list holding it; then allOrNone and an AccessLevel.
    merge: (args, c) => {
      const duplicates = args[1] ?? null;
      const outcome = stateOf(c).mergeRecords(
        args[0] ?? null,
        duplicates,
        callOptions(args.slice(2))
      );
      const result = new ApexObject('Database.MergeResult', null);
      result.native = outcome;
      return duplicates instanceof ApexList
        ? new ApexList({ name: 'Database.MergeResult', args: [] }, [result])
        : result;
    },
    convertlead: (args, c) => {
      const single = args[0] instanceof ApexObject;
      const requests = single
        ? [args[0] as ApexObject]
        : ((args[0] as ApexList).values as ApexObject[]);
      const options = callOptions(args.slice(1));
      const results = stateOf(c).convertLead(
        requests.map((r) => r.fields),
        options
      );
      const objects = results.map((r) => {
        const obj = new ApexObject('Database.LeadConvertResult', null);
        obj.native = r;
        return obj;
      });
      // One result per request: a single request has one.
      return single
        ? objects[0]!
        : new ApexList({ name: 'Database.LeadConvertResult', args: [] }, objects);
    },
  },
});

function queryLocator(records: ApexList): ApexObject {
  const locator = new ApexObject('Database.QueryLocator', null);
  locator.native = records.values;
  return locator;
}

const resultMethods = {
  getid: (self: ApexObject) => (self.native as DmlOutcome).id,
  issuccess: (self: ApexObject) => (self.native as DmlOutcome).success,
  geterrors: (self: ApexObject) =>
    new ApexList(
      { name: 'Database.Error', args: [] },
      (self.native as DmlOutcome).errors.map(errorObject)
    ),
};

defineNative({ name: 'Database.SaveResult', methods: resultMethods });
defineNative({ name: 'Database.DeleteResult', methods: resultMethods });
defineNative({ name: 'Database.UndeleteResult', methods: resultMethods });
defineNative({
  name: 'Database.UpsertResult',
  methods: { ...resultMethods, iscreated: (self) => (self.native as DmlOutcome).created === true },
});

const STRINGS = { name: 'String', args: [] };
defineNative({
  name: 'Database.MergeResult',
  methods: {
    getid: (self) => (self.native as MergeOutcome).id,
    issuccess: (self) => (self.native as MergeOutcome).success,
    getmergedrecordids: (self) =>
      new ApexList(STRINGS, [...(self.native as MergeOutcome).mergedRecordIds]),
    getupdatedrelatedids: (self) =>
      new ApexList(STRINGS, [...(self.native as MergeOutcome).updatedRelatedIds]),
    geterrors: (self) =>
      new ApexList(
        { name: 'Database.Error', args: [] },
        (self.native as MergeOutcome).errors.map(errorObject)
      ),
  },
});

defineNative({
  name: 'Database.Error',
  methods: {
    getmessage: (self) => (self.native as { message: string }).message,
    getfields: (self) =>
      new ApexList({ name: 'String', args: [] }, [...(self.native as { fields: string[] }).fields]),
    getstatuscode: (self, _args, c) =>
      c.interp.host.nativeStaticProperty(
        'System.StatusCode',
        (self.native as { statusCode: string }).statusCode,
        c.interp,
        c.pos
      ) as ApexValue,
  },
});

function assignmentRuleHeader(): ApexObject {
  const header = new ApexObject('Database.DMLOptions.AssignmentRuleHeader', null);
  header.fields.set('usedefaultrule', null);
  header.fields.set('assignmentruleid', null);
  return header;
}

function duplicateRuleHeader(): ApexObject {
  const header = new ApexObject('Database.DMLOptions.DuplicateRuleHeader', null);
  header.fields.set('allowsave', false);
  header.fields.set('runascurrentuser', false);
  return header;
}

// DMLOptions Class: the headers exist on a new instance (the documented examples set
// dml.DuplicateRuleHeader.allowSave and dmo.assignmentRuleHeader.useDefaultRule directly).
defineNative({
  name: 'Database.DMLOptions',
  construct: () => {
    const options = new ApexObject('Database.DMLOptions', null);
    options.fields.set('optallornone', null);
    options.fields.set('allowfieldtruncation', false);
    options.fields.set('assignmentruleheader', assignmentRuleHeader());
    options.fields.set('duplicateruleheader', duplicateRuleHeader());
    return options;
  },
});
defineNative({
  name: 'Database.DMLOptions.AssignmentRuleHeader',
  construct: assignmentRuleHeader,
});
defineNative({
  name: 'Database.DMLOptions.DuplicateRuleHeader',
  construct: duplicateRuleHeader,
});

// DuplicateError Class: getDuplicateResult() beside the Database.Error methods.
defineNative({
  name: 'Database.DuplicateError',
  parent: 'Database.Error',
  methods: {
    getduplicateresult: (self) => {
      const result = new ApexObject('Datacloud.DuplicateResult', null);
      result.native = (self.native as { duplicate: DuplicateInfo }).duplicate;
      return result;
    },
  },
});
defineNative({
  name: 'Datacloud.DuplicateResult',
  methods: {
    getduplicaterule: (self) => (self.native as DuplicateInfo).ruleName,
    getduplicateruleentitytype: (self) => (self.native as DuplicateInfo).entityType,
    geterrormessage: (self) => (self.native as DuplicateInfo).errorMessage,
    isallowsave: (self) => (self.native as DuplicateInfo).allowSave,
    getmatchresults: (self) =>
      new ApexList(
        { name: 'Datacloud.MatchResult', args: [] },
        (self.native as DuplicateInfo).matchResults.map((m) => {
          const match = new ApexObject('Datacloud.MatchResult', null);
          match.native = m;
          return match;
        })
      ),
  },
});
defineNative({
  name: 'Datacloud.MatchResult',
  methods: {
    getrule: (self) => (self.native as DuplicateInfo['matchResults'][number]).rule,
    getentitytype: (self) => (self.native as DuplicateInfo['matchResults'][number]).entityType,
    getsize: (self) => (self.native as DuplicateInfo['matchResults'][number]).recordIds.length,
    issuccess: () => true,
    geterrors: () => new ApexList({ name: 'Database.Error', args: [] }, []),
    getmatchrecords: (self, _args, c) => {
      const m = self.native as DuplicateInfo['matchResults'][number];
      return new ApexList(
        { name: 'Datacloud.MatchRecord', args: [] },
        m.recordIds.map((id) => {
          const record = c.interp.host.newSObject(m.entityType, c.interp);
          c.interp.host.setSObjectField(record, 'Id', id, c.interp);
          const match = new ApexObject('Datacloud.MatchRecord', null);
          match.native = record;
          return match;
        })
      );
    },
  },
});
// MatchRecord Class: the matched record holds its Id (includeRecordDetails is not modelled);
// confidence is 100 for the Exact method.
defineNative({
  name: 'Datacloud.MatchRecord',
  methods: {
    getrecord: (self) => self.native as SObjectValue,
    getmatchconfidence: () => new ApexDouble(100),
  },
});

export interface LeadConvertOutcome {
  success: boolean;
  leadId: string | null;
  contactId: string | null;
  accountId: string | null;
  opportunityId: string | null;
  errors: { statusCode: string; message: string; fields: string[] }[];
}

const LEAD_CONVERT_FIELDS = [
  'leadId',
  'convertedStatus',
  'accountId',
  'contactId',
  'ownerId',
  'doNotCreateOpportunity',
  'sendNotificationEmail',
  'overwriteLeadSource',
  'opportunityName',
];

function leadConvertMethods(): Record<string, (self: ApexObject, args: ApexValue[]) => ApexValue> {
  const methods: Record<string, (self: ApexObject, args: ApexValue[]) => ApexValue> = {};
  for (const field of LEAD_CONVERT_FIELDS) {
    const key = field.toLowerCase();
    methods[`set${key}`] = (self, args) => {
      self.fields.set(key, args[0] ?? null);
      return null;
    };
    methods[`get${key}`] = (self) => self.fields.get(key) ?? null;
    methods[`is${key}`] = (self) => self.fields.get(key) ?? false;
  }
  return methods;
}

defineNative({
  name: 'Database.LeadConvert',
  construct: () => new ApexObject('Database.LeadConvert', null),
  methods: leadConvertMethods(),
});

defineNative({
  name: 'Database.LeadConvertResult',
  methods: {
    issuccess: (self) => (self.native as LeadConvertOutcome).success,
    getleadid: (self) => (self.native as LeadConvertOutcome).leadId,
    getcontactid: (self) => (self.native as LeadConvertOutcome).contactId,
    getaccountid: (self) => (self.native as LeadConvertOutcome).accountId,
    getopportunityid: (self) => (self.native as LeadConvertOutcome).opportunityId,
    geterrors: (self) =>
      new ApexList(
        { name: 'Database.Error', args: [] },
        (self.native as LeadConvertOutcome).errors.map(errorObject)
      ),
  },
});

defineNative({
  name: 'Database.QueryLocator',
  methods: {
    iterator: (self) => {
      const it = new ApexObject('Database.QueryLocatorIterator', null);
      it.native = { items: self.native as ApexValue[], index: 0 };
      return it;
    },
    getquery: () => null,
  },
});

defineNative({
  name: 'Database.QueryLocatorIterator',
  methods: {
    hasnext: (self) => {
      const s = self.native as { items: ApexValue[]; index: number };
      return s.index < s.items.length;
    },
    next: (self) => {
      const s = self.native as { items: ApexValue[]; index: number };
      if (s.index >= s.items.length) {
        throw new ApexError('System.NoSuchElementException', 'Iterator has no more elements.');
      }
      return s.items[s.index++] ?? null;
    },
  },
});

defineNative({ name: 'System.Savepoint' });

// Contexts handed to async jobs.
defineNative({
  name: 'Database.BatchableContext',
  methods: {
    getjobid: (self) => (self.native as { jobId: string }).jobId,
    getchildjobid: (self) => (self.native as { jobId: string }).jobId,
  },
});
defineNative({
  name: 'System.QueueableContext',
  methods: { getjobid: (self) => (self.native as { jobId: string }).jobId },
});
/** What a Finalizer is told of the Queueable job it was attached to. */
export interface FinalizerState {
  jobId: string;
  result: 'SUCCESS' | 'UNHANDLED_EXCEPTION';
  exception: ApexObject | null;
  requestId: string;
}
defineNative({
  name: 'System.FinalizerContext',
  methods: {
    getasyncapexjobid: (self) => (self.native as FinalizerState).jobId,
    getrequestid: (self) => (self.native as FinalizerState).requestId,
    getexception: (self) => (self.native as FinalizerState).exception,
    getresult: (self, _args, c) =>
      c.interp.host.nativeStaticProperty(
        'System.ParentJobResult',
        (self.native as FinalizerState).result,
        c.interp,
        c.pos
      ) as ApexValue,
  },
});
defineNative({
  name: 'System.SchedulableContext',
  methods: { gettriggerid: (self) => (self.native as { jobId: string }).jobId },
});

/** DMLOptions a record was given with setOptions (Apex Reference Guide: SObject Class). */
export const recordOptions = new WeakMap<SObjectValue, ApexObject>();
