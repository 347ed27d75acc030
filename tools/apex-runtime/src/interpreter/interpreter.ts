// The evaluator: walks the lowered syntax tree of the project's classes and triggers. It owns
// the language (scopes, classes, calls, exceptions, control flow); the database, SOQL and the
// system library are reached through the host (host.ts) so that each lives in its own module.
import {
  annotationOf,
  type ClassDecl,
  type Expr,
  type MemberDecl,
  type MethodDecl,
  type Pos,
  type Stmt,
  type TriggerDecl,
} from '../parse/ast';
import { ApexError, UnsupportedError, type SourcePosition } from './errors';
import { hydrateSoql } from '../parse/lower';
import { OBJECT_TYPE, collectionKind, primitiveName, type RuntimeClass } from './types';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  ApexBlob,
  SObjectValue,
  TypeValue,
  runtimeTypeName,
  type ApexValue,
  type TypeRef,
} from './values';

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;
type Completion = typeof NORMAL | typeof BREAK | typeof CONTINUE | typeof RETURN;

export interface Variable {
  type: TypeRef;
  value: ApexValue;
}

export class Scope {
  readonly vars = new Map<string, Variable>();

  constructor(readonly parent: Scope | null) {}

  lookup(name: string): Variable | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let scope: Scope | null = this;
    while (scope) {
      const v = scope.vars.get(name);
      if (v) {
        return v;
      }
      scope = scope.parent;
    }
    return undefined;
  }
}

export interface Frame {
  cls: RuntimeClass | null;
  thisObj: ApexObject | null;
  /** For stack traces: `Class.MessageSyncService.plan` or `Trigger.ContactTrigger`. */
  label: string;
  unit: string;
  line: number;
  column: number;
  returnValue: ApexValue;
  /** Whether record sharing applies to system-mode queries and DML here. */
  withSharing: boolean;
  /** The scope of the statement running in this frame: its variables are heap roots. */
  scope: Scope | null;
  /** Values the evaluator holds for the frame beyond its variables (collections being looped). */
  held: ApexValue[] | null;
}

/** Something a name or dotted path resolved to that is not a value. */
export type TypeMarker =
  | { tm: 'class'; cls: RuntimeClass }
  | { tm: 'sobject'; name: string }
  | { tm: 'native'; name: string }
  | { tm: 'namespace'; name: string }
  | { tm: 'primitive'; name: string; type: TypeRef };

export function isMarker(v: unknown): v is TypeMarker {
  return typeof v === 'object' && v !== null && 'tm' in v;
}

/** What the evaluator needs from the rest of the runtime. Implemented in host.ts. */
export interface Host {
  resolveNativeType(name: string): string | null;
  isSObjectType(name: string): string | null;
  nativeStatic(
    className: string,
    method: string,
    args: ApexValue[],
    interp: Interpreter,
    pos: Pos
  ): ApexValue;
  nativeStaticProperty(
    className: string,
    name: string,
    interp: Interpreter,
    pos: Pos
  ): ApexValue | TypeMarker | undefined;
  nativeConstruct(className: string, args: ApexValue[], interp: Interpreter, pos: Pos): ApexValue;
  setNativeStaticProperty(
    className: string,
    name: string,
    value: ApexValue,
    interp: Interpreter,
    pos: Pos
  ): void;
  invokeValueMethod(
    target: ApexValue,
    method: string,
    args: ApexValue[],
    interp: Interpreter,
    pos: Pos
  ): ApexValue;
  getValueProperty(target: ApexValue, name: string, interp: Interpreter, pos: Pos): ApexValue;
  setSObjectField(record: SObjectValue, name: string, value: ApexValue, interp: Interpreter): void;
  getSObjectField(record: SObjectValue, name: string, interp: Interpreter): ApexValue;
  newSObject(typeName: string, interp: Interpreter): SObjectValue;
  soql(
    expr: Extract<Expr, { k: 'soql' }>,
    binds: Map<unknown, ApexValue>,
    interp: Interpreter
  ): ApexValue;
  /** other: merge's second operand (the duplicates), evaluated after the first. */
  dml(
    stmt: Extract<Stmt, { k: 'dml' }>,
    value: ApexValue,
    interp: Interpreter,
    other?: ApexValue
  ): void;
  runAs(user: ApexValue, body: () => void, interp: Interpreter): void;
  toApexString(value: ApexValue, interp: Interpreter): string;
  equals(a: ApexValue, b: ApexValue, interp: Interpreter): boolean;
  compare(a: ApexValue, b: ApexValue, interp: Interpreter, pos: Pos): number;
  arithmetic(op: string, a: ApexValue, b: ApexValue, interp: Interpreter, pos: Pos): ApexValue;
  coerce(value: ApexValue, type: TypeRef, interp: Interpreter, pos: Pos): ApexValue;
  instanceOfNative(value: ApexValue, typeName: string, interp: Interpreter): boolean;
  nativeExceptionSuper(name: string): string | null;
  /** Counts a statement for coverage and the periodic heap check. */
  tick(unit: string, line: number): void;
  /** A method's body finished normally with its frame at stack depth `depth` (heap check). */
  returning(depth: number): void;
}

export class Interpreter {
  readonly classes = new Map<string, RuntimeClass>();
  readonly triggers: TriggerDecl[] = [];
  statics = new Map<RuntimeClass, Map<string, ApexValue>>();
  staticsInitialised = new Set<RuntimeClass>();
  readonly stack: Frame[] = [];
  host!: Host;
  /** The argument expressions of the call being resolved, for overloads taking null. */
  private argHint: { exprs: Expr[]; scope: Scope } | null = null;
  /** The scope of the latest static call into the system library, for dynamic SOQL binds. */
  currentScope: Scope | null = null;
  private readonly enumValues = new Map<string, ApexObject[]>();

  constructor(classes: ClassDecl[], triggers: TriggerDecl[]) {
    for (const decl of classes) {
      this.register(decl, null);
    }
    for (const rc of this.classes.values()) {
      this.link(rc);
    }
    this.triggers.push(...triggers);
  }

  private register(decl: ClassDecl, outer: RuntimeClass | null): RuntimeClass {
    const rc: RuntimeClass = {
      decl,
      key: decl.fullName.toLowerCase(),
      superclass: null,
      nativeSuper: null,
      interfaces: [],
      nativeInterfaces: new Set(),
      inner: new Map(),
      outer,
      isTest: annotationOf(decl.modifiers, 'istest') !== undefined,
    };
    this.classes.set(rc.key, rc);
    for (const inner of decl.inner) {
      rc.inner.set(inner.name.toLowerCase(), this.register(inner, rc));
    }
    return rc;
  }

  private link(rc: RuntimeClass): void {
    const ext = rc.decl.extendsType;
    if (ext) {
      const target = this.findClass(ext.name, rc);
      if (target) {
        rc.superclass = target;
      } else {
        rc.nativeSuper = ext.name;
      }
    }
    for (const i of rc.decl.implementsTypes) {
      const target = this.findClass(i.name, rc);
      if (target) {
        rc.interfaces.push(target);
      } else {
        rc.nativeInterfaces.add(i.name.toLowerCase().replace(/^system\./, ''));
      }
    }
  }

  /** A user class by (possibly qualified) name, seen from `from`. */
  private readonly classLookups = new Map<string, RuntimeClass | null>();

  findClass(name: string, from: RuntimeClass | null): RuntimeClass | null {
    // Class names never change while the runtime runs: each lookup is made once.
    const cacheKey = `${from ? from.key : ''}|${name}`;
    const cached = this.classLookups.get(cacheKey);
    if (cached !== undefined) {
      return cached;
    }
    const found = this.lookupClass(name, from);
    this.classLookups.set(cacheKey, found);
    return found;
  }

  private lookupClass(name: string, from: RuntimeClass | null): RuntimeClass | null {
    const lower = name.toLowerCase();
    const parts = lower.split('.');
    // split always yields at least one part.
    const head = parts[0]!;
    // Inner classes of the current class and its outer classes and superclasses first.
    for (let c = from; c; c = c.outer) {
      for (let s: RuntimeClass | null = c; s; s = s.superclass) {
        const hit = s.inner.get(head);
        if (hit) {
          return this.walkInner(hit, parts.slice(1));
        }
        if (s.key === parts[0] || s.decl.name.toLowerCase() === parts[0]) {
          if (parts.length === 1) {
            return s;
          }
        }
      }
    }
    const top = this.classes.get(head);
    if (top && !top.outer) {
      return this.walkInner(top, parts.slice(1));
    }
    return null;
  }

  /** A type written inside `from`, with its user class names made full (`MappingRow` -> `SetupModel.MappingRow`). */
  qualifyType(type: TypeRef, from: RuntimeClass | null): TypeRef {
    const cls =
      primitiveName(type) || collectionKind(type) ? null : this.findClass(type.name, from);
    return {
      ...type,
      name: cls ? cls.decl.fullName : type.name,
      args: type.args.map((a) => this.qualifyType(a, from)),
    };
  }

  private walkInner(rc: RuntimeClass, rest: string[]): RuntimeClass | null {
    let cur: RuntimeClass | null = rc;
    for (const p of rest) {
      cur = cur.inner.get(p) ?? null;
      if (!cur) {
        return null;
      }
    }
    return cur;
  }

  /** The innermost call's frame; undefined outside any call (the host's DML for a data import). */
  get frame(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The frame of the code being run: statements and expressions only run inside a call. */
  private get running(): Frame {
    const frame = this.frame;
    if (!frame) {
      throw new Error('Apex code evaluated outside any call frame');
    }
    return frame;
  }

  position(pos: Pos): SourcePosition {
    const f = this.frame;
    return { unit: f ? f.unit : 'unknown', line: pos.line, column: pos.column };
  }

  unsupported(feature: string, pos: Pos): never {
    throw new UnsupportedError(feature, this.position(pos));
  }

  /** Throws a catchable Apex exception of a system type at `pos`. */
  throwApex(type: string, message: string): never {
    throw new ApexError(type, message);
  }

  stackTrace(): string[] {
    return [...this.stack].reverse().map((f) => `${f.label}: line ${f.line}, column ${f.column}`);
  }

  // ---------- static state ----------

  staticsOf(rc: RuntimeClass): Map<string, ApexValue> {
    let values = this.statics.get(rc);
    if (!values) {
      values = new Map();
      this.statics.set(rc, values);
      this.initialiseStatics(rc, values);
    }
    return values;
  }

  private initialiseStatics(rc: RuntimeClass, values: Map<string, ApexValue>): void {
    if (rc.superclass) {
      this.staticsOf(rc.superclass);
    }
    const frame = this.pushFrame(rc, null, `Class.${rc.decl.fullName}.<clinit>`, rc.decl.pos);
    try {
      for (const m of rc.decl.members) {
        if (m.isStatic) {
          values.set(m.name.toLowerCase(), defaultValue(m.type));
        }
      }
      const scope = new Scope(null);
      // Static fields and static blocks run top to bottom, as they appear in the class.
      for (const step of initialisers(
        rc.decl.members.filter((m) => m.isStatic),
        rc.decl.staticInits
      )) {
        if (step.kind === 'block') {
          this.exec(step.block, scope);
        } else if (step.member.kind === 'field' && step.member.init) {
          frame.line = step.member.pos.line;
          values.set(
            step.member.name.toLowerCase(),
            this.coerce(this.eval(step.member.init, scope), step.member.type, step.member.pos)
          );
        }
      }
    } finally {
      this.stack.pop();
    }
  }

  pushFrame(
    cls: RuntimeClass | null,
    thisObj: ApexObject | null,
    label: string,
    pos: Pos,
    unit?: string
  ): Frame {
    const caller = this.stack[this.stack.length - 1];
    const sharing = cls ? classSharing(cls) : 'without';
    const frame: Frame = {
      cls,
      thisObj,
      label,
      unit: unit ?? cls?.decl.unit ?? 'anonymous',
      line: pos.line,
      column: pos.column,
      returnValue: null,
      scope: null,
      held: null,
      // Apex Developer Guide, Using the with sharing, without sharing, and inherited sharing
      // Keywords: a class that declares nothing takes its caller's mode and, as an entry
      // point, runs without sharing; `inherited sharing` as an entry point runs with sharing.
      withSharing:
        sharing === 'inherited' || sharing === 'omitted'
          ? caller
            ? caller.withSharing
            : sharing === 'inherited'
          : sharing === 'with',
    };
    if (this.stack.length > 1000) {
      throw new ApexError('System.LimitException', 'Maximum stack depth reached: 1001', true);
    }
    this.stack.push(frame);
    return frame;
  }

  // ---------- objects ----------

  isSubclass(rc: RuntimeClass, target: RuntimeClass): boolean {
    for (let c: RuntimeClass | null = rc; c; c = c.superclass) {
      if (c === target) {
        return true;
      }
      if (c.interfaces.some((i) => this.isSubclass(i, target))) {
        return true;
      }
    }
    return false;
  }

  implementsNative(rc: RuntimeClass, name: string): boolean {
    const lower = name.toLowerCase().replace(/^system\./, '');
    for (let c: RuntimeClass | null = rc; c; c = c.superclass) {
      if (c.nativeInterfaces.has(lower)) {
        return true;
      }
      if (c.interfaces.some((i) => this.implementsNative(i, lower))) {
        return true;
      }
    }
    return false;
  }

  /** The system exception a user class extends (`Exception`), or null. */
  exceptionBase(rc: RuntimeClass): string | null {
    for (let c: RuntimeClass | null = rc; c; c = c.superclass) {
      if (c.nativeSuper) {
        return c.nativeSuper;
      }
    }
    return null;
  }

  instantiate(rc: RuntimeClass, args: ApexValue[], pos: Pos): ApexObject {
    if (rc.decl.kind !== 'class' || rc.decl.modifiers.keywords.has('abstract')) {
      this.throwApex(
        'System.TypeException',
        `Cannot instantiate ${rc.decl.kind === 'class' ? 'abstract class' : rc.decl.kind} ${rc.decl.fullName}`
      );
    }
    const obj = new ApexObject(rc.decl.fullName, rc);
    this.installKeyHook(rc, obj);
    this.initialiseInstance(rc, obj);
    this.construct(rc, obj, args, pos);
    return obj;
  }

  private installKeyHook(rc: RuntimeClass, obj: ApexObject): void {
    const hash = this.findMethod(rc, 'hashcode', 0, false);
    const eq = this.findMethod(rc, 'equals', 1, false);
    if (hash && eq) {
      obj.keyHook = (self) =>
        `#obj:${rc.key}:${String(this.callMethod(hash.rc, hash.method, self, [], hash.method.pos))}`;
    }
  }

  private initialiseInstance(rc: RuntimeClass, obj: ApexObject): void {
    if (rc.superclass) {
      this.initialiseInstance(rc.superclass, obj);
    }
    this.staticsOf(rc);
    for (const m of rc.decl.members) {
      if (!m.isStatic) {
        obj.fields.set(m.name.toLowerCase(), defaultValue(m.type));
      }
    }
    const frame = this.pushFrame(rc, obj, `Class.${rc.decl.fullName}.<init>`, rc.decl.pos);
    try {
      const scope = new Scope(null);
      for (const step of initialisers(
        rc.decl.members.filter((m) => !m.isStatic),
        rc.decl.instanceInits
      )) {
        if (step.kind === 'block') {
          this.exec(step.block, scope);
        } else if (step.member.kind === 'field' && step.member.init) {
          frame.line = step.member.pos.line;
          obj.fields.set(
            step.member.name.toLowerCase(),
            this.coerce(this.eval(step.member.init, scope), step.member.type, step.member.pos)
          );
        }
      }
    } finally {
      this.stack.pop();
    }
  }

  private construct(rc: RuntimeClass, obj: ApexObject, args: ApexValue[], pos: Pos): void {
    const ctors = rc.decl.ctors;
    if (ctors.length === 0) {
      if (this.exceptionBase(rc) && args.length > 0) {
        this.initException(obj, args);
        return;
      }
      if (args.length > 0) {
        this.throwApex(
          'System.TypeException',
          `Constructor not defined: [${rc.decl.fullName}].<Constructor>(${args.length} arguments)`
        );
      }
      if (rc.superclass) {
        this.construct(rc.superclass, obj, [], pos);
      }
      return;
    }
    const ctor = this.pickOverload(ctors, args);
    if (!ctor) {
      if (this.exceptionBase(rc)) {
        this.initException(obj, args);
        return;
      }
      this.unsupported(`no constructor of ${rc.decl.fullName} for ${args.length} arguments`, pos);
    }
    const body = ctor.body as Extract<Stmt, { k: 'block' }>;
    const first = body.body[0];
    const chains = first && first.k === 'expr' && first.expr.k === 'ctorCall';
    if (!chains && rc.superclass) {
      this.construct(rc.superclass, obj, [], pos);
    }
    this.callMethod(rc, ctor, obj, args, pos);
  }

  initException(obj: ApexObject, args: ApexValue[]): void {
    for (const a of args) {
      if (typeof a === 'string') {
        obj.fields.set('$message', a);
      } else if (a instanceof ApexObject) {
        obj.fields.set('$cause', a);
        if (!obj.fields.has('$message')) {
          obj.fields.set('$message', this.exceptionMessage(a));
        }
      } else if (a === null) {
        if (!obj.fields.has('$message')) {
          obj.fields.set('$message', null);
        }
      }
    }
  }

  exceptionMessage(obj: ApexObject): string | null {
    const m = obj.fields.get('$message');
    return (m ?? null) as string | null;
  }

  pickOverload(candidates: MethodDecl[], args: ApexValue[]): MethodDecl | null {
    const hint = this.argHint;
    this.argHint = null;
    const sameArity = candidates.filter((m) => m.params.length === args.length);
    if (sameArity.length <= 1) {
      return sameArity[0] ?? null;
    }
    // Apex picks an overload by the arguments' static types; a null argument has only that.
    if (hint && hint.exprs.length === args.length && args.some((a) => a === null)) {
      const types = hint.exprs.map((e) => this.staticTypeOf(e, hint.scope));
      const exact = sameArity.filter((m) =>
        m.params.every(
          (p, i) => args[i] !== null || !types[i] || sameTypeName(types[i] as TypeRef, p.type)
        )
      );
      if (exact.length >= 1 && exact.length < sameArity.length) {
        return this.pickOverload(exact, args);
      }
    }
    let best: MethodDecl | null = null;
    let bestScore = -1;
    for (const m of sameArity) {
      let score = 0;
      let ok = true;
      m.params.forEach((p, i) => {
        const s = this.matchScore(args[i] ?? null, p.type);
        if (s < 0) {
          ok = false;
        }
        score += s;
      });
      if (ok && score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    // Here sameArity has two candidates or more.
    return best ?? sameArity[0]!;
  }

  /** The static type of an argument where it is plain to see (casts, variables, calls), else null. */
  staticTypeOf(expr: Expr, scope: Scope): TypeRef | null {
    switch (expr.k) {
      case 'cast':
      case 'new':
        return expr.type;
      case 'lit':
        return typeof expr.value === 'string' ? { name: 'String', args: [] } : null;
      case 'name': {
        const local = scope.lookup(expr.name.toLowerCase());
        if (local) {
          return local.type;
        }
        return this.findMember(this.running.cls, expr.name.toLowerCase())?.member.type ?? null;
      }
      case 'call': {
        let owner: RuntimeClass | null = null;
        if (expr.target === null) {
          owner = this.running.cls;
        } else if (expr.target.k === 'name' && !scope.lookup(expr.target.name.toLowerCase())) {
          owner = this.findClass(expr.target.name, this.running.cls);
        }
        const lower = expr.name.toLowerCase();
        for (let c = owner; c; c = c.superclass) {
          const m = c.decl.methods.find(
            (x) => x.name.toLowerCase() === lower && x.params.length === expr.args.length
          );
          if (m) {
            return m.returnType;
          }
        }
        return null;
      }
      default:
        return null;
    }
  }

  /** How well a runtime value fits a parameter type: -1 no, 1 loosely, 2 exactly. */
  private matchScore(value: ApexValue, type: TypeRef): number {
    if (value === null) {
      return 1;
    }
    const prim = primitiveName(type);
    if (prim === 'object') {
      return 1;
    }
    if (prim) {
      const actual = this.runtimeTypeName(value).toLowerCase();
      if (actual === prim) {
        return 2;
      }
      if (prim === 'id' && actual === 'string') {
        return 1;
      }
      if (prim === 'string' && actual === 'id') {
        return 1;
      }
      if ((prim === 'long' || prim === 'decimal' || prim === 'double') && actual === 'integer') {
        return 1;
      }
      if (
        (prim === 'decimal' || prim === 'double') &&
        (actual === 'long' || actual === 'decimal' || actual === 'double')
      ) {
        return 1;
      }
      return -1;
    }
    return this.isInstance(value, type) ? 2 : -1;
  }

  runtimeTypeName(value: ApexValue): string {
    return runtimeTypeName(value);
  }

  /** `value instanceof type`, and the check behind casts and catch clauses. */
  isInstance(value: ApexValue, type: TypeRef): boolean {
    if (value === null) {
      return false;
    }
    const prim = primitiveName(type);
    if (prim) {
      switch (prim) {
        case 'object':
          return true;
        case 'string':
          return typeof value === 'string';
        case 'id':
          return typeof value === 'string' && /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value);
        case 'integer':
          return typeof value === 'number';
        case 'long':
          return typeof value === 'bigint' || typeof value === 'number';
        case 'decimal':
        case 'double':
          return (
            value instanceof ApexDecimal ||
            value instanceof ApexDouble ||
            typeof value === 'number' ||
            typeof value === 'bigint'
          );
        case 'boolean':
          return typeof value === 'boolean';
        case 'date':
          return value instanceof ApexDate;
        case 'datetime':
          return value instanceof ApexDatetime;
        case 'time':
          return value instanceof ApexTime;
        case 'blob':
          return value instanceof ApexBlob;
      }
    }
    const coll = collectionKind(type);
    if (coll) {
      if (coll === 'list' && value instanceof ApexList) {
        return (
          type.args.length === 0 || this.elementTypeCompatible(value.elementType, type.args[0]!)
        );
      }
      if (coll === 'set' && value instanceof ApexSet) {
        return (
          type.args.length === 0 || this.elementTypeCompatible(value.elementType, type.args[0]!)
        );
      }
      if (coll === 'map' && value instanceof ApexMap) {
        return (
          type.args.length < 2 ||
          (this.elementTypeCompatible(value.keyType, type.args[0]!) &&
            this.elementTypeCompatible(value.valueType, type.args[1]!))
        );
      }
      return false;
    }
    const lower = type.name.toLowerCase();
    if (lower === 'sobject' || lower === 'schema.sobject') {
      return value instanceof SObjectValue;
    }
    const sobjectName = this.host.isSObjectType(type.name);
    if (sobjectName) {
      return (
        value instanceof SObjectValue && value.type.toLowerCase() === sobjectName.toLowerCase()
      );
    }
    const cls = this.findClass(type.name, this.frame?.cls ?? null);
    if (cls) {
      if (
        value instanceof ApexObject &&
        value.cls &&
        typeof value.cls === 'object' &&
        'decl' in (value.cls as object)
      ) {
        return this.isSubclass(value.cls as RuntimeClass, cls);
      }
      return false;
    }
    return this.host.instanceOfNative(value, type.name, this);
  }

  private elementTypeCompatible(actual: TypeRef, wanted: TypeRef): boolean {
    const w = wanted.name.toLowerCase().replace(/^(system|schema)\./, '');
    const a = actual.name.toLowerCase().replace(/^(system|schema)\./, '');
    if (w === 'object' || w === a) {
      return true;
    }
    if (w === 'sobject') {
      return a === 'sobject' || !!this.host.isSObjectType(actual.name);
    }
    const aSobject = this.host.isSObjectType(actual.name);
    const wSobject = this.host.isSObjectType(wanted.name);
    if (aSobject && wSobject) {
      return aSobject.toLowerCase() === wSobject.toLowerCase();
    }
    const ac = this.findClass(actual.name, this.frame?.cls ?? null);
    const wc = this.findClass(wanted.name, this.frame?.cls ?? null);
    if (ac && wc) {
      return this.isSubclass(ac, wc);
    }
    return false;
  }

  /** Whether an exception of type `thrown` is caught by `catch (caught e)`. */
  exceptionMatches(thrown: ApexError, caught: TypeRef): boolean {
    const target = caught.name.toLowerCase().replace(/^system\./, '');
    if (target === 'exception') {
      return true;
    }
    const obj = thrown.object;
    if (
      obj instanceof ApexObject &&
      obj.cls &&
      typeof obj.cls === 'object' &&
      'decl' in (obj.cls as object)
    ) {
      const rc = obj.cls as RuntimeClass;
      const wanted = this.findClass(caught.name, this.frame?.cls ?? null);
      if (wanted) {
        return this.isSubclass(rc, wanted);
      }
      const base = this.exceptionBase(rc);
      return base ? this.nativeExceptionIs(base, target) : false;
    }
    return this.nativeExceptionIs(thrown.exceptionType, target);
  }

  private nativeExceptionIs(name: string, target: string): boolean {
    let cur: string | null = name;
    while (cur) {
      const lower = cur.toLowerCase().replace(/^system\./, '');
      if (lower === target) {
        return true;
      }
      cur = this.host.nativeExceptionSuper(cur);
    }
    return false;
  }

  /** The Apex exception object for a thrown ApexError (made on first need for system ones). */
  exceptionObject(error: ApexError): ApexObject {
    if (!(error.object instanceof ApexObject)) {
      const obj = new ApexObject(error.exceptionType, null);
      obj.fields.set('$message', error.message);
      obj.native = error;
      error.object = obj;
    }
    return error.object as ApexObject;
  }

  // ---------- calls ----------

  findMethod(
    rc: RuntimeClass,
    lowerName: string,
    arity: number,
    staticOnly: boolean,
    args?: ApexValue[]
  ): { rc: RuntimeClass; method: MethodDecl } | null {
    for (let c: RuntimeClass | null = rc; c; c = c.superclass) {
      const candidates = c.decl.methods.filter(
        (m) =>
          m.name.toLowerCase() === lowerName &&
          m.params.length === arity &&
          (!staticOnly || m.isStatic) &&
          m.body !== null
      );
      if (candidates.length) {
        const m = args ? this.pickOverload(candidates, args) : candidates[0];
        if (m) {
          return { rc: c, method: m };
        }
      }
    }
    return null;
  }

  /** Whether the class or a superclass declares an instance method of this name without a body. */
  private declaresAbstract(rc: RuntimeClass, lowerName: string, arity: number): boolean {
    for (let c: RuntimeClass | null = rc; c; c = c.superclass) {
      if (
        c.decl.methods.some(
          (m) =>
            m.name.toLowerCase() === lowerName &&
            m.params.length === arity &&
            !m.isStatic &&
            m.body === null
        )
      ) {
        return true;
      }
    }
    return false;
  }

  callMethod(
    rc: RuntimeClass,
    method: MethodDecl,
    thisObj: ApexObject | null,
    args: ApexValue[],
    pos: Pos
  ): ApexValue {
    if (!method.body) {
      this.unsupported(`call of abstract method ${rc.decl.fullName}.${method.name}`, pos);
    }
    const caller = this.frame;
    if (caller) {
      caller.line = pos.line;
      caller.column = pos.column;
    }
    const label =
      method.name === '<init>'
        ? `Class.${rc.decl.fullName}.<init>`
        : `Class.${rc.decl.fullName}.${method.name}`;
    const frame = this.pushFrame(rc, method.isStatic ? null : thisObj, label, method.pos);
    try {
      const scope = new Scope(null);
      method.params.forEach((p, i) => {
        scope.vars.set(p.name.toLowerCase(), {
          type: p.type,
          value: this.coerce(args[i] ?? null, p.type, pos),
        });
      });
      const c = this.exec(method.body, scope);
      this.host.returning(this.stack.length);
      if (c === RETURN) {
        return method.returnType ? this.coerce(frame.returnValue, method.returnType, pos) : null;
      }
      return null;
    } catch (e) {
      if (e instanceof RangeError && /call stack/.test(e.message)) {
        // JavaScript's stack ran out before the platform's 1,000 frames would: still the
        // platform's uncatchable error, at the depth reached (see DIVERGENCES.md).
        const error = new ApexError(
          'System.LimitException',
          `Maximum stack depth reached: ${this.stack.length}`,
          true
        );
        this.annotate(error);
        throw error;
      }
      this.annotate(e);
      throw e;
    } finally {
      this.stack.pop();
    }
  }

  /** Gives an error the Apex stack and source position of where it was first seen. */
  annotate(e: unknown): void {
    if (e instanceof ApexError && e.apexStack.length === 0) {
      e.apexStack = this.stackTrace();
    } else if (e instanceof UnsupportedError && !e.position) {
      const f = this.running;
      e.position = { unit: f.unit, line: f.line, column: f.column };
    }
  }

  /** Calls an instance method on a user object, with virtual dispatch. */
  invokeObjectMethod(obj: ApexObject, name: string, args: ApexValue[], pos: Pos): ApexValue {
    const rc = obj.cls as RuntimeClass;
    const found = this.findMethod(rc, name.toLowerCase(), args.length, false, args);
    if (found) {
      return this.callMethod(found.rc, found.method, obj, args, pos);
    }
    return this.host.invokeValueMethod(obj, name, args, this, pos);
  }

  // ---------- statements ----------

  exec(stmt: Stmt, scope: Scope): Completion {
    const frame = this.running;
    frame.line = stmt.pos.line;
    frame.column = stmt.pos.column;
    frame.scope = scope;
    this.host.tick(frame.unit, stmt.pos.line);
    switch (stmt.k) {
      case 'block': {
        const inner = new Scope(scope);
        for (const s of stmt.body) {
          const c = this.exec(s, inner);
          if (c !== NORMAL) {
            return c;
          }
        }
        return NORMAL;
      }
      case 'local':
        for (const d of stmt.decls) {
          const value = d.init
            ? this.coerce(this.eval(d.init, scope), stmt.type, d.pos)
            : defaultValue(stmt.type);
          scope.vars.set(d.name.toLowerCase(), { type: stmt.type, value });
        }
        return NORMAL;
      case 'expr':
        this.eval(stmt.expr, scope);
        return NORMAL;
      case 'if':
        if (this.truthy(this.eval(stmt.test, scope), stmt.pos)) {
          return this.exec(stmt.then, new Scope(scope));
        }
        return stmt.else ? this.exec(stmt.else, new Scope(scope)) : NORMAL;
      case 'while':
        while (this.truthy(this.eval(stmt.test, scope), stmt.pos)) {
          if (stmt.body) {
            const c = this.exec(stmt.body, new Scope(scope));
            if (c === BREAK) {
              break;
            }
            if (c === RETURN) {
              return c;
            }
          }
        }
        return NORMAL;
      case 'do':
        do {
          const c = this.exec(stmt.body, new Scope(scope));
          if (c === BREAK) {
            break;
          }
          if (c === RETURN) {
            return c;
          }
        } while (this.truthy(this.eval(stmt.test, scope), stmt.pos));
        return NORMAL;
      case 'for': {
        const loop = new Scope(scope);
        if (stmt.init) {
          if (Array.isArray(stmt.init)) {
            stmt.init.forEach((e) => this.eval(e, loop));
          } else {
            this.exec(stmt.init, loop);
          }
        }
        while (!stmt.test || this.truthy(this.eval(stmt.test, loop), stmt.pos)) {
          if (stmt.body) {
            const c = this.exec(stmt.body, new Scope(loop));
            if (c === BREAK) {
              break;
            }
            if (c === RETURN) {
              return c;
            }
          }
          stmt.update.forEach((e) => this.eval(e, loop));
        }
        return NORMAL;
      }
      case 'foreach':
        return this.execForeach(stmt, scope);
      case 'return':
        frame.returnValue = stmt.expr ? this.eval(stmt.expr, scope) : null;
        return RETURN;
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'throw': {
        const value = this.eval(stmt.expr, scope);
        if (!(value instanceof ApexObject)) {
          this.throwApex('System.NullPointerException', 'Attempt to de-reference a null object');
        }
        throw this.errorFor(value);
      }
      case 'try':
        return this.execTry(stmt, scope);
      case 'dml': {
        const value = this.eval(stmt.expr, scope);
        const other = stmt.other ? this.eval(stmt.other, scope) : undefined;
        this.host.dml(stmt, value, this, other);
        return NORMAL;
      }
      case 'runAs': {
        const user = stmt.args.length ? this.eval(stmt.args[0]!, scope) : null;
        let completion: Completion = NORMAL;
        this.host.runAs(
          user,
          () => {
            completion = this.exec(stmt.body, new Scope(scope));
          },
          this
        );
        return completion;
      }
      case 'switch':
        return this.execSwitch(stmt, scope);
    }
  }

  errorFor(obj: ApexObject): ApexError {
    const native = obj.native;
    if (native instanceof ApexError) {
      return native;
    }
    const error = new ApexError(this.exceptionTypeName(obj), this.exceptionMessage(obj) ?? '');
    error.object = obj;
    obj.native = error;
    error.apexStack = this.stackTrace();
    return error;
  }

  exceptionTypeName(obj: ApexObject): string {
    return obj.className;
  }

  private execForeach(stmt: Extract<Stmt, { k: 'foreach' }>, scope: Scope): Completion {
    const iterable = this.eval(stmt.iterable, scope);
    let items: ApexValue[];
    if (iterable instanceof ApexList) {
      items = [...iterable.values];
    } else if (iterable instanceof ApexSet) {
      items = iterable.items();
    } else if (iterable === null) {
      this.throwApex('System.NullPointerException', 'Attempt to de-reference a null object');
    } else {
      items = this.host.invokeValueMethod(
        iterable,
        '$iterate',
        [],
        this,
        stmt.pos
      ) as unknown as ApexValue[];
    }
    const loopType = stmt.type;
    // `for (List<Contact> chunk : [SELECT ...])` iterates in chunks of 200.
    const listLoop =
      collectionKind(loopType) === 'list' &&
      stmt.iterable.k === 'soql' &&
      !(items[0] instanceof ApexList);
    const sequence: ApexValue[] = listLoop ? chunk(items, 200, loopType) : items;
    const key = stmt.name.toLowerCase();
    const guarded = iterable instanceof ApexList || iterable instanceof ApexSet ? iterable : null;
    if (guarded) {
      iterating.set(guarded, (iterating.get(guarded) ?? 0) + 1);
    }
    // The collection stays on the heap while the loop walks it; a SOQL for loop's rows do not
    // (the platform fetches them 200 at a time).
    const frame = this.running;
    const held = stmt.iterable.k === 'soql' ? null : iterable;
    if (held) {
      (frame.held ??= []).push(held);
    }
    try {
      return this.runLoop(stmt, scope, sequence, key, loopType);
    } finally {
      if (held) {
        frame.held?.pop();
      }
      if (guarded) {
        iterating.set(guarded, (iterating.get(guarded) ?? 1) - 1);
      }
    }
  }

  private runLoop(
    stmt: Extract<Stmt, { k: 'foreach' }>,
    scope: Scope,
    sequence: ApexValue[],
    key: string,
    loopType: TypeRef
  ): Completion {
    for (const item of sequence) {
      const inner = new Scope(scope);
      inner.vars.set(key, { type: loopType, value: this.coerce(item, loopType, stmt.pos) });
      if (stmt.body) {
        const c = this.exec(stmt.body, inner);
        if (c === BREAK) {
          break;
        }
        if (c === RETURN) {
          return c;
        }
      }
    }
    return NORMAL;
  }

  private execTry(stmt: Extract<Stmt, { k: 'try' }>, scope: Scope): Completion {
    const depth = this.stack.length;
    let completion: Completion = NORMAL;
    let pending: unknown = null;
    try {
      completion = this.exec(stmt.body, new Scope(scope));
    } catch (e) {
      this.stack.length = depth;
      pending = e;
      if (e instanceof ApexError && !e.uncatchable) {
        for (const c of stmt.catches) {
          if (this.exceptionMatches(e, c.type)) {
            pending = null;
            const inner = new Scope(scope);
            inner.vars.set(c.name.toLowerCase(), { type: c.type, value: this.exceptionObject(e) });
            try {
              completion = this.exec(c.body, inner);
            } catch (again) {
              this.stack.length = depth;
              pending = again;
            }
            break;
          }
        }
      }
    }
    if (stmt.finally) {
      const c = this.exec(stmt.finally, new Scope(scope));
      if (c !== NORMAL) {
        return c;
      }
    }
    if (pending) {
      throw pending;
    }
    return completion;
  }

  private execSwitch(stmt: Extract<Stmt, { k: 'switch' }>, scope: Scope): Completion {
    const value = this.eval(stmt.expr, scope);
    for (const when of stmt.whens) {
      if (when.kind === 'else') {
        return this.exec(when.body, new Scope(scope));
      }
      if (when.kind === 'type') {
        if (this.isInstance(value, when.type)) {
          const inner = new Scope(scope);
          inner.vars.set(when.name.toLowerCase(), { type: when.type, value });
          return this.exec(when.body, inner);
        }
        continue;
      }
      for (const candidate of when.values) {
        // Enum constants in `when` are written bare: `when BEFORE_INSERT`.
        const v =
          candidate.k === 'name' &&
          value instanceof ApexObject &&
          value.native &&
          typeof value.native === 'object' &&
          'enumName' in (value.native as object)
            ? this.enumConstantLike(value, candidate.name, candidate.pos)
            : this.eval(candidate, scope);
        if (value === null ? v === null : v !== null && this.host.equals(value, v, this)) {
          if (typeof value === 'string' && typeof v === 'string' && value !== v) {
            continue; // switch on String is case-sensitive
          }
          return this.exec(when.body, new Scope(scope));
        }
      }
    }
    return NORMAL;
  }

  private enumConstantLike(sample: ApexObject, name: string, pos: Pos): ApexValue {
    const values = this.enumValues.get(sample.className.toLowerCase());
    const hit = values?.find(
      (v) => (v.native as { enumName: string }).enumName.toLowerCase() === name.toLowerCase()
    );
    if (hit) {
      return hit;
    }
    // A platform enum (System.TriggerOperation): its constants come from the native library.
    const native = this.host.nativeStaticProperty(sample.className, name, this, pos);
    if (native instanceof ApexObject && native.className === sample.className) {
      return native;
    }
    // The platform rejects this at compile time: the `when` names no constant of the enum.
    return this.unsupported(`when ${name}: not a constant of ${sample.className}`, pos);
  }

  truthy(value: ApexValue, pos: Pos): boolean {
    if (value === null) {
      // The platform: a null Boolean in a condition is a NullPointerException.
      this.throwApex('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    if (typeof value !== 'boolean') {
      this.unsupported(`condition of type ${this.runtimeTypeName(value)}`, pos);
    }
    return value;
  }

  // ---------- expressions ----------

  eval(expr: Expr, scope: Scope): ApexValue {
    switch (expr.k) {
      case 'lit':
        return expr.value;
      case 'name': {
        const r = this.resolveName(expr.name, scope, expr.pos);
        if (isMarker(r)) {
          this.unsupported(`type ${expr.name} used as a value`, expr.pos);
        }
        return r;
      }
      case 'this':
        return this.running.thisObj;
      case 'field': {
        const r = this.evalField(expr, scope);
        if (isMarker(r)) {
          this.unsupported(`type ${expr.name} used as a value`, expr.pos);
        }
        return r;
      }
      case 'call':
        return this.evalCall(expr, scope);
      case 'ctorCall': {
        const frame = this.running;
        const obj = frame.thisObj as ApexObject;
        const args = expr.args.map((a) => this.eval(a, scope));
        const rc =
          expr.which === 'this'
            ? (frame.cls as RuntimeClass)
            : (frame.cls as RuntimeClass).superclass;
        if (!rc) {
          if (expr.which === 'super') {
            this.initException(obj, args);
            return null;
          }
          this.unsupported('super() without a superclass', expr.pos);
        }
        this.construct(rc, obj, args, expr.pos);
        return null;
      }
      case 'index': {
        const target = this.eval(expr.target, scope);
        const index = this.eval(expr.index, scope);
        return this.host.invokeValueMethod(target, 'get', [index], this, expr.pos);
      }
      case 'new':
        return this.evalNew(expr, scope);
      case 'cast': {
        const value = this.eval(expr.expr, scope);
        return this.cast(value, expr.type, expr.pos);
      }
      case 'unary': {
        const value = this.eval(expr.expr, scope);
        if (expr.op === '!') {
          return !this.truthy(value, expr.pos);
        }
        if (expr.op === '+') {
          return value;
        }
        if (expr.op === '-') {
          return this.host.arithmetic('neg', value, null, this, expr.pos);
        }
        return this.host.arithmetic('~', value, null, this, expr.pos);
      }
      case 'incdec': {
        const old = this.eval(expr.target, scope);
        const updated = this.host.arithmetic(expr.op === '++' ? '+' : '-', old, 1, this, expr.pos);
        this.assignTo(expr.target, updated, scope);
        return expr.prefix ? updated : old;
      }
      case 'binary':
        return this.evalBinary(expr, scope);
      case 'instanceof':
        return this.isInstance(this.eval(expr.expr, scope), expr.type);
      case 'cond':
        return this.truthy(this.eval(expr.test, scope), expr.pos)
          ? this.eval(expr.then, scope)
          : this.eval(expr.else, scope);
      case 'assign': {
        if (expr.op === '=') {
          const value = this.eval(expr.value, scope);
          return this.assignTo(expr.target, value, scope);
        }
        const old = this.eval(expr.target, scope);
        const right = this.eval(expr.value, scope);
        const op = expr.op.slice(0, -1);
        const value = this.host.arithmetic(op, old, right, this, expr.pos);
        return this.assignTo(expr.target, value, scope);
      }
      case 'classLit':
        return this.typeValue(expr.type, expr.pos);
      case 'soql': {
        hydrateSoql(expr, this.running.unit);
        // Binds are evaluated before the query runs, in the scope of the statement.
        const binds = new Map<unknown, ApexValue>();
        for (const [ref, bound] of expr.binds) {
          binds.set(ref, this.eval(bound, scope));
        }
        return this.host.soql(expr, binds, this);
      }
      case 'super':
        return this.running.thisObj;
    }
  }

  typeValue(type: TypeRef, pos: Pos): TypeValue {
    const cls = this.findClass(type.name, this.frame?.cls ?? null);
    if (cls) {
      return new TypeValue({ name: cls.decl.fullName, args: [] }, cls.key);
    }
    const sobject = this.host.isSObjectType(type.name);
    if (sobject) {
      return new TypeValue({ name: sobject, args: [] }, sobject.toLowerCase());
    }
    const prim = primitiveName(type);
    if (prim || collectionKind(type)) {
      return new TypeValue(type, typeKey(type));
    }
    const native = this.host.resolveNativeType(type.name);
    if (native) {
      return new TypeValue({ name: native, args: type.args }, native.toLowerCase());
    }
    this.unsupported(`type ${type.name}`, pos);
  }

  private evalBinary(expr: Extract<Expr, { k: 'binary' }>, scope: Scope): ApexValue {
    const op = expr.op;
    if (op === '&&') {
      return (
        this.truthy(this.eval(expr.left, scope), expr.pos) &&
        this.truthy(this.eval(expr.right, scope), expr.pos)
      );
    }
    if (op === '||') {
      return (
        this.truthy(this.eval(expr.left, scope), expr.pos) ||
        this.truthy(this.eval(expr.right, scope), expr.pos)
      );
    }
    if (op === '??') {
      const left = this.eval(expr.left, scope);
      return left !== null ? left : this.eval(expr.right, scope);
    }
    const left = this.eval(expr.left, scope);
    const right = this.eval(expr.right, scope);
    // Apex Developer Guide, Expression Operators: a non-null String or Id is greater than null;
    // any other comparison with null is false.
    if (
      (left === null || right === null) &&
      (op === '<' || op === '>' || op === '<=' || op === '>=')
    ) {
      const other = left === null ? right : left;
      if (typeof other !== 'string') {
        return false;
      }
      return left === null ? op === '<' || op === '<=' : op === '>' || op === '>=';
    }
    switch (op) {
      case '==':
        return this.equalsOperator(expr, left, right, scope);
      case '!=':
      case '<>':
        return !this.equalsOperator(expr, left, right, scope);
      case '===':
        return exactEquals(left, right);
      case '!==':
        return !exactEquals(left, right);
      case '<':
        return (
          left !== null && right !== null && this.host.compare(left, right, this, expr.pos) < 0
        );
      case '>':
        return (
          left !== null && right !== null && this.host.compare(left, right, this, expr.pos) > 0
        );
      case '<=':
        return (
          left !== null && right !== null && this.host.compare(left, right, this, expr.pos) <= 0
        );
      case '>=':
        return (
          left !== null && right !== null && this.host.compare(left, right, this, expr.pos) >= 0
        );
      default:
        return this.host.arithmetic(op, left, right, this, expr.pos);
    }
  }

  /**
   * `==`: Strings compare case-insensitively; an Id compares with its 15- or 18-character form
   * when either side is declared an Id (as Strings the two forms differ).
   */
  private equalsOperator(
    expr: Extract<Expr, { k: 'binary' }>,
    left: ApexValue,
    right: ApexValue,
    scope: Scope
  ): boolean {
    if (typeof left === 'string' && typeof right === 'string' && left.length !== right.length) {
      const isId = (e: Expr): boolean =>
        primitiveName(this.staticTypeOf(e, scope) ?? { name: 'Object', args: [] }) === 'id';
      if (
        (isId(expr.left) || isId(expr.right)) &&
        /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(left) &&
        /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(right)
      ) {
        return left.slice(0, 15) === right.slice(0, 15);
      }
    }
    return this.host.equals(left, right, this);
  }

  cast(value: ApexValue, type: TypeRef, pos: Pos): ApexValue {
    if (value === null) {
      return null;
    }
    const prim = primitiveName(type);
    if (prim === 'object') {
      return value;
    }
    if (
      prim &&
      ['integer', 'long', 'decimal', 'double'].includes(prim) &&
      typeof value !== 'string' &&
      !(value instanceof ApexObject)
    ) {
      return this.host.coerce(value, type, this, pos);
    }
    if (prim === 'id' && typeof value === 'string') {
      return this.host.coerce(value, type, this, pos);
    }
    if (collectionKind(type)) {
      if (this.isInstance(value, { name: type.name, args: [] })) {
        // Casting a List<Object> to List<String> checks nothing element-wise on the platform
        // when the list's runtime type matches; a List<SObject> may be cast to List<Contact>.
        return this.retypeCollection(value, type);
      }
    } else if (this.isInstance(value, type)) {
      return value;
    }
    this.throwApex(
      'System.TypeException',
      `Invalid conversion from runtime type ${this.runtimeTypeName(value)} to ${typeText(type)}`
    );
  }

  private retypeCollection(value: ApexValue, type: TypeRef): ApexValue {
    const element = type.args[0];
    if (value instanceof ApexList && element) {
      const from = value.elementType.name.toLowerCase();
      const to = element.name.toLowerCase();
      if (from === 'sobject' || from === 'schema.sobject') {
        value.elementType = element;
      } else if (from !== to && to !== 'object' && from === 'object') {
        if (!value.values.every((v) => v === null || this.isInstance(v, element))) {
          this.throwApex(
            'System.TypeException',
            `Invalid conversion from runtime type ${this.runtimeTypeName(value)} to ${typeText(type)}`
          );
        }
      }
    }
    return value;
  }

  coerce(value: ApexValue, type: TypeRef, pos: Pos): ApexValue {
    if (value === null) {
      return null;
    }
    return this.host.coerce(value, type, this, pos);
  }

  private evalNew(expr: Extract<Expr, { k: 'new' }>, scope: Scope): ApexValue {
    const type = expr.type;
    const coll = collectionKind(type);
    if (coll === 'list' || coll === 'set') {
      const element = type.args[0] ?? OBJECT_TYPE;
      if (coll === 'list' && expr.size) {
        const size = this.eval(expr.size, scope) as number;
        return new ApexList(element, new Array<ApexValue>(size).fill(null));
      }
      const values = this.initialElements(expr, element, scope);
      return coll === 'list' ? new ApexList(element, values) : new ApexSet(element, values);
    }
    if (coll === 'map') {
      const keyType = type.args[0] ?? OBJECT_TYPE;
      const valueType = type.args[1] ?? OBJECT_TYPE;
      const map = new ApexMap(keyType, valueType);
      if (expr.pairs) {
        for (const p of expr.pairs) {
          map.put(
            this.coerce(this.eval(p.key, scope), keyType, expr.pos),
            this.coerce(this.eval(p.value, scope), valueType, expr.pos)
          );
        }
      } else if (expr.args.length === 1) {
        const source = this.eval(expr.args[0]!, scope);
        if (source instanceof ApexMap) {
          for (const k of source.keys()) {
            map.put(k, source.get(k));
          }
        } else if (source instanceof ApexList) {
          // new Map<Id, SObject>(List<SObject>)
          for (const r of source.values) {
            if (r instanceof SObjectValue) {
              map.put(r.get('Id'), r);
            }
          }
        } else {
          this.unsupported('new Map from this argument', expr.pos);
        }
      }
      return map;
    }
    const cls = this.findClass(type.name, this.frame?.cls ?? null);
    if (cls) {
      return this.instantiate(
        cls,
        expr.args.map((a) => this.eval(a, scope)),
        expr.pos
      );
    }
    const sobject = this.host.isSObjectType(type.name);
    if (sobject) {
      const record = this.host.newSObject(sobject, this);
      if (expr.fieldArgs) {
        for (const f of expr.fieldArgs) {
          this.host.setSObjectField(record, f.name, this.eval(f.value, scope), this);
        }
      } else if (expr.args.length) {
        this.unsupported('SObject constructor with positional arguments', expr.pos);
      }
      return record;
    }
    const native = this.host.resolveNativeType(type.name);
    if (native) {
      return this.host.nativeConstruct(
        native,
        expr.args.map((a) => this.eval(a, scope)),
        this,
        expr.pos
      );
    }
    this.unsupported(`new ${typeText(type)}`, expr.pos);
  }

  /** What a bind variable named in dynamic SOQL denotes in the calling scope. */
  bindValue(name: string, pos: Pos): ApexValue {
    const value = this.resolveName(name, this.currentScope ?? new Scope(null), pos);
    if (isMarker(value)) {
      this.unsupported(`bind variable ${name} naming a type`, pos);
    }
    return value;
  }

  /**
   * An object's instance fields, superclass first, in declaration order, transient ones left
   * out: what toString and JSON.serialize show. A system object's fields are its own.
   */
  instanceFields(obj: ApexObject): [string, ApexValue][] {
    const rc =
      obj.cls && typeof obj.cls === 'object' && 'decl' in (obj.cls as object)
        ? (obj.cls as RuntimeClass)
        : null;
    if (!rc) {
      return [...obj.fields.entries()].filter(([k]) => !k.startsWith('$'));
    }
    const chain: RuntimeClass[] = [];
    for (let c: RuntimeClass | null = rc; c; c = c.superclass) {
      chain.unshift(c);
    }
    return chain.flatMap((c) =>
      c.decl.members
        .filter((m) => !m.isStatic && !m.modifiers.keywords.has('transient'))
        .map((m): [string, ApexValue] => [m.name, obj.fields.get(m.name.toLowerCase()) ?? null])
    );
  }

  /** The elements a new List or Set starts with: `{ a, b }`, or a copy of another collection. */
  private initialElements(
    expr: Extract<Expr, { k: 'new' }>,
    element: TypeRef,
    scope: Scope
  ): ApexValue[] {
    if (expr.items) {
      return expr.items.map((i) => this.coerce(this.eval(i, scope), element, expr.pos));
    }
    if (expr.args.length === 1) {
      const source = this.eval(expr.args[0]!, scope);
      if (source instanceof ApexList || source instanceof ApexSet) {
        return source.items().map((v) => this.coerce(v, element, expr.pos));
      }
      if (source === null) {
        this.throwApex('System.NullPointerException', 'Argument cannot be null.');
      }
      this.unsupported(`new ${expr.type.name} from this argument`, expr.pos);
    }
    return [];
  }

  /** A bare name: a local, a field of this object or class, or a type. */
  resolveName(name: string, scope: Scope, pos: Pos): ApexValue | TypeMarker {
    const lower = name.toLowerCase();
    const local = scope.lookup(lower);
    if (local) {
      return local.value;
    }
    const frame = this.running;
    const member = this.findMember(frame.cls, lower);
    if (member) {
      return this.readMember(member.rc, member.member, frame.thisObj, pos);
    }
    const marker = this.resolveTypeMarker(name);
    if (marker) {
      return marker;
    }
    this.unsupported(`unknown name ${name}`, pos);
  }

  findMember(
    from: RuntimeClass | null,
    lower: string
  ): { rc: RuntimeClass; member: MemberDecl } | null {
    for (let c = from; c; c = c.outer) {
      for (let s: RuntimeClass | null = c; s; s = s.superclass) {
        const m = s.decl.members.find((x) => x.name.toLowerCase() === lower);
        if (m) {
          // An outer class's instance members are not reachable from an inner class.
          if (c !== from && !m.isStatic) {
            continue;
          }
          return { rc: s, member: m };
        }
      }
    }
    return null;
  }

  readMember(
    rc: RuntimeClass,
    member: MemberDecl,
    thisObj: ApexObject | null,
    pos: Pos
  ): ApexValue {
    const key = member.name.toLowerCase();
    if (member.kind === 'property' && member.getter && member.getter !== 'auto') {
      return this.runAccessor(rc, member, member.getter, thisObj, null, pos);
    }
    if (member.isStatic) {
      return this.staticsOf(rc).get(key) ?? null;
    }
    if (!thisObj) {
      this.unsupported(`instance member ${member.name} read from a static context`, pos);
    }
    return thisObj.fields.get(key) ?? null;
  }

  writeMember(
    rc: RuntimeClass,
    member: MemberDecl,
    thisObj: ApexObject | null,
    value: ApexValue,
    pos: Pos
  ): ApexValue {
    const key = member.name.toLowerCase();
    const coerced = this.coerce(value, member.type, pos);
    if (member.kind === 'property' && member.setter && member.setter !== 'auto') {
      this.runAccessor(rc, member, member.setter, thisObj, coerced, pos);
      return coerced;
    }
    if (member.isStatic) {
      this.staticsOf(rc).set(key, coerced);
    } else {
      if (!thisObj) {
        this.unsupported(`instance member ${member.name} written from a static context`, pos);
      }
      thisObj.fields.set(key, coerced);
    }
    return coerced;
  }

  private runAccessor(
    rc: RuntimeClass,
    member: MemberDecl,
    body: Stmt,
    thisObj: ApexObject | null,
    value: ApexValue,
    pos: Pos
  ): ApexValue {
    const frame = this.pushFrame(
      rc,
      member.isStatic ? null : thisObj,
      `Class.${rc.decl.fullName}.${member.name}`,
      pos
    );
    // Inside the accessor the property's own name is its backing field.
    const backing = member.isStatic ? this.staticsOf(rc) : (thisObj as ApexObject).fields;
    const key = member.name.toLowerCase();
    const scope = new Scope(null);
    const v: Variable = { type: member.type, value: backing.get(key) ?? null };
    scope.vars.set(key, v);
    if (value !== null || body) {
      scope.vars.set('value', { type: member.type, value });
    }
    try {
      const c = this.exec(body, scope);
      backing.set(key, v.value);
      return c === RETURN ? frame.returnValue : null;
    } finally {
      this.stack.pop();
    }
  }

  resolveTypeMarker(name: string): TypeMarker | null {
    const cls = this.findClass(name, this.frame?.cls ?? null);
    if (cls) {
      return { tm: 'class', cls };
    }
    const lower = name.toLowerCase();
    if (
      ['system', 'schema', 'database', 'auth', 'messaging', 'connectapi', 'metadata'].includes(
        lower
      )
    ) {
      return { tm: 'namespace', name: lower };
    }
    const prim = primitiveName({ name, args: [] });
    if (prim) {
      return { tm: 'primitive', name: prim, type: { name, args: [] } };
    }
    if (collectionKind({ name, args: [] })) {
      return { tm: 'primitive', name: lower, type: { name, args: [] } };
    }
    const sobject = this.host.isSObjectType(name);
    if (sobject) {
      return { tm: 'sobject', name: sobject };
    }
    const native = this.host.resolveNativeType(name);
    if (native) {
      return { tm: 'native', name: native };
    }
    return null;
  }

  /** `target.name`: a field of a value, a static member of a type, or a longer type name. */
  evalField(expr: Extract<Expr, { k: 'field' }>, scope: Scope): ApexValue | TypeMarker {
    const target = this.evalTarget(expr.target, scope);
    if (isMarker(target)) {
      return this.staticMember(target, expr.name, expr.pos);
    }
    if (target === null) {
      if (expr.safe) {
        return null;
      }
      this.throwApex('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    return this.valueMember(target, expr.name, expr.pos);
  }

  valueMember(target: ApexValue, name: string, pos: Pos): ApexValue {
    if (
      target instanceof ApexObject &&
      target.cls &&
      typeof target.cls === 'object' &&
      'decl' in (target.cls as object)
    ) {
      const rc = target.cls as RuntimeClass;
      const lower = name.toLowerCase();
      for (let s: RuntimeClass | null = rc; s; s = s.superclass) {
        const m = s.decl.members.find((x) => x.name.toLowerCase() === lower);
        if (m) {
          return this.readMember(s, m, target, pos);
        }
      }
    }
    if (target instanceof SObjectValue) {
      return this.host.getSObjectField(target, name, this);
    }
    return this.host.getValueProperty(target, name, this, pos);
  }

  /** Evaluates the left side of a dot: a value, or a type/namespace marker. */
  evalTarget(expr: Expr, scope: Scope): ApexValue | TypeMarker {
    if (expr.k === 'name') {
      return this.resolveName(expr.name, scope, expr.pos);
    }
    if (expr.k === 'field') {
      return this.evalField(expr, scope);
    }
    if (expr.k === 'super') {
      return this.running.thisObj;
    }
    return this.eval(expr, scope);
  }

  staticMember(marker: TypeMarker, name: string, pos: Pos): ApexValue | TypeMarker {
    const lower = name.toLowerCase();
    switch (marker.tm) {
      case 'class': {
        const rc = marker.cls;
        if (rc.decl.kind === 'enum') {
          const value = this.enumConstant(rc, name);
          if (value) {
            return value;
          }
        }
        const inner = rc.inner.get(lower);
        if (inner) {
          return { tm: 'class', cls: inner };
        }
        for (let s: RuntimeClass | null = rc; s; s = s.superclass) {
          const m = s.decl.members.find((x) => x.name.toLowerCase() === lower && x.isStatic);
          if (m) {
            return this.readMember(s, m, null, pos);
          }
        }
        this.unsupported(`static member ${rc.decl.fullName}.${name}`, pos);
        break;
      }
      case 'namespace': {
        if (marker.name === 'system' || marker.name === 'schema' || marker.name === 'database') {
          const qualified = `${marker.name}.${name}`;
          if (marker.name === 'schema') {
            const sobject = this.host.isSObjectType(name);
            if (sobject && !this.host.resolveNativeType(qualified)) {
              return { tm: 'sobject', name: sobject };
            }
          }
          // `System.Database`, `System.Schema`: a namespace written under System resolves by its name.
          const native =
            this.host.resolveNativeType(qualified) ??
            (marker.name === 'system' ? this.host.resolveNativeType(name) : null);
          if (native) {
            return { tm: 'native', name: native };
          }
          const prim = primitiveName({ name, args: [] });
          if (prim && marker.name === 'system') {
            return { tm: 'primitive', name: prim, type: { name, args: [] } };
          }
          if (marker.name === 'system') {
            const v = this.host.nativeStaticProperty('System', name, this, pos);
            if (v !== undefined) {
              return v;
            }
          }
        }
        const cls = this.findClass(name, null);
        if (cls) {
          return { tm: 'class', cls };
        }
        this.unsupported(`${marker.name}.${name}`, pos);
        break;
      }
      case 'sobject':
      case 'native':
      case 'primitive': {
        const owner = marker.tm === 'primitive' ? marker.name : marker.name;
        const v = this.host.nativeStaticProperty(
          marker.tm === 'sobject' ? `$sobject:${owner}` : owner,
          name,
          this,
          pos
        );
        if (v !== undefined) {
          return v;
        }
        const nested = this.host.resolveNativeType(`${owner}.${name}`);
        if (nested) {
          return { tm: 'native', name: nested };
        }
        this.unsupported(`${owner}.${name}`, pos);
      }
    }
    return null;
  }

  enumConstant(rc: RuntimeClass, name: string): ApexObject | null {
    const values = this.enumValuesOf(rc);
    return (
      values.find(
        (v) => (v.native as { enumName: string }).enumName.toLowerCase() === name.toLowerCase()
      ) ?? null
    );
  }

  enumValuesOf(rc: RuntimeClass): ApexObject[] {
    let values = this.enumValues.get(rc.key);
    if (!values) {
      values = rc.decl.enumValues.map((n, i) => {
        const obj = new ApexObject(rc.decl.fullName, rc);
        obj.native = { enumName: n, ordinal: i };
        return obj;
      });
      this.enumValues.set(rc.key, values);
    }
    return values;
  }

  private evalCall(expr: Extract<Expr, { k: 'call' }>, scope: Scope): ApexValue {
    const frame = this.running;
    frame.line = expr.pos.line;
    frame.column = expr.pos.column;
    const lower = expr.name.toLowerCase();
    if (expr.target === null) {
      const args = expr.args.map((a) => this.eval(a, scope));
      // An unqualified call: this class (and its supers), then the outer classes' statics.
      for (let c = frame.cls; c; c = c.outer) {
        this.argHint = { exprs: expr.args, scope };
        const found = this.findMethod(
          c,
          lower,
          args.length,
          c !== frame.cls || !frame.thisObj,
          args
        );
        if (found) {
          if (!found.method.isStatic && frame.thisObj && c === frame.cls) {
            this.argHint = { exprs: expr.args, scope };
            return this.invokeObjectMethod(frame.thisObj, expr.name, args, expr.pos);
          }
          return this.callMethod(found.rc, found.method, frame.thisObj, args, expr.pos);
        }
        // An abstract method of this class (no body here): the object's class implements it.
        if (frame.thisObj && c === frame.cls && this.declaresAbstract(c, lower, args.length)) {
          this.argHint = { exprs: expr.args, scope };
          return this.invokeObjectMethod(frame.thisObj, expr.name, args, expr.pos);
        }
      }
      if (frame.thisObj && frame.cls && this.exceptionBase(frame.cls)) {
        return this.host.invokeValueMethod(frame.thisObj, expr.name, args, this, expr.pos);
      }
      this.unsupported(`method ${expr.name}(${args.length} arguments)`, expr.pos);
    }
    if (expr.target.k === 'super') {
      const args = expr.args.map((a) => this.eval(a, scope));
      const sup = frame.cls?.superclass;
      if (sup) {
        const found = this.findMethod(sup, lower, args.length, false, args);
        if (found) {
          return this.callMethod(found.rc, found.method, frame.thisObj, args, expr.pos);
        }
      }
      return this.host.invokeValueMethod(frame.thisObj, expr.name, args, this, expr.pos);
    }
    const target = this.evalTarget(expr.target, scope);
    if (isMarker(target)) {
      const args = expr.args.map((a) => this.eval(a, scope));
      // Dynamic SOQL (Database.query) binds names of the calling scope.
      this.currentScope = scope;
      if (target.tm === 'class') {
        this.argHint = { exprs: expr.args, scope };
        const found = this.findMethod(target.cls, lower, args.length, true, args);
        if (found) {
          return this.callMethod(found.rc, found.method, null, args, expr.pos);
        }
        if (target.cls.decl.kind === 'enum') {
          return this.enumStatic(target.cls, lower, args, expr.pos);
        }
        this.unsupported(`static method ${target.cls.decl.fullName}.${expr.name}`, expr.pos);
      }
      const owner =
        target.tm === 'sobject'
          ? `$sobject:${target.name}`
          : target.tm === 'namespace'
            ? target.name
            : target.name;
      return this.host.nativeStatic(owner, expr.name, args, this, expr.pos);
    }
    if (target === null) {
      if (expr.safe) {
        return null;
      }
      this.throwApex('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    const args = expr.args.map((a) => this.eval(a, scope));
    if (
      target instanceof ApexObject &&
      target.cls &&
      typeof target.cls === 'object' &&
      'decl' in (target.cls as object)
    ) {
      const rc = target.cls as RuntimeClass;
      if (rc.decl.kind === 'enum') {
        return this.enumInstance(target, lower, args, expr.pos);
      }
      this.argHint = { exprs: expr.args, scope };
      return this.invokeObjectMethod(target, expr.name, args, expr.pos);
    }
    return this.host.invokeValueMethod(target, expr.name, args, this, expr.pos);
  }

  private enumStatic(rc: RuntimeClass, lower: string, args: ApexValue[], pos: Pos): ApexValue {
    const values = this.enumValuesOf(rc);
    if (lower === 'values') {
      return new ApexList({ name: rc.decl.fullName, args: [] }, [...values]);
    }
    if (lower === 'valueof') {
      const name = args[0] as string;
      const hit = values.find((v) => (v.native as { enumName: string }).enumName === name);
      if (!hit) {
        this.throwApex(
          'System.NoSuchElementException',
          `No enum constant ${rc.decl.fullName}.${name}`
        );
      }
      return hit;
    }
    this.unsupported(`enum method ${lower}`, pos);
  }

  enumInstance(value: ApexObject, lower: string, args: ApexValue[], pos: Pos): ApexValue {
    const native = value.native as { enumName: string; ordinal: number };
    switch (lower) {
      case 'name':
        return native.enumName;
      case 'ordinal':
        return native.ordinal;
      case 'equals':
        return args[0] === value;
      case 'hashcode':
        return native.ordinal;
      case 'tostring':
        return native.enumName;
    }
    this.unsupported(`enum method ${lower}`, pos);
  }

  /** Writes to a variable, field, property, SObject field or list element. */
  assignTo(target: Expr, value: ApexValue, scope: Scope): ApexValue {
    switch (target.k) {
      case 'name': {
        const lower = target.name.toLowerCase();
        const local = scope.lookup(lower);
        if (local) {
          local.value = this.coerce(value, local.type, target.pos);
          return local.value;
        }
        const frame = this.running;
        const member = this.findMember(frame.cls, lower);
        if (member) {
          return this.writeMember(member.rc, member.member, frame.thisObj, value, target.pos);
        }
        this.unsupported(`assignment to unknown name ${target.name}`, target.pos);
        break;
      }
      case 'field': {
        const owner = this.evalTarget(target.target, scope);
        if (isMarker(owner)) {
          if (owner.tm === 'class') {
            const lower = target.name.toLowerCase();
            for (let s: RuntimeClass | null = owner.cls; s; s = s.superclass) {
              const m = s.decl.members.find((x) => x.name.toLowerCase() === lower && x.isStatic);
              if (m) {
                return this.writeMember(s, m, null, value, target.pos);
              }
            }
          }
          if (owner.tm === 'native') {
            this.host.setNativeStaticProperty(owner.name, target.name, value, this, target.pos);
            return value;
          }
          this.unsupported(`assignment to ${target.name}`, target.pos);
        }
        if (owner === null) {
          this.throwApex('System.NullPointerException', 'Attempt to de-reference a null object');
        }
        if (owner instanceof SObjectValue) {
          this.host.setSObjectField(owner, target.name, value, this);
          return value;
        }
        if (
          owner instanceof ApexObject &&
          owner.cls &&
          typeof owner.cls === 'object' &&
          'decl' in (owner.cls as object)
        ) {
          const lower = target.name.toLowerCase();
          for (let s: RuntimeClass | null = owner.cls as RuntimeClass; s; s = s.superclass) {
            const m = s.decl.members.find((x) => x.name.toLowerCase() === lower);
            if (m) {
              return this.writeMember(s, m, owner, value, target.pos);
            }
          }
        }
        return this.host.invokeValueMethod(owner, '$set', [target.name, value], this, target.pos);
      }
      case 'index': {
        const owner = this.eval(target.target, scope);
        const index = this.eval(target.index, scope);
        this.host.invokeValueMethod(owner, 'set', [index, value], this, target.pos);
        return value;
      }
      default:
        this.unsupported(`assignment target ${target.k}`, target.pos);
    }
    return value;
  }

  // ---------- entry points ----------

  /** Runs a static method by name: what the test runner and the local org call. */
  runStatic(rc: RuntimeClass, methodName: string, args: ApexValue[]): ApexValue {
    const found = this.findMethod(rc, methodName.toLowerCase(), args.length, true, args);
    if (!found) {
      throw new Error(`no static method ${rc.decl.fullName}.${methodName}`);
    }
    this.staticsOf(rc);
    return this.callMethod(found.rc, found.method, null, args, found.method.pos);
  }

  /** Runs a trigger body with Trigger context variables supplied by the host. */
  runTrigger(trigger: TriggerDecl, context: Map<string, ApexValue>): void {
    const frame = this.pushFrame(
      null,
      null,
      `Trigger.${trigger.name}`,
      trigger.body.pos,
      trigger.unit
    );
    frame.withSharing = false;
    try {
      const scope = new Scope(null);
      for (const [k, v] of context) {
        scope.vars.set(k, { type: OBJECT_TYPE, value: v });
      }
      this.exec(trigger.body, scope);
    } catch (e) {
      this.annotate(e);
      throw e;
    } finally {
      this.stack.pop();
    }
  }
}

export function classSharing(rc: RuntimeClass): 'with' | 'without' | 'inherited' | 'omitted' {
  for (let c: RuntimeClass | null = rc; c; c = c.outer) {
    if (c.decl.modifiers.sharing) {
      return c.decl.modifiers.sharing;
    }
  }
  return 'omitted';
}

export function defaultValue(type: TypeRef): ApexValue {
  void type;
  return null;
}

function exactEquals(a: ApexValue, b: ApexValue): boolean {
  if (a === null || b === null) {
    return a === b;
  }
  if (typeof a !== 'object' || typeof b !== 'object') {
    return a === b;
  }
  return a === b;
}

function chunk(items: ApexValue[], size: number, type: TypeRef): ApexValue[] {
  const out: ApexValue[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(new ApexList(type.args[0] ?? OBJECT_TYPE, items.slice(i, i + size)));
  }
  return out;
}

export function typeText(type: TypeRef): string {
  return type.args.length ? `${type.name}<${type.args.map(typeText).join(',')}>` : type.name;
}

export function typeKey(type: TypeRef): string {
  return typeText(type).toLowerCase();
}

function sameTypeName(a: TypeRef, b: TypeRef): boolean {
  const norm = (t: TypeRef): string => t.name.toLowerCase().replace(/^(system|schema)\./, '');
  return norm(a) === norm(b);
}

/** Field initialisers and initialiser blocks in the order they appear in the source. */
function initialisers(
  members: MemberDecl[],
  blocks: Stmt[]
): (
  | { kind: 'member'; member: MemberDecl; line: number; column: number }
  | { kind: 'block'; block: Stmt; line: number; column: number }
)[] {
  return [
    ...members.map((member) => ({
      kind: 'member' as const,
      member,
      line: member.pos.line,
      column: member.pos.column,
    })),
    ...blocks.map((block) => ({
      kind: 'block' as const,
      block,
      line: block.pos.line,
      column: block.pos.column,
    })),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Collections a for loop is walking: changing one throws, as on the platform. */
const iterating = new WeakMap<object, number>();

export function isBeingIterated(collection: object): boolean {
  return (iterating.get(collection) ?? 0) > 0;
}
