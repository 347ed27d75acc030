// System.List methods on ApexList. Elements are converted to the list's element type on the way
// in (List<Decimal>.add(1) stores 1 as a Decimal); contains/indexOf use the same equality as Set
// and Map keys (strings case-sensitive).
import { apexThrow, unsupported } from '../interpreter/errors';
import {
  ApexList,
  ApexObject,
  ApexSet,
  SObjectValue,
  keyOf,
  type ApexValue,
} from '../interpreter/values';
import { apexEquals, coerce, compare, toId18 } from './Arithmetic';
import type { InstanceMethod, SystemContext } from './context';
import { apexToString, javaCompare } from './String';

function outOfBounds(index: number): never {
  apexThrow('System.ListException', `List index out of bounds: ${index}`);
}

function index(v: ApexValue): number {
  if (typeof v !== 'number') {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

export function listElement(list: ApexList, value: ApexValue): ApexValue {
  return coerce(value, list.elementType);
}

function itemsOf(v: ApexValue): ApexValue[] {
  if (v instanceof ApexList || v instanceof ApexSet) {
    return v.items();
  }
  if (v === null) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  unsupported('addAll from this kind of value');
}

/** Ids compare by their 18-character form as keys. */
export function normalizedKey(v: ApexValue): unknown {
  if (typeof v === 'string' && (v.length === 15 || v.length === 18)) {
    const id = toId18(v);
    if (id !== null && v.length === 15) {
      return keyOf(id);
    }
  }
  return keyOf(v);
}

/** The platform's ascending order for List.sort: nulls first, then by type-specific order. */
export function sortCompare(a: ApexValue, b: ApexValue, ctx: SystemContext): number {
  if (a === null || b === null) {
    return a === b ? 0 : a === null ? -1 : 1;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return javaCompare(a, b);
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return a === b ? 0 : a ? 1 : -1;
  }
  if (a instanceof ApexObject) {
    const r = ctx.objectCompare?.(a, b);
    if (r === undefined) {
      apexThrow('System.ListException', 'One or more of the items in this list is not Comparable');
    }
    return r;
  }
  if (a instanceof SObjectValue) {
    unsupported('List.sort of SObjects');
  }
  return compare(a, b);
}

export function sortList(list: ApexList, ctx: SystemContext, comparator?: ApexValue): void {
  if (comparator !== undefined && comparator !== null) {
    if (!(comparator instanceof ApexObject) || !ctx.invoke) {
      unsupported('List.sort with a Comparator without an invoke callback');
    }
    const invoke = ctx.invoke;
    list.values.sort((a, b) => {
      const r = invoke(comparator, 'compare', [a, b]);
      if (typeof r !== 'number') {
        apexThrow('System.NullPointerException', 'Attempt to de-reference a null object');
      }
      return r;
    });
    return;
  }
  list.values.sort((a, b) => sortCompare(a, b, ctx));
}

function deepCloneValue(v: ApexValue, preserveId: boolean): ApexValue {
  if (v instanceof SObjectValue) {
    const copy = v.clone();
    if (!preserveId) {
      copy.delete('Id');
    }
    return copy;
  }
  return v;
}

export const listInstanceMethods: Record<string, InstanceMethod<ApexList>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  add: (self, args) => {
    if (args.length === 2) {
      const i = index(args[0] ?? null);
      if (i < 0 || i > self.values.length) {
        outOfBounds(i);
      }
      self.values.splice(i, 0, listElement(self, args[1] ?? null));
      return null;
    }
    self.values.push(listElement(self, args[0] ?? null));
    return null;
  },
  addall: (self, [other = null]) => {
    for (const v of itemsOf(other)) {
      self.values.push(listElement(self, v));
    }
    return null;
  },
  get: (self, [i = null]) => {
    const n = index(i);
    if (n < 0 || n >= self.values.length) {
      outOfBounds(n);
    }
    // n is in range.
    return self.values[n] ?? null;
  },
  set: (self, [i = null, v = null]) => {
    const n = index(i);
    if (n < 0 || n >= self.values.length) {
      outOfBounds(n);
    }
    self.values[n] = listElement(self, v);
    return null;
  },
  remove: (self, [i = null]) => {
    const n = index(i);
    if (n < 0 || n >= self.values.length) {
      outOfBounds(n);
    }
    // n is in range: splice removes one element.
    return self.values.splice(n, 1)[0] ?? null;
  },
  size: (self) => self.values.length,
  isempty: (self) => self.values.length === 0,
  clear: (self) => {
    self.values.length = 0;
    return null;
  },
  contains: (self, [v = null]) => {
    const k = normalizedKey(v);
    return self.values.some((x) => normalizedKey(x) === k);
  },
  indexof: (self, [v = null]) => {
    const k = normalizedKey(v);
    return self.values.findIndex((x) => normalizedKey(x) === k);
  },
  sort: (self, [comparator], ctx) => {
    sortList(self, ctx, comparator);
    return null;
  },
  clone: (self) => new ApexList(self.elementType, [...self.values]),
  deepclone: (self, [preserveId]) =>
    new ApexList(
      self.elementType,
      self.values.map((v) => deepCloneValue(v, preserveId === true))
    ),
  equals: (self, [other = null], ctx) => apexEquals(self, other, ctx),
  hashcode: (self) => {
    let h = 1;
    for (const c of String(keyOf(self))) {
      h = (Math.imul(31, h) + c.charCodeAt(0)) | 0;
    }
    return h;
  },
  tostring: (self, _a, ctx) => apexToString(self, ctx),
  getsobjecttype: () => unsupported('List.getSObjectType'),
  iterator: () => unsupported('List.iterator'),
};
