// Runtime values of the Apex language, as the evaluator, the database and the system library
// share them. Apex is statically typed, but this runtime carries just enough type on each value
// to apply the platform's rules at run time:
//   null                      null (Apex has no undefined)
//   Boolean                   boolean
//   Integer                   number (always a 32-bit integer; arithmetic wraps as Java's int)
//   Long                      bigint (64-bit; arithmetic wraps as Java's long)
//   Double                    ApexDouble
//   Decimal                   ApexDecimal (a JS double with a scale; see the README's divergences)
//   String, Id                string (an Id is held in its 18-character form)
//   Date, Datetime, Time      ApexDate, ApexDatetime, ApexTime
//   Blob                      ApexBlob
//   List, Set, Map            ApexList, ApexSet, ApexMap (each knows its element types)
//   SObject                   SObjectValue
//   any class instance        ApexObject (user classes, exceptions, system classes' instances)
//   System.Type               TypeValue

/** A parsed Apex type reference: `Map<Id, List<Contact>>` is {name:'Map', args:[Id, List<Contact>]}. */
export interface TypeRef {
  /** The name as written, dots kept (`Schema.Contact`, `Database.SaveResult`, `Outer.Inner`). */
  name: string;
  args: TypeRef[];
  /** `Contact[]` is written as a List; this marks that it was array syntax. */
  array?: boolean;
}

export function typeRef(name: string, ...args: TypeRef[]): TypeRef {
  return { name, args };
}

export function typeToString(type: TypeRef): string {
  if (type.array && type.args.length === 1) {
    return `${typeToString(type.args[0]!)}[]`;
  }
  return type.args.length ? `${type.name}<${type.args.map(typeToString).join(', ')}>` : type.name;
}

export class ApexDouble {
  constructor(readonly value: number) {}
}

export class ApexDecimal {
  /** scale: digits after the point, as the platform keeps them (1.50 has scale 2). */
  constructor(
    readonly value: number,
    readonly scale: number
  ) {}

  static of(value: number): ApexDecimal {
    return new ApexDecimal(value, decimalScaleOf(value));
  }
}

/** The scale a double gets when it becomes a Decimal: its shortest round-trip digits. */
export function decimalScaleOf(value: number): number {
  if (!Number.isFinite(value)) {
    return 0;
  }
  const text = String(value);
  if (text.includes('e')) {
    // text holds an `e`: split gives the mantissa and the exponent.
    const [mantissa, exponent] = text.split('e');
    const fraction = (mantissa!.split('.')[1] ?? '').length;
    return Math.max(0, fraction - Number(exponent));
  }
  return (text.split('.')[1] ?? '').length;
}

/** A calendar date, no time zone. month is 1-12. */
export class ApexDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number
  ) {}

  /** Days since 1970-01-01, for comparison and arithmetic. */
  toEpochDay(): number {
    return Math.floor(Date.UTC(this.year, this.month - 1, this.day) / 86_400_000);
  }

  static fromEpochDay(day: number): ApexDate {
    const d = new Date(day * 86_400_000);
    return new ApexDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
}

/** An instant, milliseconds since the epoch (UTC), as Apex Datetime holds it. */
export class ApexDatetime {
  constructor(readonly millis: number) {}
}

/** A time of day in milliseconds since midnight. */
export class ApexTime {
  constructor(readonly millis: number) {}
}

export class ApexBlob {
  /** Marks of the heap walk (org/heap.ts): the walk that last saw it, the context first to. */
  heapMark = 0;
  heapBorn = 0;

  constructor(readonly bytes: Uint8Array) {}
}

export type ApexValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | ApexDouble
  | ApexDecimal
  | ApexDate
  | ApexDatetime
  | ApexTime
  | ApexBlob
  | ApexList
  | ApexSet
  | ApexMap
  | SObjectValue
  | ApexObject
  | TypeValue;

/** Key under which a value is stored in a Set or Map: the platform's equality for keys. */
export function keyOf(value: ApexValue): unknown {
  // Strings (and Ids) are case-sensitive as keys, unlike `==`.
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (value instanceof ApexDecimal || value instanceof ApexDouble) {
    return `#n:${value.value}`;
  }
  if (value instanceof ApexDate) {
    return `#d:${value.toEpochDay()}`;
  }
  if (value instanceof ApexDatetime) {
    return `#dt:${value.millis}`;
  }
  if (value instanceof ApexTime) {
    return `#t:${value.millis}`;
  }
  if (value instanceof TypeValue) {
    return `#type:${value.key}`;
  }
  if (value instanceof SObjectValue) {
    return `#so:${value.type.toLowerCase()}:${JSON.stringify(
      [...value.fields.entries()].map(([k, v]) => [k, String(keyOf(v.value))]).sort()
    )}`;
  }
  if (value instanceof ApexObject && value.keyHook) {
    return value.keyHook(value);
  }
  // Lists, sets, maps and objects without equals/hashCode: identity, which is what the
  // platform's default hashCode gives an object (collections compare by content: see below).
  if (value instanceof ApexList || value instanceof ApexSet || value instanceof ApexMap) {
    return `#c:${JSON.stringify(value.items().map((v) => String(keyOf(v))))}`;
  }
  return value;
}

export class ApexList {
  /** Marks of the heap walk (org/heap.ts): the walk that last saw it, the context first to. */
  heapMark = 0;
  heapBorn = 0;

  constructor(
    /** The element type, `Contact` for List<Contact>; `Object` when unknown. */
    public elementType: TypeRef,
    public values: ApexValue[] = []
  ) {}

  items(): ApexValue[] {
    return this.values;
  }
}

export class ApexSet {
  readonly map = new Map<unknown, ApexValue>();
  /** Marks of the heap walk (org/heap.ts): the walk that last saw it, the context first to. */
  heapMark = 0;
  heapBorn = 0;

  constructor(
    public elementType: TypeRef,
    values: ApexValue[] = []
  ) {
    for (const v of values) {
      this.add(v);
    }
  }

  add(value: ApexValue): boolean {
    const key = keyOf(value);
    if (this.map.has(key)) {
      return false;
    }
    this.map.set(key, value);
    return true;
  }

  has(value: ApexValue): boolean {
    return this.map.has(keyOf(value));
  }

  delete(value: ApexValue): boolean {
    return this.map.delete(keyOf(value));
  }

  items(): ApexValue[] {
    return [...this.map.values()];
  }
}

export class ApexMap {
  readonly entries = new Map<unknown, { key: ApexValue; value: ApexValue }>();
  /** Marks of the heap walk (org/heap.ts): the walk that last saw it, the context first to. */
  heapMark = 0;
  heapBorn = 0;
  /**
   * Describe's maps (getGlobalDescribe, fields.getMap) hold lower-case names and look keys up
   * without case; a map the program builds never does.
   */
  ignoreKeyCase = false;

  constructor(
    public keyType: TypeRef,
    public valueType: TypeRef
  ) {}

  private keyFor(key: ApexValue): unknown {
    return this.ignoreKeyCase && typeof key === 'string' ? key.toLowerCase() : keyOf(key);
  }

  get(key: ApexValue): ApexValue {
    return this.entries.get(this.keyFor(key))?.value ?? null;
  }

  has(key: ApexValue): boolean {
    return this.entries.has(this.keyFor(key));
  }

  put(key: ApexValue, value: ApexValue): ApexValue {
    const k = this.keyFor(key);
    const previous = this.entries.get(k);
    // The first key written is kept, as Java's HashMap keeps it.
    this.entries.set(k, { key: previous ? previous.key : key, value });
    return previous ? previous.value : null;
  }

  delete(key: ApexValue): ApexValue {
    const k = this.keyFor(key);
    const previous = this.entries.get(k);
    this.entries.delete(k);
    return previous ? previous.value : null;
  }

  keys(): ApexValue[] {
    return [...this.entries.values()].map((e) => e.key);
  }

  values(): ApexValue[] {
    return [...this.entries.values()].map((e) => e.value);
  }

  items(): ApexValue[] {
    return [...this.entries.values()].flatMap((e) => [e.key, e.value]);
  }
}

/** One field of an SObject: the name in the case first written, and its value. */
export interface SObjectField {
  name: string;
  value: ApexValue;
}

// Field names repeat endlessly: each is lower-cased once.
const lowerNames = new Map<string, string>();
function lowerCase(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerNames.size < 50_000) {
      lowerNames.set(name, lower);
    }
  }
  return lower;
}

/**
 * A record. Field names are stored lower-cased (Apex field names are case-insensitive) with the
 * spelling first used kept for serialization. `queried` is set on records that come from SOQL:
 * reading a field outside it throws SObjectException, as on the platform.
 */
export class SObjectValue {
  readonly fields = new Map<string, SObjectField>();
  /** Marks of the heap walk (org/heap.ts): the walk that last saw it, the context first to. */
  heapMark = 0;
  heapBorn = 0;
  queried: Set<string> | null = null;

  constructor(
    /** The object's API name as the schema spells it (`Contact`, `kondo__Kondo_Message__c`). */
    public type: string
  ) {}

  get(name: string): ApexValue {
    return this.fields.get(lowerCase(name))?.value ?? null;
  }

  has(name: string): boolean {
    return this.fields.has(lowerCase(name));
  }

  set(name: string, value: ApexValue): void {
    const key = lowerCase(name);
    const existing = this.fields.get(key);
    this.fields.set(key, { name: existing ? existing.name : name, value });
  }

  delete(name: string): void {
    this.fields.delete(name.toLowerCase());
  }

  clone(): SObjectValue {
    const copy = new SObjectValue(this.type);
    for (const [key, field] of this.fields) {
      copy.fields.set(key, { ...field });
    }
    copy.queried = this.queried ? new Set(this.queried) : null;
    return copy;
  }
}

/**
 * An instance of a class: a user class (cls is its declaration, opaque here), an exception, or a
 * system class whose state lives in `native` (a Pattern's RegExp, a SaveResult's fields ...).
 */
export class ApexObject {
  readonly fields = new Map<string, ApexValue>();
  /** Marks of the heap walk (org/heap.ts): the walk that last saw it, the context first to. */
  heapMark = 0;
  heapBorn = 0;
  native: unknown = undefined;
  /** Set by the interpreter for classes that define equals/hashCode. */
  keyHook?: (self: ApexObject) => unknown;

  constructor(
    /** The class's full name in canonical case (`LinkedInIdentity.Result`, `System.Pattern`). */
    readonly className: string,
    /** The interpreter's class declaration, or the system class descriptor. */
    readonly cls: unknown
  ) {}
}

/** A `System.Type` value (`Contact.class`, `Type.forName(...)`). key is the lower-cased full name. */
export class TypeValue {
  constructor(
    readonly type: TypeRef,
    readonly key: string
  ) {}
}

export function isNumeric(value: ApexValue): boolean {
  return (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    value instanceof ApexDouble ||
    value instanceof ApexDecimal
  );
}

/** A numeric value as a JS number (for comparison and conversion). */
export function toNumber(value: ApexValue): number {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (value instanceof ApexDouble || value instanceof ApexDecimal) {
    return value.value;
  }
  throw new Error(`not a number: ${String(value)}`);
}

/** The runtime type name the platform prints in conversion errors. */
export function runtimeTypeName(v: ApexValue): string {
  if (v === null || v === undefined) {
    return 'null';
  }
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return 'Integer';
    case 'bigint':
      return 'Long';
  }
  if (v instanceof ApexDecimal) {
    return 'Decimal';
  }
  if (v instanceof ApexDouble) {
    return 'Double';
  }
  if (v instanceof ApexDate) {
    return 'Date';
  }
  if (v instanceof ApexDatetime) {
    return 'Datetime';
  }
  if (v instanceof ApexTime) {
    return 'Time';
  }
  if (v instanceof ApexBlob) {
    return 'Blob';
  }
  if (v instanceof ApexList) {
    return `List<${typeToString(v.elementType)}>`;
  }
  if (v instanceof ApexSet) {
    return `Set<${typeToString(v.elementType)}>`;
  }
  if (v instanceof ApexMap) {
    return `Map<${typeToString(v.keyType)},${typeToString(v.valueType)}>`;
  }
  if (v instanceof SObjectValue) {
    return v.type;
  }
  if (v instanceof TypeValue) {
    return 'System.Type';
  }
  return v.className;
}
