// The implementation of the host's seam (services.ts): the schema, the database, SOQL, triggers,
// async jobs and the system library, for one local org.
import type { Expr, Pos, Stmt, TriggerDecl } from '../parse/ast';
import { ApexError } from '../interpreter/errors';
import type { Interpreter } from '../interpreter/interpreter';
import { defineNative } from '../interpreter/natives';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  SObjectValue,
  type ApexValue,
  type TypeRef,
} from '../interpreter/values';
import { collectionKind } from '../interpreter/types';
import type { Database } from '../database/database';
import { type DmlOptions, type TriggerHost, type TriggerOperation } from '../database/dml';
import { idValueOf } from '../database/ids';
import { convertLeads } from '../database/convertLead';
import { today as todayIn } from '../system/Date';
import type { CustomLabelInfo, Schema, StaticResourceInfo } from '../schema/schema';
import type {
  FieldDescribe,
  FieldPermission,
  ObjectDescribe,
  ObjectPermission,
} from '../schema/types';
import { apexEquals, arithmetic, coerce, compare } from '../system/Arithmetic';
import type { SystemContext } from '../system/context';
import { apexToString } from '../system/String';
import {
  errorObject,
  headerFlag,
  recordOptions,
  type DmlCall,
  type DmlOperation,
  type DmlOutcome,
  type LeadConvertOutcome,
  type MergeOutcome,
  type FinalizerState,
} from '../library/Database';
import { sobjectTypeToken } from '../library/Schema';
import { getField, setField, sobjectMethod, type SObjectHost } from '../library/SObject';
import type { OrgHost } from './host';
import { SYNC_LIMITS } from './limits';
import type { QueryContext } from '@apexdevtools/apex-parser';
import { query, type BindRef } from '../soql/index';
import { bindJsonHost, libraryStatics } from './library';
import { instanceMethod } from '../system/index';
import { newUrl, wrapUrl } from '../system/Url';
import { customSettingMethod } from '../library/CustomSettings';
import type { JsonHost } from '../system/JSON';
import { APEX_TYPE_OF } from '../schema/standardObjects';
import type { RuntimeClass } from '../interpreter/types';
import { userClassOf } from './host';
import type { LibraryInstance, LibraryStatic, OrgServices } from './services';
import type { AsyncJob, AsyncKind } from './state';
import { refuseEventDml } from './eventBus';

interface TriggerFrame {
  objectName: string;
  timing: 'before' | 'after';
  operation: TriggerOperation;
  newRecords: SObjectValue[] | null;
  oldRecords: SObjectValue[] | null;
}

export class LocalOrgServices implements OrgServices {
  readonly triggerStack: TriggerFrame[] = [];

  constructor(
    readonly schema: Schema,
    readonly db: Database,
    readonly interp: Interpreter,
    readonly triggers: TriggerDecl[]
  ) {
    this.json = this.jsonHost();
    bindJsonHost(this.json);
  }

  /** What JSON.serialize and JSON.deserialize know of this org's classes, enums and SObjects. */
  readonly json: JsonHost;

  private jsonHost(): JsonHost {
    const pos = { line: 0, column: 0 };
    const classOf = (type: TypeRef): RuntimeClass | null =>
      this.interp.findClass(type.name, this.interp.frame?.cls ?? null);
    return {
      objectFields: (obj) => this.interp.instanceFields(obj),
      enumName: (obj) => {
        const native = obj.native as { enumName?: string } | undefined;
        return native && typeof native === 'object' && 'enumName' in native
          ? native.enumName
          : undefined;
      },
      resolveType: (type) => {
        const rc = classOf(type);
        if (rc) {
          return rc.decl.kind === 'enum' ? 'enum' : 'class';
        }
        return this.describeObject(type.name.replace(/^schema\./i, '')) ? 'sobject' : null;
      },
      newObject: (type) => this.interp.instantiate(classOf(type) as RuntimeClass, [], pos),
      fieldOf: (obj, key) => {
        const lower = key.toLowerCase();
        for (let c: RuntimeClass | null = userClassOf(obj); c; c = c.superclass) {
          const m = c.decl.members.find((x) => !x.isStatic && x.name.toLowerCase() === lower);
          if (m) {
            return { name: m.name, type: this.interp.qualifyType(m.type, c) };
          }
        }
        return null;
      },
      setField: (obj, name, value) => {
        obj.fields.set(name.toLowerCase(), value);
      },
      newSObject: (type) => this.newSObject(type.name),
      sobjectField: (record, key) => {
        const field = this.describeField(record.type, key);
        return field
          ? { name: field.name, type: { name: APEX_TYPE_OF[field.type] ?? 'Object', args: [] } }
          : null;
      },
      enumValue: (type, name) => {
        const rc = classOf(type);
        return rc ? this.interp.enumConstant(rc, name) : null;
      },
      apiVersion: '66.0',
    };
  }

  // ---------- schema and security ----------

  describeObject(name: string): ObjectDescribe | undefined {
    return this.schema.object(name);
  }

  describeField(objectName: string, fieldName: string): FieldDescribe | undefined {
    return this.schema.field(objectName, fieldName);
  }

  allObjects(): ObjectDescribe[] {
    return this.schema.globalDescribe();
  }

  objectAccess(userId: string, objectName: string): ObjectPermission {
    return this.db.security.objectAccess(userId, objectName);
  }

  fieldAccess(userId: string, objectName: string, fieldName: string): FieldPermission {
    return this.db.security.fieldAccess(userId, objectName, fieldName);
  }

  recordTypeAvailable(userId: string, objectName: string, developerName: string): boolean {
    return this.db.security.recordTypeAvailable(userId, objectName, developerName);
  }

  hasCustomPermission(userId: string, name: string): boolean {
    return this.db.security.hasCustomPermission(userId, name);
  }

  hasExternalCredentialAccess(userId: string, externalCredential: string): boolean {
    return this.db.security.hasExternalCredentialAccess(userId, externalCredential);
  }

  staticResource(name: string): StaticResourceInfo | undefined {
    return this.schema.staticResources.get(name.toLowerCase());
  }

  customLabel(namespace: string | null, name: string): CustomLabelInfo | undefined {
    // Only the project's own labels exist here: no other package is installed in the local org.
    const own = !namespace || namespace.toLowerCase() === this.schema.namespace?.toLowerCase();
    return own ? this.schema.labels.get(name.toLowerCase()) : undefined;
  }

  userRecord(userId: string): SObjectValue {
    const row = this.db.getRow(userId);
    if (!row) {
      throw new ApexError('System.UnexpectedException', `No user ${userId} in the local org`);
    }
    return row;
  }

  newId(objectName: string): string {
    return this.db.newId(objectName);
  }

  normaliseId(id: string): string {
    return idValueOf(id);
  }

  setCreatedDate(id: string, value: ApexValue): void {
    this.db.patchRaw(this.normaliseId(id), { CreatedDate: value });
  }

  // ---------- async ----------

  recordAsyncJob(
    id: string,
    kind: AsyncKind,
    className: string,
    name: string | null,
    cron: string | null,
    userId: string
  ): void {
    const classRow = this.db
      .rows('ApexClass')
      .find((r) => String(r.get('Name')).toLowerCase() === className.split('.')[0]!.toLowerCase());
    const jobType = {
      queueable: 'Queueable',
      batch: 'BatchApex',
      schedulable: 'ScheduledApex',
      future: 'Future',
    }[kind];
    if (kind === 'schedulable') {
      const detail = this.db.insertRaw('CronJobDetail', { Name: name, JobType: '7' }, userId);
      this.db.insertRaw(
        'CronTrigger',
        {
          Id: id,
          CronExpression: cron,
          CronJobDetailId: detail.get('Id'),
          State: 'WAITING',
          TimesTriggered: 0,
        },
        userId
      );
      return;
    }
    this.db.insertRaw(
      'AsyncApexJob',
      {
        Id: id,
        JobType: jobType,
        Status: 'Queued',
        ApexClassId: classRow ? classRow.get('Id') : null,
        NumberOfErrors: 0,
        JobItemsProcessed: 0,
        TotalJobItems: 0,
        MethodName: null,
      },
      userId
    );
  }

  runAsyncJob(job: AsyncJob, host: OrgHost): void {
    const interp = this.interp;
    const pos = { line: 0, column: 0 };
    const context = (className: string): ApexObject => {
      const ctx = new ApexObject(className, null);
      ctx.native = { jobId: job.id };
      return ctx;
    };
    const mark = (values: Record<string, ApexValue>): void => {
      if (job.kind !== 'schedulable') {
        this.db.patchRaw(job.id, values);
      }
    };
    mark({ Status: 'Processing' });
    // A Queueable or scheduled job that ends with an unhandled exception keeps none of its
    // writes and queues no job, as on the platform. A batch's start, execute and finish are
    // transactions of their own, so what its earlier chunks wrote stays.
    const before = this.db.mark();
    const queued = host.asyncQueue.length;
    const failed = (e: unknown, errors: number): void => {
      if (job.kind !== 'batch') {
        this.db.undoTo(before);
        host.asyncQueue.length = queued;
      }
      mark({
        Status: 'Failed',
        NumberOfErrors: errors,
        ExtendedStatus: (e instanceof ApexError
          ? `${e.exceptionType}: ${e.message}`
          : e instanceof Error
            ? e.message
            : String(e)
        ).slice(0, 255),
        CompletedDate: new ApexDatetime(host.now()),
      });
    };
    if (job.kind === 'queueable') {
      this.runQueueable(job, host, context('System.QueueableContext'), mark, failed);
      return;
    }
    let errors = 0;
    let items = 0;
    try {
      if (job.kind === 'schedulable') {
        interp.invokeObjectMethod(job.job, 'execute', [context('System.SchedulableContext')], pos);
        this.db.patchRaw(job.id, { TimesTriggered: 1 });
      } else {
        const ctx = context('Database.BatchableContext');
        const start = interp.invokeObjectMethod(job.job, 'start', [ctx], pos);
        const records: ApexValue[] =
          start instanceof ApexList
            ? [...start.values]
            : start instanceof ApexObject
              ? [...(start.native as ApexValue[])]
              : [];
        const elementType: TypeRef =
          start instanceof ApexList ? start.elementType : { name: 'SObject', args: [] };
        for (let i = 0; i < records.length; i += job.scope) {
          items++;
          host.limits = host.freshLimits(host.limits.limits, [job.job]);
          try {
            interp.invokeObjectMethod(
              job.job,
              'execute',
              [ctx, new ApexList(elementType, records.slice(i, i + job.scope))],
              pos
            );
          } catch (e) {
            // A failed execute is counted and logged on the job; the batch goes on.
            if (e instanceof ApexError && !e.uncatchable) {
              errors++;
              continue;
            }
            throw e;
          }
        }
        interp.invokeObjectMethod(job.job, 'finish', [ctx], pos);
      }
      mark({
        Status: 'Completed',
        NumberOfErrors: errors,
        JobItemsProcessed: items,
        TotalJobItems: items,
        CompletedDate: new ApexDatetime(host.now()),
      });
    } catch (e) {
      failed(e, errors + 1);
      throw e;
    }
  }

  /**
   * A Queueable job, then the Finalizer it attached (Apex Developer Guide: Transaction
   * Finalizers): a job that ends with an unhandled exception is marked failed with its writes
   * undone (`failed`), and the Finalizer runs either way, with fresh limits, told the result and
   * the exception. Without a Finalizer the exception goes on to the caller (Test.stopTest, the
   * local server); a defect of the runtime always does.
   */
  private runQueueable(
    job: AsyncJob,
    host: OrgHost,
    context: ApexObject,
    mark: (values: Record<string, ApexValue>) => void,
    failed: (e: unknown, errors: number) => void
  ): void {
    const pos = { line: 0, column: 0 };
    host.queueable = { jobId: job.id, finalizer: null };
    let failure: ApexError | null = null;
    try {
      this.interp.invokeObjectMethod(job.job, 'execute', [context], pos);
    } catch (e) {
      if (!(e instanceof ApexError)) {
        host.queueable = null;
        failed(e, 1);
        throw e;
      }
      failure = e;
    }
    const finalizer = host.queueable.finalizer;
    host.queueable = null;
    if (failure) {
      failed(failure, 1);
      if (!finalizer) {
        throw failure;
      }
    } else {
      mark({
        Status: 'Completed',
        NumberOfErrors: 0,
        JobItemsProcessed: 1,
        TotalJobItems: 1,
        CompletedDate: new ApexDatetime(host.now()),
      });
    }
    if (!finalizer) {
      return;
    }
    const state: FinalizerState = {
      jobId: job.id,
      result: failure ? 'UNHANDLED_EXCEPTION' : 'SUCCESS',
      exception: failure ? this.interp.exceptionObject(failure) : null,
      requestId: job.id,
    };
    const finalizerContext = new ApexObject('System.FinalizerContext', null);
    finalizerContext.native = state;
    // The Finalizer is a transaction of its own: fresh limits (the synchronous ones).
    const saved = host.limits;
    const savedJob = host.runningJob;
    host.limits = host.freshLimits(SYNC_LIMITS, [finalizer]);
    // "the Finalizer can include REST callouts": the job's Database.AllowsCallouts does not
    // govern it.
    host.runningJob = null;
    try {
      this.interp.invokeObjectMethod(finalizer, 'execute', [finalizerContext], pos);
    } finally {
      host.limits = saved;
      host.runningJob = savedJob;
    }
  }

  // ---------- SObjects ----------

  private readonly sobjectHosts = new WeakMap<OrgHost, SObjectHost>();

  private sobjectHost(host: OrgHost): SObjectHost {
    let made = this.sobjectHosts.get(host);
    if (!made) {
      made = this.makeSObjectHost(host);
      this.sobjectHosts.set(host, made);
    }
    return made;
  }

  private makeSObjectHost(host: OrgHost): SObjectHost {
    return {
      describeObject: (n) => this.describeObject(n),
      describeField: (o, f) => this.describeField(o, f),
      normaliseId: (id) => this.normaliseId(id),
      sobjectTypeToken: (n) => sobjectTypeToken(n),
      toApexString: (v) => host.toApexString(v),
      newError: (message, fields) =>
        errorObject({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message, fields }),
    };
  }

  private readonly lookup: SObjectHost = {
    describeObject: (n) => this.describeObject(n),
    describeField: (o, f) => this.describeField(o, f),
    normaliseId: (id) => this.normaliseId(id),
    sobjectTypeToken: (n) => sobjectTypeToken(n),
    toApexString: (v) => String(v),
    newError: (message, fields) =>
      errorObject({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message, fields }),
  };

  newSObject(typeName: string): SObjectValue {
    const object = this.describeObject(typeName);
    if (!object) {
      throw new ApexError('System.TypeException', `Invalid type: ${typeName}`);
    }
    return new SObjectValue(object.name);
  }

  setField(record: SObjectValue, name: string, value: ApexValue): void {
    setField(this.lookup, record, name, value);
  }

  getField(record: SObjectValue, name: string): ApexValue {
    return getField(this.lookup, record, name);
  }

  sobjectStatic(
    objectName: string,
    lowerName: string,
    args: ApexValue[],
    host: OrgHost,
    pos: Pos
  ): ApexValue {
    const object = this.describeObject(objectName);
    if (!object?.customSettingType) {
      this.interp.unsupported(`static method ${objectName}.${lowerName}`, pos);
    }
    return customSettingMethod(this, object, lowerName, args, host, pos);
  }

  sobjectMethod(
    record: SObjectValue,
    lowerName: string,
    args: ApexValue[],
    host: OrgHost,
    pos: Pos
  ): ApexValue {
    const result = sobjectMethod(this.sobjectHost(host), record, lowerName, args);
    if (result === undefined) {
      if (lowerName === 'equals') {
        return host.equals(record, args[0] ?? null);
      }
      if (lowerName === 'hashcode') {
        return host.toApexString(record).length;
      }
      this.interp.unsupported(`SObject method ${lowerName}`, pos);
    }
    return result;
  }

  // ---------- SOQL ----------

  /** Lists a query returned: assigning one to a single record takes its only row. */
  private readonly queryLists = new WeakSet<ApexList>();

  private runQuery(
    q: QueryContext | string,
    resolveBind: (ref: unknown) => ApexValue,
    userMode: boolean | null,
    host: OrgHost
  ): ApexValue {
    const frame = this.interp.frame;
    host.limits.countQuery();
    const result = query(this.db, q, {
      resolveBind: resolveBind as (ref: BindRef) => ApexValue,
      access: {
        mode: userMode ? 'user' : 'system',
        userId: host.userId,
        enforceSharing: userMode === true || (frame ? frame.withSharing : false),
      },
      userTimeZone: host.timeZone(),
    });
    host.limits.countRows(result.rowsQueried);
    if (result.kind === 'count') {
      return result.count;
    }
    const list =
      result.kind === 'records'
        ? new ApexList({ name: result.objectName, args: [] }, result.records)
        : new ApexList({ name: 'AggregateResult', args: [] }, result.rows);
    this.queryLists.add(list);
    // A heap check on each query, counting the rows it returns.
    host.checkHeapBudgeted([list]);
    return list;
  }

  inlineQuery(
    expr: Extract<Expr, { k: 'soql' }>,
    binds: Map<unknown, ApexValue>,
    _interp: Interpreter,
    host: OrgHost
  ): ApexValue {
    return this.runQuery(expr.query as QueryContext, (ref) => binds.get(ref) ?? null, null, host);
  }

  queryString(
    soql: string,
    binds: ApexMap | null,
    userMode: boolean | null,
    host: OrgHost
  ): ApexValue {
    if (typeof soql !== 'string') {
      throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
    }
    const pos = { line: this.interp.frame?.line ?? 0, column: 0 };
    const resolve = (ref: unknown): ApexValue => {
      const name = String(ref);
      if (binds) {
        const key = binds
          .keys()
          .find((k) => typeof k === 'string' && k.toLowerCase() === name.toLowerCase());
        if (key === undefined) {
          throw new ApexError(
            'System.QueryException',
            `Key '${name}' does not exist in the bindMap`
          );
        }
        return binds.get(key);
      }
      return this.interp.bindValue(name, pos);
    };
    return this.runQuery(soql, resolve, userMode, host);
  }

  isQueryList(list: ApexList): boolean {
    return this.queryLists.has(list);
  }

  /** `Contact c = [SELECT ...]`: the one row, or the platform's QueryException. */
  singleRow(value: ApexList): ApexValue {
    if (value.values.length === 0) {
      throw new ApexError('System.QueryException', 'List has no rows for assignment to SObject');
    }
    if (value.values.length > 1) {
      throw new ApexError(
        'System.QueryException',
        'List has more than 1 row for assignment to SObject'
      );
    }
    // Exactly one row here.
    return value.values[0] ?? null;
  }

  // ---------- DML ----------

  private triggerHost(host: OrgHost): TriggerHost {
    return {
      fire: (objectName, timing, operation, newRecords, oldRecords) => {
        const event = `${timing} ${operation}`;
        const object = this.describeObject(objectName);
        const matching = this.triggers.filter(
          (t) =>
            t.events.includes(event) && this.describeObject(t.objectName)?.name === object?.name
        );
        if (matching.length === 0) {
          return;
        }
        this.triggerStack.push({ objectName, timing, operation, newRecords, oldRecords });
        const savedUser = host.userId;
        try {
          for (const t of matching) {
            this.interp.runTrigger(t, new Map());
          }
        } finally {
          host.userId = savedUser;
          this.triggerStack.pop();
        }
      },
    };
  }

  dml(op: DmlOperation, records: SObjectValue[], options: DmlCall, host: OrgHost): DmlOutcome[] {
    refuseEventDml(op, records, host);
    const frame = this.interp.frame;
    const dmlOptions: DmlOptions = {
      allOrNone: options.allOrNone,
      access: {
        mode: options.userMode ? 'user' : 'system',
        userId: host.userId,
        enforceSharing: options.userMode || (frame ? frame.withSharing : false),
      },
      triggers: this.triggerHost(host),
    };
    if (options.externalIdField) {
      dmlOptions.externalIdField = options.externalIdField;
    }
    // A record's own DMLOptions (setOptions) win over the call's.
    dmlOptions.allowSave = (record) => {
      const own = record ? recordOptions.get(record) : undefined;
      return own ? headerFlag(own, 'duplicateruleheader', 'allowsave') : options.allowSave === true;
    };
    host.limits.countDml(records.length);
    host.checkHeapBudgeted();
    this.truncateWhereAllowed(records, options);
    switch (op) {
      case 'insert':
        return this.db.insert(records, dmlOptions);
      case 'update':
        return this.db.update(records, dmlOptions);
      case 'upsert':
        return this.db.upsert(records, dmlOptions);
      case 'delete':
        return this.db.delete(records, dmlOptions);
      case 'undelete':
        return this.db.undelete(records, dmlOptions);
    }
  }

  /** allowFieldTruncation (the call's or a record's setOptions): text cut to its field's length. */
  private truncateWhereAllowed(records: SObjectValue[], options: DmlCall): void {
    const TEXT = new Set([
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
    for (const record of records) {
      const own = recordOptions.get(record)?.fields.get('allowfieldtruncation') === true;
      if (!own && !options.allowFieldTruncation) {
        continue;
      }
      for (const field of [...record.fields.values()]) {
        const describe = this.describeField(record.type, field.name);
        if (
          describe &&
          TEXT.has(describe.type) &&
          typeof field.value === 'string' &&
          describe.length > 0 &&
          field.value.length > describe.length
        ) {
          record.set(field.name, field.value.slice(0, describe.length));
        }
      }
    }
  }

  dmlStatement(
    stmt: Extract<Stmt, { k: 'dml' }>,
    value: ApexValue,
    interp: Interpreter,
    host: OrgHost,
    other?: ApexValue
  ): void {
    if (value === null) {
      throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
    }
    if (stmt.op === 'merge') {
      this.mergeRecords(
        value,
        other ?? null,
        { allOrNone: true, userMode: stmt.access === 'user' },
        host
      );
      return;
    }
    const records =
      value instanceof SObjectValue
        ? [value]
        : value instanceof ApexList
          ? (value.values as SObjectValue[])
          : null;
    if (!records) {
      interp.unsupported(`DML on ${interp.runtimeTypeName(value)}`, stmt.pos);
    }
    if (records.length === 0) {
      return;
    }
    this.dml(
      stmt.op,
      records,
      { allOrNone: true, userMode: stmt.access === 'user', externalIdField: stmt.field },
      host
    );
  }

  mergeRecords(
    master: ApexValue,
    duplicates: ApexValue,
    options: DmlCall,
    host: OrgHost
  ): MergeOutcome {
    if (!(master instanceof SObjectValue) || duplicates === null) {
      throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
    }
    const idOf = (v: ApexValue): string | null => {
      if (v instanceof SObjectValue) {
        return (v.get('Id') as string | null) ?? null;
      }
      if (typeof v === 'string') {
        return v;
      }
      throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
    };
    const duplicateIds =
      duplicates instanceof ApexList ? duplicates.values.map(idOf) : [idOf(duplicates)];
    const frame = this.interp.frame;
    // One statement: the master and its duplicates are its rows.
    host.limits.countDml(1 + duplicateIds.length);
    host.checkHeapBudgeted();
    return this.db.merge(master, duplicateIds, {
      allOrNone: options.allOrNone,
      access: {
        mode: options.userMode ? 'user' : 'system',
        userId: host.userId,
        enforceSharing: options.userMode || (frame ? frame.withSharing : false),
      },
      triggers: this.triggerHost(host),
    });
  }

  convertLead(
    requests: Map<string, ApexValue>[],
    options: DmlCall,
    host: OrgHost
  ): LeadConvertOutcome[] {
    const text = (m: Map<string, ApexValue>, key: string): string | null =>
      (m.get(key.toLowerCase()) ?? null) as string | null;
    const flag = (m: Map<string, ApexValue>, key: string): boolean =>
      m.get(key.toLowerCase()) === true;
    const frame = this.interp.frame;
    host.limits.countDml(requests.length);
    host.checkHeapBudgeted();
    const today = todayIn(host.systemContext());
    return convertLeads(
      this.db,
      requests.map((m) => ({
        leadId: text(m, 'leadId'),
        convertedStatus: text(m, 'convertedStatus'),
        accountId: text(m, 'accountId'),
        contactId: text(m, 'contactId'),
        ownerId: text(m, 'ownerId'),
        opportunityName: text(m, 'opportunityName'),
        doNotCreateOpportunity: flag(m, 'doNotCreateOpportunity'),
        overwriteLeadSource: flag(m, 'overwriteLeadSource'),
        sendNotificationEmail: flag(m, 'sendNotificationEmail'),
      })),
      {
        allOrNone: options.allOrNone,
        access: {
          mode: options.userMode ? 'user' : 'system',
          userId: host.userId,
          enforceSharing: options.userMode || (frame ? frame.withSharing : false),
        },
        triggers: this.triggerHost(host),
      },
      today
    );
  }

  setSavepoint(): number {
    return this.db.setSavepoint();
  }

  rollback(savepoint: number): void {
    this.db.rollback(savepoint);
  }

  // ---------- the system library ----------

  libraryStatic(className: string, lowerName: string): LibraryStatic | undefined {
    return libraryStatics(className)?.[lowerName];
  }

  libraryProperty(className: string, lowerName: string): ApexValue | undefined {
    const lower = className.toLowerCase();
    if (lower === 'integer' && lowerName === 'max_value') {
      return 2147483647;
    }
    if (lower === 'integer' && lowerName === 'min_value') {
      return -2147483648;
    }
    if (lower === 'long' && lowerName === 'max_value') {
      return 9223372036854775807n;
    }
    if (lower === 'long' && lowerName === 'min_value') {
      return -9223372036854775808n;
    }
    return undefined;
  }

  libraryConstruct(className: string): LibraryStatic | undefined {
    if (className.toLowerCase() === 'system.url') {
      return (args) => wrapUrl(newUrl(args));
    }
    return undefined;
  }

  libraryInstance(target: ApexObject, lowerName: string): LibraryInstance | undefined {
    const bound = instanceMethod(target, lowerName);
    return bound ? (_self, args, ctx) => bound(args, ctx) : undefined;
  }

  libraryField(): ApexValue | undefined {
    return undefined;
  }

  valueMethod(target: ApexValue, lowerName: string): LibraryInstance | undefined {
    const bound = instanceMethod(target, lowerName);
    return bound ? (_self, args, ctx) => bound(args, ctx) : undefined;
  }

  toApexString(value: ApexValue, ctx: SystemContext): string {
    return apexToString(value, ctx);
  }

  equals(a: ApexValue, b: ApexValue, ctx: SystemContext): boolean {
    return apexEquals(a, b, ctx);
  }

  compare(a: ApexValue, b: ApexValue): number {
    return compare(a, b);
  }

  arithmetic(op: string, a: ApexValue, b: ApexValue, ctx: SystemContext): ApexValue {
    return arithmetic(op, a, b, ctx);
  }

  coerce(value: ApexValue, type: TypeRef): ApexValue {
    if (value instanceof ApexList && this.queryLists.has(value) && !collectionKind(type)) {
      const name = type.name.toLowerCase().replace(/^schema\./, '');
      if (name === 'sobject' || name === 'aggregateresult' || this.describeObject(type.name)) {
        return this.singleRow(value);
      }
    }
    if (value instanceof ApexList && collectionKind(type) === 'list' && type.args[0]) {
      // A list typed SObject (from a query or a generic method) takes the declared element type.
      const from = value.elementType.name.toLowerCase().replace(/^schema\./, '');
      if (from === 'sobject' && this.describeObject(type.args[0].name)) {
        value.elementType = type.args[0];
      }
      return value;
    }
    return coerce(value, type);
  }

  inTrigger(): boolean {
    return this.triggerStack.length > 0;
  }

  heapRoots(): ApexValue[] {
    return this.triggerStack.flatMap((t) => [...(t.newRecords ?? []), ...(t.oldRecords ?? [])]);
  }

  /** The Trigger context of the trigger running now (Apex Reference Guide: Trigger Class). */
  currentTrigger(): TriggerFrame | undefined {
    return this.triggerStack[this.triggerStack.length - 1];
  }
}

function listOf(objectName: string, records: SObjectValue[] | null): ApexValue {
  return records ? new ApexList({ name: objectName, args: [] }, records) : null;
}

function mapOf(objectName: string, records: SObjectValue[] | null): ApexValue {
  if (!records) {
    return null;
  }
  const map = new ApexMap({ name: 'Id', args: [] }, { name: objectName, args: [] });
  for (const r of records) {
    map.put(r.get('Id'), r);
  }
  return map;
}

/** Installs System.Trigger's context variables, read from the services' trigger stack. */
export function defineTriggerContext(services: () => LocalOrgServices | null): void {
  const frame = (): TriggerFrame | undefined => services()?.currentTrigger();
  const operationNames: Record<string, string> = {
    'before insert': 'BEFORE_INSERT',
    'before update': 'BEFORE_UPDATE',
    'before delete': 'BEFORE_DELETE',
    'after insert': 'AFTER_INSERT',
    'after update': 'AFTER_UPDATE',
    'after delete': 'AFTER_DELETE',
    'after undelete': 'AFTER_UNDELETE',
  };
  defineNative({
    name: 'System.Trigger',
    props: {
      new: () => {
        const f = frame();
        return f ? listOf(f.objectName, f.newRecords) : null;
      },
      old: () => {
        const f = frame();
        return f ? listOf(f.objectName, f.oldRecords) : null;
      },
      newmap: () => {
        const f = frame();
        return (f && f.operation !== 'insert') || (f && f.timing === 'after')
          ? mapOf(f.objectName, f.newRecords)
          : null;
      },
      oldmap: () => {
        const f = frame();
        return f ? mapOf(f.objectName, f.oldRecords) : null;
      },
      isexecuting: () => frame() !== undefined,
      isbefore: () => frame()?.timing === 'before',
      isafter: () => frame()?.timing === 'after',
      isinsert: () => frame()?.operation === 'insert',
      isupdate: () => frame()?.operation === 'update',
      isdelete: () => frame()?.operation === 'delete',
      isundelete: () => frame()?.operation === 'undelete',
      size: () => {
        const f = frame();
        return f ? (f.newRecords ?? f.oldRecords ?? []).length : 0;
      },
      operationtype: (c) => {
        const f = frame();
        if (!f) {
          return null;
        }
        const name = operationNames[`${f.timing} ${f.operation}`];
        if (name === undefined) {
          // `before undelete` parses, but the platform refuses it: no TriggerOperation value.
          return c.interp.unsupported(
            `Trigger.operationType in a ${f.timing} ${f.operation} trigger`,
            c.pos
          );
        }
        return c.interp.host.nativeStaticProperty(
          'System.TriggerOperation',
          name,
          c.interp,
          c.pos
        ) as ApexValue;
      },
    },
  });
}
