// The Apex heap, estimated (Apex Reference Guide: Limits Class, getHeapSize(), "the approximate
// amount of memory (in bytes) that has been used for the heap"). The platform does not publish
// how it sizes values, so this is a model, written down in DIVERGENCES.md: the bytes of the
// values reachable from the transaction's roots, each object counted once.
import {
  ApexBlob,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  SObjectValue,
  type ApexValue,
} from '../interpreter/values';

// Sizes in bytes. Integer is the one scalar a practitioner measured (8); the other scalars are
// assumed to cost the same. Headers and slots are assumed, the SObject header chosen so that a
// list of Id-only records comes near the ~68 bytes per row measured for 5,000 Accounts.
export const HEAP_SCALAR = 8;
export const HEAP_SLOT = 8;
export const HEAP_COLLECTION = 8;
export const HEAP_OBJECT = 16;
export const HEAP_SOBJECT = 32;
/**
 * Strings this long are counted once by value: JavaScript cannot tell a shared String from an
 * equal copy, and a long one seen twice is far more often shared than rebuilt. Shorter ones
 * count wherever they are held, which keeps the walk cheap (a Set of every Id would not be).
 */
export const HEAP_LONG_STRING = 256;

type Walkable = ApexList | ApexSet | ApexMap | SObjectValue | ApexObject | ApexBlob;

// The classes held in constants: an imported binding may be read through a getter (tsx's
// CommonJS output), which the walk would otherwise call for every value it meets.
const OBJECT = ApexObject;
const SOBJECT = SObjectValue;
const LIST = ApexList;
const MAP = ApexMap;
const SET = ApexSet;
const BLOB = ApexBlob;

let walks = 0;
let contexts = 0;

/**
 * Long Strings by value, looked up by length first: two of one length are rare, so no String
 * is hashed (hashing a String that grows at every statement would cost its length each walk).
 */
export class LongStrings {
  private readonly byLength = new Map<number, string[]>();

  /** Adds `s`; false when an equal String is there already. */
  add(s: string): boolean {
    const same = this.byLength.get(s.length);
    if (!same) {
      this.byLength.set(s.length, [s]);
      return true;
    }
    if (same.includes(s)) {
      return false;
    }
    same.push(s);
    return true;
  }

  has(s: string): boolean {
    return this.byLength.get(s.length)?.includes(s) ?? false;
  }
}

/**
 * A limits context's share of the heap (Test.startTest, each async job ...): objects first seen
 * in an earlier context are charged to that one, as are the long Strings held when it began.
 */
export interface HeapContext {
  readonly id: number;
  readonly baselineStrings: LongStrings | null;
}

export function newHeapContext(baselineStrings: LongStrings | null = null): HeapContext {
  return { id: ++contexts, baselineStrings };
}

/** heapBorn of a value the platform holds outside the Apex heap: never charged. */
const PLATFORM_HELD = -1;

/**
 * Marks a value as held by the platform, not the program: an Apex REST request's body, which
 * a practitioner found absent from getHeapSize (tens of MB passed through) until the program
 * makes something of it, such as `toString()`, whose result counts.
 */
export function platformHeld<T extends Walkable>(value: T): T {
  value.heapBorn = PLATFORM_HELD;
  return value;
}

/**
 * One walk over the heap. An object is visited once (marked with the walk's number), so shared
 * objects and cycles cost nothing more; it is charged unless an earlier context first saw it.
 */
export class HeapWalk {
  readonly longStrings = new LongStrings();
  bytes = 0;
  /** Values met: the walk's cost. */
  visited = 0;
  private readonly mark = ++walks;
  private readonly pending: Walkable[] = [];
  private owned = false;

  constructor(private readonly context: HeapContext) {}

  /** Counts `value` and everything it reaches; `owned` is charged whoever saw it first. */
  add(value: ApexValue, owned = false): void {
    this.owned = owned;
    this.bytes += this.reach(value, true);
    // An explicit stack: a long chain of objects must not exhaust JavaScript's.
    while (this.pending.length) {
      this.bytes += this.expand(this.pending.pop() as Walkable);
    }
  }

  addAll(values: Iterable<ApexValue>, owned = false): void {
    for (const v of values) {
      this.add(v, owned);
    }
  }

  /** A scalar's or String's bytes, if its holder is charged; an object is queued instead. */
  private reach(v: ApexValue, charged: boolean): number {
    this.visited++;
    if (v === null || v === undefined) {
      return 0;
    }
    if (typeof v === 'string') {
      // One byte per UTF-16 unit: a character past U+FFFF counts two, as practitioners measured.
      if (v.length < HEAP_LONG_STRING) {
        return charged ? v.length : 0;
      }
      if (!this.longStrings.add(v)) {
        return 0;
      }
      return !this.owned && this.context.baselineStrings?.has(v) ? 0 : v.length;
    }
    if (typeof v !== 'object') {
      return charged ? HEAP_SCALAR : 0;
    }
    const c = v.constructor;
    if (c === OBJECT || c === SOBJECT || c === LIST || c === MAP || c === SET || c === BLOB) {
      const o = v as Walkable;
      if (o.heapMark !== this.mark) {
        o.heapMark = this.mark;
        this.pending.push(o);
      }
      return 0;
    }
    // Decimal, Double, Date, Datetime, Time, Type: immutable, sized with their holder.
    return charged ? HEAP_SCALAR : 0;
  }

  /** An object's own bytes (when charged) and its scalars'; its objects are queued. */
  private expand(o: Walkable): number {
    if (o.heapBorn === 0) {
      o.heapBorn = this.context.id;
    }
    const charged = this.owned || o.heapBorn >= this.context.id;
    let own = 0;
    let inner = 0;
    if (o instanceof OBJECT) {
      // A system class's private state (`native`) is the platform's, not the program's.
      own = HEAP_OBJECT + HEAP_SLOT * o.fields.size;
      for (const v of o.fields.values()) {
        inner += this.reach(v, charged);
      }
    } else if (o instanceof SOBJECT) {
      own = HEAP_SOBJECT + HEAP_SLOT * o.fields.size;
      for (const f of o.fields.values()) {
        inner += this.reach(f.value, charged);
      }
    } else if (o instanceof LIST) {
      own = HEAP_COLLECTION + HEAP_SLOT * o.values.length;
      for (const v of o.values) {
        inner += this.reach(v, charged);
      }
    } else if (o instanceof MAP) {
      own = HEAP_COLLECTION + 2 * HEAP_SLOT * o.entries.size;
      for (const e of o.entries.values()) {
        inner += this.reach(e.key, charged) + this.reach(e.value, charged);
      }
    } else if (o instanceof SET) {
      own = HEAP_COLLECTION + HEAP_SLOT * o.map.size;
      for (const v of o.map.values()) {
        inner += this.reach(v, charged);
      }
    } else {
      own = o.bytes.length;
    }
    return (charged ? own : 0) + inner;
  }
}
