// The host: what connects the evaluator to the org. It dispatches method calls on values to the
// system library, reads and writes SObject fields through the schema, runs SOQL and DML against
// the database, keeps the running user, the limits, queued jobs and coverage.
import type { Expr, Pos, Stmt } from '../parse/ast';
import { ApexError } from '../interpreter/errors';
import {
  isBeingIterated,
  type Frame,
  type Host,
  type Interpreter,
  type TypeMarker,
} from '../interpreter/interpreter';
import { nativeClass, type CallContext, type NativeClass } from '../interpreter/natives';
import type { RuntimeClass } from '../interpreter/types';
import {
  ApexBlob,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  SObjectValue,
  TypeValue,
  type ApexValue,
  type TypeRef,
} from '../interpreter/values';
import type { SystemContext } from '../system/context';
import type {
  FieldDescribe,
  FieldPermission,
  ObjectDescribe,
  ObjectPermission,
} from '../schema/types';
import {
  fieldsAccessor,
  describeResult,
  fieldsMember,
  sobjectFieldToken,
  sobjectTypeToken,
} from '../library/Schema';
import { idInstanceMethods } from '../library/Id';
import { LimitCounters, SYNC_LIMITS, ASYNC_LIMITS, type LimitValues } from './limits';
import { HeapWalk, newHeapContext } from './heap';
import type { AsyncJob, AsyncKind, OrgState } from './state';
import { stopTestEvents } from './eventBus';
import type { CalloutSetup } from './callouts';
import type { OrgServices } from './services';
import type { CustomLabelInfo } from '../schema/schema';
import type {
  DmlCall,
  DmlOperation,
  DmlOutcome,
  LeadConvertOutcome,
  MergeOutcome,
} from '../library/Database';

/** The collection methods that change it (Apex Developer Guide: Lists, Sets: iteration). */
const MUTATORS = new Set(['add', 'addall', 'remove', 'removeall', 'retainall', 'clear']);

/**
 * When the heap is checked. The platform too checks it only at certain points, so a transaction
 * may briefly run over (practitioners' reports). Every Limits.getHeapSize call and the end of
 * each entry point walk the heap. Each SOQL query, DML statement, every 2,000th statement and
 * the statement after a String or Blob of 100,000 or more is made walk it as long as the
 * transaction's walks have visited at most 200,000 values plus one per statement run: a walk
 * costs in proportion to what is held, a value about a twentieth of a statement, so walks stay
 * within a few percent of the run however large the heap. Past that budget those checks take
 * the last walk's figure plus the rows queried since, and walk when that is over the limit, so
 * a throw always rests on a walk. The budget counts work, not time: a test passes or fails the
 * same on any machine.
 */
const HEAP_CHECK_INTERVAL = 2_000;
const HEAP_WALK_ALLOWANCE = 200_000;
const HEAP_WALK_PER_STATEMENT = 1;
const HEAP_LARGE_VALUE = 100_000;

/** Per-unit coverage: the lines executed. */
export type Coverage = Map<string, Set<number>>;

export class OrgHost implements Host, OrgState {
  readonly state: OrgState = this;
  userId: string;
  readonly orgId: string;
  limits = new LimitCounters(SYNC_LIMITS);
  inTest = false;
  testStarted = false;
  testStopped = false;
  asyncQueue: AsyncJob[] = [];
  queueable: { jobId: string; finalizer: ApexObject | null } | null = null;
  restRequest: ApexObject | null = null;
  restResponse: ApexObject | null = null;
  /** The HttpCalloutMock a test set (Test.setMock), for the rest of the test method. */
  calloutMock: ApexObject | null = null;
  /** The project's named credentials and the hook that answers callouts outside tests. */
  calloutSetup: CalloutSetup = { namedCredentials: new Map(), handler: null };
  /** The async job running now (runQueuedJobs), for the callout rules. */
  runningJob: AsyncJob | null = null;
  debugLog: string[] = [];
  coverage: Coverage = new Map();
  statements = 0;
  private nextHeapCheck = HEAP_CHECK_INTERVAL;
  /** Values the heap walks of this transaction have visited. */
  private heapWork = 0;
  private readonly enumConstants = new Map<string, ApexObject>();
  private clock: number;

  constructor(
    readonly services: OrgServices,
    readonly interp: Interpreter,
    options: { userId: string; orgId: string; now?: number }
  ) {
    this.userId = options.userId;
    this.orgId = options.orgId;
    this.clock = options.now ?? Date.now();
    interp.host = this;
  }

  // ---------- OrgState ----------

  now(): number {
    // The clock moves on with real time so that records created later are later.
    return Math.max(this.clock, Date.now());
  }

  user(): SObjectValue {
    return this.services.userRecord(this.userId);
  }

  timeZone(): string {
    return (this.user().get('TimeZoneSidKey') as string | null) ?? 'America/Los_Angeles';
  }

  locale(): string {
    return (this.user().get('LocaleSidKey') as string | null) ?? 'en_US';
  }

  private cachedContext: { userId: string; ctx: SystemContext } | null = null;

  /** The library's view of the transaction, for the running user (made once per user). */
  systemContext(): SystemContext {
    if (this.cachedContext?.userId !== this.userId) {
      this.cachedContext = { userId: this.userId, ctx: this.buildSystemContext() };
    }
    return this.cachedContext.ctx;
  }

  private buildSystemContext(): SystemContext {
    return {
      timeZone: this.timeZone(),
      locale: this.locale(),
      now: () => this.now(),
      orgDomainUrl: this.orgDomainUrl(),
      objectToString: (obj) => {
        const rc = userClassOf(obj);
        const enumNative = obj.native as { enumName?: string } | undefined;
        if (
          enumNative &&
          typeof enumNative === 'object' &&
          typeof enumNative.enumName === 'string'
        ) {
          return enumNative.enumName;
        }
        if (!rc) {
          // System classes that print as something: tokens as their names, exceptions ...
          for (
            let c = nativeClass(obj.className);
            c;
            c = c.parent ? nativeClass(c.parent) : undefined
          ) {
            const toString = c.methods?.tostring;
            if (toString) {
              return toString(obj, [], {
                interp: this.interp,
                pos: { line: 0, column: 0 },
              }) as string;
            }
          }
          return undefined;
        }
        const found = this.interp.findMethod(rc, 'tostring', 0, false);
        return found
          ? (this.interp.callMethod(found.rc, found.method, obj, [], found.method.pos) as string)
          : undefined;
      },
      objectFields: (obj) => this.interp.instanceFields(obj),
      invoke: (obj, method, args) =>
        this.interp.invokeObjectMethod(obj, method, args, {
          line: this.interp.frame?.line ?? 0,
          column: 0,
        }),
      objectEquals: (a, b) => {
        const rc = userClassOf(a);
        const found = rc ? this.interp.findMethod(rc, 'equals', 1, false) : null;
        return found
          ? (this.interp.callMethod(found.rc, found.method, a, [b], found.method.pos) as boolean)
          : undefined;
      },
      objectCompare: (a, b) => {
        const rc = userClassOf(a);
        const found = rc ? this.interp.findMethod(rc, 'compareto', 1, false) : null;
        return found
          ? (this.interp.callMethod(found.rc, found.method, a, [b], found.method.pos) as number)
          : undefined;
      },
    };
  }

  enqueue(
    kind: AsyncKind,
    job: ApexObject,
    scope: number,
    extra: { name?: string; cron?: string } = {}
  ): string {
    const id = this.newId(kind === 'schedulable' ? 'CronTrigger' : 'AsyncApexJob');
    // Queued work is uncommitted work: no callout after it in this context.
    this.limits.pendingAsync = true;
    this.asyncQueue.push({ id, kind, job, scope, ...extra });
    this.services.recordAsyncJob(
      id,
      kind,
      job.className,
      extra.name ?? null,
      extra.cron ?? null,
      this.userId
    );
    return id;
  }

  startTest(): void {
    this.testStarted = true;
    // The test's own frames stay live in the new context; what they held already is the old one's.
    this.limits = this.freshLimits(SYNC_LIMITS, [], this.limits.heap.base);
  }

  /**
   * A new set of limits (Test.startTest, each async job, batch chunk and Finalizer). The heap
   * it is charged for starts at stack depth `base` and leaves out what is reachable now, except
   * `owned`: the job about to run, whose state the platform hands to the job's own transaction.
   */
  freshLimits(
    values: LimitValues,
    owned: ApexValue[] = [],
    base = this.interp.stack.length
  ): LimitCounters {
    // Everything reachable now is marked as seen by the context that is ending.
    const before = new HeapWalk(this.limits.heap.context);
    this.walkHeapRoots(before, 0);
    return new LimitCounters(values, {
      base,
      context: newHeapContext(before.longStrings),
      owned,
    });
  }

  // ---------- the heap (heap.ts) ----------

  /** The heap estimate now: what the roots of the current limits context reach, and `extra`. */
  heapSize(extra: ApexValue[] = []): number {
    const heap = this.limits.heap;
    const walk = new HeapWalk(heap.context);
    walk.addAll(heap.owned, true);
    this.walkHeapRoots(walk, heap.base);
    walk.addAll(extra);
    this.heapWork += walk.visited;
    this.limits.heapEstimate = walk.bytes;
    return walk.bytes;
  }

  /** Walks the heap and throws the platform's LimitException when it is over the limit. */
  checkHeap(extra: ApexValue[] = []): number {
    this.nextHeapCheck = this.statements + HEAP_CHECK_INTERVAL;
    const bytes = this.heapSize(extra);
    this.limits.countHeap(bytes);
    return bytes;
  }

  /** The check of a SOQL query (`rows`: what it returned), a DML statement, or the period. */
  checkHeapBudgeted(rows: ApexValue[] = []): void {
    const known = this.limits.heapEstimate;
    if (
      known === null ||
      this.heapWork <= HEAP_WALK_ALLOWANCE + this.statements * HEAP_WALK_PER_STATEMENT
    ) {
      this.checkHeap(rows);
      return;
    }
    this.nextHeapCheck = this.statements + HEAP_CHECK_INTERVAL;
    const fresh = new HeapWalk(this.limits.heap.context);
    fresh.addAll(rows);
    this.limits.heapEstimate = known + fresh.bytes;
    if (this.limits.heapEstimate > this.limits.limits.heapSize) {
      this.checkHeap(rows);
    }
  }

  /**
   * The roots: static fields of every class, each frame from `base` up (its variables and
   * parameters, `this`, a value being returned, a collection a loop is walking), the trigger
   * context's records, RestContext, queued jobs and an attached Finalizer.
   */
  private walkHeapRoots(walk: HeapWalk, base: number): void {
    for (const values of this.interp.statics.values()) {
      walk.addAll(values.values());
    }
    const stack = this.interp.stack;
    for (let i = base; i < stack.length; i++) {
      const frame = stack[i] as Frame;
      walk.add(frame.thisObj);
      walk.add(frame.returnValue);
      if (frame.held) {
        walk.addAll(frame.held);
      }
      for (let scope = frame.scope; scope; scope = scope.parent) {
        for (const variable of scope.vars.values()) {
          walk.add(variable.value);
        }
      }
    }
    walk.add(this.restRequest);
    walk.add(this.restResponse);
    walk.addAll(this.services.heapRoots());
    for (const job of this.asyncQueue) {
      walk.add(job.job);
    }
    walk.add(this.queueable?.finalizer ?? null);
    walk.add(this.calloutMock);
  }

  /**
   * A value the system library or an operator has just made. A large String or Blob brings the
   * heap check forward to the next statement (by then it is stored, or dropped): a few such
   * values pass the limit between two periodic checks.
   */
  private made(value: ApexValue): ApexValue {
    if (
      (typeof value === 'string' && value.length >= HEAP_LARGE_VALUE) ||
      (value instanceof ApexBlob && value.bytes.length >= HEAP_LARGE_VALUE)
    ) {
      this.nextHeapCheck = this.statements + 1;
    }
    return value;
  }

  returning(depth: number): void {
    // The entry point of the context (test method, request, anonymous block, job) is ending:
    // the transaction's last moment holding what it built.
    if (depth === this.limits.heap.base + 1) {
      this.checkHeap();
    }
  }

  stopTest(): void {
    if (!this.testStarted) {
      throw new ApexError('System.FinalException', 'Testing has not started');
    }
    this.testStopped = true;
    this.runQueuedJobs();
    // The work queued since startTest has run ("mock callouts can be performed after the
    // asynchronous calls", Performing DML Operations and Mock Callouts).
    this.limits.pendingAsync = false;
    // "The Test.stopTest() statement causes the event publishing to be carried out".
    stopTestEvents(this);
  }

  /** Runs queued async work as the platform does at Test.stopTest: each job with fresh limits. */
  runQueuedJobs(): void {
    let guard = 0;
    while (this.asyncQueue.length) {
      const job = this.asyncQueue.shift() as AsyncJob;
      if (++guard > 100) {
        break;
      }
      const saved = this.limits;
      const savedJob = this.runningJob;
      this.limits = this.freshLimits(ASYNC_LIMITS, [job.job]);
      this.runningJob = job;
      try {
        this.services.runAsyncJob(job, this);
      } finally {
        this.limits = saved;
        this.runningJob = savedJob;
      }
    }
  }

  setCreatedDate(id: string, value: ApexValue): void {
    this.services.setCreatedDate(id, value);
  }

  hasCustomPermission(name: string): boolean {
    return this.services.hasCustomPermission(this.userId, name);
  }

  customLabel(namespace: string | null, name: string): CustomLabelInfo | undefined {
    return this.services.customLabel(namespace, name);
  }

  newId(objectName: string): string {
    return this.services.newId(objectName);
  }

  orgDomainUrl(): string {
    return 'https://kondo-local.my.salesforce.com';
  }

  describeObject(name: string): ObjectDescribe | undefined {
    return this.services.describeObject(name);
  }

  describeField(objectName: string, fieldName: string): FieldDescribe | undefined {
    return this.services.describeField(objectName, fieldName);
  }

  allObjects(): ObjectDescribe[] {
    return this.services.allObjects();
  }

  objectAccess(objectName: string): ObjectPermission {
    return this.services.objectAccess(this.userId, objectName);
  }

  fieldAccess(objectName: string, fieldName: string): FieldPermission {
    return this.services.fieldAccess(this.userId, objectName, fieldName);
  }

  recordTypeAvailable(objectName: string, developerName: string): boolean {
    return this.services.recordTypeAvailable(this.userId, objectName, developerName);
  }

  dmlRecords(op: DmlOperation, records: SObjectValue[], options: DmlCall): DmlOutcome[] {
    return this.services.dml(op, records, options, this);
  }

  queryString(soql: string, binds: ApexMap | null, userMode: boolean | null): ApexValue {
    return this.services.queryString(soql, binds, userMode, this);
  }

  convertLead(requests: Map<string, ApexValue>[], options: DmlCall): LeadConvertOutcome[] {
    return this.services.convertLead(requests, options, this);
  }

  mergeRecords(master: ApexValue, duplicates: ApexValue, options: DmlCall): MergeOutcome {
    return this.services.mergeRecords(master, duplicates, options, this);
  }

  setSavepoint(): number {
    return this.services.setSavepoint();
  }

  rollback(savepoint: number): void {
    this.services.rollback(savepoint);
  }

  // ---------- Host: types ----------

  resolveNativeType(name: string): string | null {
    return nativeClass(name)?.name ?? null;
  }

  isSObjectType(name: string): string | null {
    const bare = name.replace(/^schema\./i, '');
    if (bare.includes('.')) {
      return null;
    }
    if (bare.toLowerCase() === 'aggregateresult') {
      return 'AggregateResult';
    }
    return this.services.describeObject(bare)?.name ?? null;
  }

  instanceOfNative(value: ApexValue, typeName: string): boolean {
    const wanted = nativeClass(typeName);
    if (!wanted || !(value instanceof ApexObject)) {
      if (value instanceof TypeValue) {
        return typeName.toLowerCase().replace(/^system\./, '') === 'type';
      }
      return false;
    }
    let cur: NativeClass | undefined = nativeClass(value.className);
    if (!cur) {
      const rc = userClassOf(value);
      const base = rc ? this.interp.exceptionBase(rc) : null;
      cur = base ? nativeClass(base) : undefined;
      if (rc) {
        // A user class "is" the system interfaces it implements.
        if (
          this.interp.implementsNative(rc, wanted.name) ||
          this.interp.implementsNative(rc, typeName)
        ) {
          return true;
        }
      }
    }
    while (cur) {
      if (cur === wanted) {
        return true;
      }
      cur = cur.parent ? nativeClass(cur.parent) : undefined;
    }
    return false;
  }

  nativeExceptionSuper(name: string): string | null {
    return nativeClass(name)?.parent ?? null;
  }

  // ---------- Host: dispatch ----------

  private ctx(interp: Interpreter, pos: Pos): CallContext {
    return { interp, pos };
  }

  nativeStatic(
    className: string,
    method: string,
    args: ApexValue[],
    interp: Interpreter,
    pos: Pos
  ): ApexValue {
    const lower = method.toLowerCase();
    if (className.startsWith('$sobject:')) {
      return this.services.sobjectStatic(className.slice(9), lower, args, this, pos);
    }
    const library = this.services.libraryStatic(className, lower);
    if (library) {
      return this.made(library(args, this.systemContext()));
    }
    const cls = nativeClass(className);
    const fn = cls?.statics?.[lower];
    if (fn) {
      return this.made(fn(args, this.ctx(interp, pos)));
    }
    if (cls?.enumValues && lower === 'values') {
      return new ApexList(
        { name: cls.name, args: [] },
        cls.enumValues.map((v) => this.enumConstant(cls, v))
      );
    }
    interp.unsupported(`${className}.${method}`, pos);
  }

  nativeStaticProperty(
    className: string,
    name: string,
    interp: Interpreter,
    pos: Pos
  ): ApexValue | TypeMarker | undefined {
    const lower = name.toLowerCase();
    if (className.startsWith('$sobject:')) {
      const objectName = className.slice(9);
      if (lower === 'sobjecttype') {
        return sobjectTypeToken(objectName);
      }
      const field = this.services.describeField(objectName, name);
      if (field) {
        return sobjectFieldToken(objectName, field.name);
      }
      return undefined;
    }
    if (className.toLowerCase() === 'schema.sobjecttype') {
      const object = this.services.describeObject(name);
      if (object) {
        return describeResult(object.name);
      }
    }
    const libraryValue = this.services.libraryProperty(className, lower);
    if (libraryValue !== undefined) {
      return libraryValue;
    }
    const cls = nativeClass(className);
    if (cls?.props?.[lower]) {
      return cls.props[lower](this.ctx(interp, pos));
    }
    const dynamic = cls?.dynamicProp?.(name, this.ctx(interp, pos));
    if (dynamic !== undefined) {
      return dynamic;
    }
    if (cls?.enumValues) {
      const constant = cls.enumValues.find((v) => v.toLowerCase() === lower);
      if (constant) {
        return this.enumConstant(cls, constant);
      }
    }
    return undefined;
  }

  enumConstant(cls: NativeClass, name: string): ApexObject {
    const key = `${cls.name}.${name}`.toLowerCase();
    let constant = this.enumConstants.get(key);
    if (!constant) {
      constant = new ApexObject(cls.name, null);
      constant.native = { enumName: name, ordinal: (cls.enumValues ?? []).indexOf(name) };
      this.enumConstants.set(key, constant);
    }
    return constant;
  }

  setNativeStaticProperty(
    className: string,
    name: string,
    value: ApexValue,
    interp: Interpreter,
    pos: Pos
  ): void {
    const setter = nativeClass(className)?.setProps?.[name.toLowerCase()];
    if (!setter) {
      interp.unsupported(`assignment to ${className}.${name}`, pos);
    }
    setter(value, this.ctx(interp, pos));
  }

  nativeConstruct(className: string, args: ApexValue[], interp: Interpreter, pos: Pos): ApexValue {
    const library = this.services.libraryConstruct(className);
    if (library) {
      return library(args, this.systemContext());
    }
    const cls = nativeClass(className);
    if (cls?.construct) {
      return cls.construct(args, this.ctx(interp, pos));
    }
    interp.unsupported(`new ${className}`, pos);
  }

  invokeValueMethod(
    target: ApexValue,
    method: string,
    args: ApexValue[],
    interp: Interpreter,
    pos: Pos
  ): ApexValue {
    const lower = method.toLowerCase();
    if (target === null) {
      throw new ApexError('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    if (target instanceof SObjectValue) {
      return this.services.sobjectMethod(target, lower, args, this, pos);
    }
    if (target instanceof ApexObject) {
      const enumNative = target.native as { enumName?: string } | undefined;
      if (
        enumNative &&
        typeof enumNative === 'object' &&
        'enumName' in enumNative &&
        !userClassOf(target)
      ) {
        if (lower === 'name' || lower === 'tostring') {
          return enumNative.enumName as string;
        }
        if (lower === 'ordinal') {
          return (target.native as { ordinal: number }).ordinal;
        }
        if (lower === 'equals') {
          return args[0] === target;
        }
        if (lower === 'hashcode') {
          return (target.native as { ordinal: number }).ordinal;
        }
      }
      if (lower === 'fields' && target.className === 'Schema.DescribeSObjectResult') {
        return fieldsAccessor((target.native as { objectName: string }).objectName);
      }
      // User objects that did not define the method, system classes and exceptions.
      let cls: NativeClass | undefined = nativeClass(target.className);
      const rc = userClassOf(target);
      if (rc) {
        const base = interp.exceptionBase(rc);
        cls = base ? nativeClass(base) : undefined;
      }
      const library = this.services.libraryInstance(target, lower);
      if (library) {
        return this.made(library(target, args, this.systemContext()));
      }
      for (let c = cls; c; c = c.parent ? nativeClass(c.parent) : undefined) {
        const fn = c.methods?.[lower];
        if (fn) {
          return fn(target, args, this.ctx(interp, pos));
        }
      }
      if (lower === '$set') {
        // The interpreter passes `$set` a name and a value.
        target.fields.set((args[0] as string).toLowerCase(), args[1] ?? null);
        return null;
      }
      if (rc && !cls) {
        return this.objectMethod(target, lower, args, interp, pos);
      }
      interp.unsupported(`method ${target.className}.${method}`, pos);
    }
    if (typeof target === 'string' && idInstanceMethods[lower]) {
      return idInstanceMethods[lower](target, args, this.ctx(interp, pos));
    }
    if (
      target instanceof ApexList &&
      this.services.isQueryList(target) &&
      lower !== 'size' &&
      !this.services.valueMethod(target, lower)
    ) {
      return this.invokeValueMethod(this.services.singleRow(target), method, args, interp, pos);
    }
    if (
      (target instanceof ApexList || target instanceof ApexSet) &&
      MUTATORS.has(lower) &&
      isBeingIterated(target)
    ) {
      throw new ApexError(
        'System.FinalException',
        'Cannot modify a collection while it is being iterated.'
      );
    }
    const library = this.services.valueMethod(target, lower);
    if (library) {
      return this.made(library(target, args, this.systemContext()));
    }
    if (target instanceof TypeValue) {
      const fn = nativeClass('System.Type')?.methods?.[lower];
      if (fn) {
        return fn(target as unknown as ApexObject, args, this.ctx(interp, pos));
      }
    }
    if (lower === 'equals' && args.length === 1) {
      return this.equals(target, args[0] ?? null, interp);
    }
    interp.unsupported(`method ${interp.runtimeTypeName(target)}.${method}`, pos);
  }

  /** The methods every object has when its class does not define them. */
  private objectMethod(
    target: ApexObject,
    lower: string,
    args: ApexValue[],
    interp: Interpreter,
    pos: Pos
  ): ApexValue {
    switch (lower) {
      case 'equals':
        return this.equals(target, args[0] ?? null, interp);
      case 'hashcode':
        return identityHash(target);
      case 'tostring':
        return this.toApexString(target, interp);
    }
    interp.unsupported(`method ${target.className}.${lower}`, pos);
  }

  getValueProperty(target: ApexValue, name: string, interp: Interpreter, pos: Pos): ApexValue {
    const lower = name.toLowerCase();
    // `[SELECT Id FROM Contact LIMIT 1].Id`: a field of a query's only row.
    if (target instanceof ApexList && this.services.isQueryList(target)) {
      const row = this.services.singleRow(target);
      return row instanceof SObjectValue
        ? this.getSObjectField(row, name)
        : interp.valueMember(row, name, pos);
    }
    if (target instanceof ApexObject) {
      if (target.className === 'Schema.DescribeSObjectResult' && lower === 'fields') {
        return fieldsAccessor((target.native as { objectName: string }).objectName);
      }
      if (target.className === 'Schema.SObjectTypeFields') {
        return fieldsMember(target, name, this.ctx(interp, pos));
      }
      const field = nativeClass(target.className)?.fields?.[lower];
      if (field) {
        return field(target, this.ctx(interp, pos));
      }
      if (target.fields.has(lower)) {
        return target.fields.get(lower) ?? null;
      }
      const library = this.services.libraryField(target, lower);
      if (library !== undefined) {
        return library;
      }
    }
    interp.unsupported(`property ${interp.runtimeTypeName(target)}.${name}`, pos);
  }

  // ---------- Host: SObjects ----------

  newSObject(typeName: string): SObjectValue {
    return this.services.newSObject(typeName);
  }

  setSObjectField(record: SObjectValue, name: string, value: ApexValue, interp: Interpreter): void {
    this.services.setField(record, name, value, this, interp);
  }

  getSObjectField(record: SObjectValue, name: string): ApexValue {
    return this.services.getField(record, name);
  }

  soql(
    expr: Extract<Expr, { k: 'soql' }>,
    binds: Map<unknown, ApexValue>,
    interp: Interpreter
  ): ApexValue {
    return this.services.inlineQuery(expr, binds, interp, this);
  }

  dml(
    stmt: Extract<Stmt, { k: 'dml' }>,
    value: ApexValue,
    interp: Interpreter,
    other?: ApexValue
  ): void {
    this.services.dmlStatement(stmt, value, interp, this, other);
  }

  runAs(user: ApexValue, body: () => void): void {
    if (!(user instanceof SObjectValue) || typeof user.get('Id') !== 'string') {
      throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
    }
    if (!this.inTest) {
      throw new ApexError(
        'System.UnexpectedException',
        'System.runAs can only be used in test methods'
      );
    }
    const previous = this.userId;
    this.userId = this.services.normaliseId(user.get('Id') as string);
    try {
      body();
    } finally {
      this.userId = previous;
    }
  }

  // ---------- Host: operators ----------

  toApexString(value: ApexValue, _interp?: Interpreter): string {
    return this.services.toApexString(value, this.systemContext());
  }

  equals(a: ApexValue, b: ApexValue, _interp?: Interpreter): boolean {
    return this.services.equals(a, b, this.systemContext());
  }

  compare(a: ApexValue, b: ApexValue, _interp?: Interpreter, _pos?: Pos): number {
    return this.services.compare(a, b, this.systemContext());
  }

  arithmetic(op: string, a: ApexValue, b: ApexValue, interp: Interpreter, pos: Pos): ApexValue {
    return this.made(this.services.arithmetic(op, a, b, this.systemContext(), interp, pos));
  }

  coerce(value: ApexValue, type: TypeRef, interp: Interpreter, pos: Pos): ApexValue {
    return this.services.coerce(value, type, this, interp, pos);
  }

  tick(unit: string, line: number): void {
    if (++this.statements >= this.nextHeapCheck) {
      this.checkHeapBudgeted();
    }
    let lines = this.coverage.get(unit);
    if (!lines) {
      lines = new Set();
      this.coverage.set(unit, lines);
    }
    lines.add(line);
  }
}

export function userClassOf(obj: ApexObject): RuntimeClass | null {
  return obj.cls && typeof obj.cls === 'object' && 'decl' in (obj.cls as object)
    ? (obj.cls as RuntimeClass)
    : null;
}

const hashes = new WeakMap<object, number>();
let nextHash = 1;
function identityHash(obj: object): number {
  let h = hashes.get(obj);
  if (!h) {
    h = (nextHash++ * 2654435761) | 0;
    hashes.set(obj, h);
  }
  return h;
}
